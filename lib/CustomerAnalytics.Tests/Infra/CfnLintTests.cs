namespace CustomerAnalytics.Tests.Infra;

/// <summary>
/// The template validates offline with cfn-lint 1.9.7 using a current resource specification
/// (infra/tools/install-cfn-lint.sh installs both), and the linter really catches a wrong property name.
/// </summary>
public class CfnLintTests
{
    private static InfraPaths.Result Lint(string template) =>
        InfraPaths.Run(InfraTools.RequireCfnLint(), ["validate", template], environment: new Dictionary<string, string> { ["NO_COLOR"] = "1" });

    [CfnLintFact]
    public void Template_is_valid()
    {
        var result = Lint(InfraPaths.Template);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Template valid!", result.Output);
    }

    [CfnLintFact]
    public void A_misspelt_property_in_a_copy_of_the_template_is_reported()
    {
        var folder = InfraPaths.NewTempFolder("ca-cfn-");
        try
        {
            var text = File.ReadAllText(InfraPaths.Template);
            Assert.Contains("HttpTokens: required", text);
            var broken = Path.Combine(folder, "broken.yaml");
            File.WriteAllText(broken, text.Replace("HttpTokens: required", "HttpToken: required"));

            var result = Lint(broken);
            Assert.True(result.ExitCode != 0, result.ToString());
            Assert.Contains("HttpToken is not a valid property of AWS::EC2::LaunchTemplate.MetadataOptions", result.Output);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [CfnLintFact]
    public void Linter_uses_a_current_resource_specification()
    {
        // The spec bundled with cfn-lint 1.9.7 (2.29.0) does not know LaunchTemplate MetadataOptions, so the
        // template would fail; the install script replaces it with @aws-cdk/cfnspec's.
        // node_modules/.bin/cfn-lint links to the package's lib/index.js; the spec is in the package's data/.
        var bin = new FileInfo(InfraTools.RequireCfnLint());
        var script = bin.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? bin.FullName;
        var package = Path.GetDirectoryName(Path.GetDirectoryName(script))!;
        var spec = File.ReadAllText(Path.Combine(package, "data", "aws_resources_specification.json"));
        Assert.Contains("\"AWS::EC2::LaunchTemplate.MetadataOptions\"", spec);
    }
}
