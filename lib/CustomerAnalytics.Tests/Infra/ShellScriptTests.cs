using System.Text.RegularExpressions;

namespace CustomerAnalytics.Tests.Infra;

/// <summary>Every infra shell script, and the user data stub inside the template, parses and passes shellcheck.</summary>
public class ShellScriptTests
{
    public static TheoryData<string> Scripts() => new(InfraPaths.ShellScripts.Select(Path.GetFileName)!);

    private static string PathOf(string name) => InfraPaths.ShellScripts.Single(s => Path.GetFileName(s) == name);

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_parses(string script)
    {
        var result = InfraPaths.Run("bash", ["-n", PathOf(script)]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [ShellcheckFact]
    public void Scripts_pass_shellcheck()
    {
        var result = InfraPaths.Run(InfraTools.RequireShellcheck(), ["-x", .. InfraPaths.ShellScripts]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [ShellcheckFact]
    public void User_data_stub_passes_bash_n_and_shellcheck()
    {
        var folder = InfraPaths.NewTempFolder("ca-userdata-");
        try
        {
            // CloudFormation substitutes ${Name} before the shell sees the script; plain values stand in here.
            var script = Regex.Replace(WorkshopTemplateTests.UserData(), @"\$\{([A-Za-z:]+)\}", "placeholder-$1").Replace("::", "-");
            var file = Path.Combine(folder, "user-data.sh");
            File.WriteAllText(file, script);
            var syntax = InfraPaths.Run("bash", ["-n", file]);
            Assert.True(syntax.ExitCode == 0, syntax.ToString());
            var lint = InfraPaths.Run(InfraTools.RequireShellcheck(), [file]);
            Assert.True(lint.ExitCode == 0, lint + "\n" + script);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void Scripts_are_executable()
    {
        Assert.All(InfraPaths.ShellScripts, s =>
            Assert.True(File.GetUnixFileMode(s).HasFlag(UnixFileMode.UserExecute), $"{s} is not executable (chmod +x)"));
    }
}
