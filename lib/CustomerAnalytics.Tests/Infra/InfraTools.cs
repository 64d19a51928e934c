namespace CustomerAnalytics.Tests.Infra;

/// <summary>
/// The external linters the infra tests use. Missing tools fail the tests with the command that installs them,
/// unless ALLOW_NO_CFN_LINT=1 / ALLOW_NO_SHELLCHECK=1 (then the tests that need them are skipped).
/// </summary>
internal static class InfraTools
{
    public const string CfnLintInstallHint =
        "cfn-lint not found. Install it (npm, offline afterwards) with `infra/tools/install-cfn-lint.sh` " +
        "(into artifacts/tools/cfn-lint), or point CFN_LINT_BIN at a cfn-lint 1.9.7 whose resource specification " +
        "was replaced by @aws-cdk/cfnspec's. Set ALLOW_NO_CFN_LINT=1 to skip the cfn-lint tests instead.";

    public const string ShellcheckInstallHint =
        "shellcheck not found. Install the Debian package (`apt-get install shellcheck`) or run the tests in the " +
        "Debian 13 environment (`.ci/debian13 dotnet test ...`), which has it. Set ALLOW_NO_SHELLCHECK=1 to skip instead.";

    /// <summary>CFN_LINT_BIN, else artifacts/tools/cfn-lint/node_modules/.bin/cfn-lint under the repository.</summary>
    public static string? CfnLint
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("CFN_LINT_BIN");
            if (!string.IsNullOrWhiteSpace(fromEnv)) return File.Exists(fromEnv) ? fromEnv : null;
            var cached = Path.Combine(RepositoryPaths.Root, "artifacts", "tools", "cfn-lint", "node_modules", ".bin", "cfn-lint");
            return File.Exists(cached) ? cached : null;
        }
    }

    public static string? Shellcheck => InfraPaths.OnPath("shellcheck");

    public static string RequireCfnLint() => CfnLint ?? throw new InvalidOperationException(CfnLintInstallHint);
    public static string RequireShellcheck() => Shellcheck ?? throw new InvalidOperationException(ShellcheckInstallHint);

    public static bool Allowed(string variable) => Environment.GetEnvironmentVariable(variable) == "1";
}

/// <summary>A test that needs cfn-lint: skipped only when it is missing and ALLOW_NO_CFN_LINT=1.</summary>
public sealed class CfnLintFactAttribute : FactAttribute
{
    public CfnLintFactAttribute()
    {
        if (InfraTools.CfnLint is null && InfraTools.Allowed("ALLOW_NO_CFN_LINT")) Skip = InfraTools.CfnLintInstallHint;
    }
}

/// <summary>A test that needs shellcheck: skipped only when it is missing and ALLOW_NO_SHELLCHECK=1.</summary>
public sealed class ShellcheckFactAttribute : FactAttribute
{
    public ShellcheckFactAttribute()
    {
        if (InfraTools.Shellcheck is null && InfraTools.Allowed("ALLOW_NO_SHELLCHECK")) Skip = InfraTools.ShellcheckInstallHint;
    }
}
