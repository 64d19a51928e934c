using System.Security.Cryptography;
using System.Text.Json;

namespace CustomerAnalytics.Tests.Infra;

/// <summary>
/// The dev container and CI's Debian 13 root install the same packages through one script
/// (.ci/setup-debian.sh), and CI's cached root is rebuilt whenever that script changes.
/// Docker is not available here, so the container itself is not started: its configuration and scripts are checked.
/// </summary>
public class DevContainerTests
{
    private static string Ci => Path.Combine(RepositoryPaths.Root, ".ci");
    private static string SetupDebian => Path.Combine(Ci, "setup-debian.sh");
    private static string Debian13 => Path.Combine(Ci, "debian13");
    private static string DevContainer => Path.Combine(RepositoryPaths.Root, ".devcontainer");
    private static string PostCreate => Path.Combine(DevContainer, "post-create.sh");

    /// <summary>The scripts this set-up is made of.</summary>
    private static string[] Scripts => [SetupDebian, Debian13, PostCreate, Path.Combine(Ci, "jupyterlab-browser")];

    public static TheoryData<string> ScriptNames() => new(Scripts.Select(s => Path.GetRelativePath(RepositoryPaths.Root, s)));

    /// <summary>devcontainer.json is JSON with comments and trailing commas (JSONC), as VS Code reads it.</summary>
    private static JsonElement Config()
    {
        var text = File.ReadAllText(Path.Combine(DevContainer, "devcontainer.json"));
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        return document.RootElement.Clone();
    }

    /// <summary>A script's lines that are not comments, so a mention in a comment does not count as a call.</summary>
    private static string Code(string script) =>
        string.Join('\n', File.ReadLines(script).Where(line => !line.TrimStart().StartsWith('#')));

    [Fact]
    public void Container_uses_the_dotnet_10_sdk_image()
    {
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", Config().GetProperty("image").GetString());
    }

    [Fact]
    public void Post_create_runs_the_same_setup_script_as_ci()
    {
        Assert.Equal("bash .devcontainer/post-create.sh", Config().GetProperty("postCreateCommand").GetString());
        Assert.Contains("bash .ci/setup-debian.sh", Code(PostCreate));
        Assert.Contains("SETUP=\"$REPO/.ci/setup-debian.sh\"", Code(Debian13));
        Assert.Contains("bash '$SETUP'", Code(Debian13));
    }

    [Fact]
    public void Post_create_installs_the_kernel_and_builds()
    {
        var code = Code(PostCreate);
        Assert.Contains("dotnet tool restore", code);
        Assert.Contains("dotnet interactive jupyter install", code);
        Assert.Contains("dotnet build CustomerAnalytics.slnx", code);
    }

    [Fact]
    public void Package_list_has_what_the_notebooks_and_tests_need()
    {
        var result = InfraPaths.Run("bash", [SetupDebian, "--list"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var packages = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Superset(new HashSet<string> { "chromium", "jupyter-nbconvert", "python3-ipykernel", "postgresql", "nodejs", "npm", "shellcheck", "s3rver@3.7.1", "jupyterlab", "playwright-core@1.65.1" },
            packages.ToHashSet());
    }

    [Fact]
    public void Setup_script_rejects_unknown_options()
    {
        var result = InfraPaths.Run("bash", [SetupDebian, "jupyterlab", "--install-everything"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage:", result.Output);
    }

    [Fact]
    public void Ci_recipe_holds_the_hash_of_the_setup_script()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(SetupDebian)));
        var result = InfraPaths.Run("bash", [Debian13, "--recipe"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(hash, result.Output);
    }

    [Fact]
    public void Changing_the_setup_script_changes_the_ci_recipe()
    {
        var copy = InfraPaths.NewTempFolder("ca-recipe-");
        try
        {
            Directory.CreateDirectory(Path.Combine(copy, ".ci"));
            File.Copy(Debian13, Path.Combine(copy, ".ci", "debian13"));
            var setup = Path.Combine(copy, ".ci", "setup-debian.sh");
            File.Copy(SetupDebian, setup);
            string Recipe() => InfraPaths.Run("bash", [Path.Combine(copy, ".ci", "debian13"), "--recipe"]).Output.Trim();

            var before = Recipe();
            Assert.Equal(InfraPaths.Run("bash", [Debian13, "--recipe"]).Output.Trim(), before);
            File.AppendAllText(setup, "# one more package\n");
            Assert.NotEqual(before, Recipe());
        }
        finally { Directory.Delete(copy, recursive: true); }
    }

    [Fact]
    public void Vs_code_gets_the_csharp_jupyter_and_polyglot_extensions()
    {
        var extensions = Config().GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("ms-dotnettools.csharp", extensions);
        Assert.Contains("ms-toolsai.jupyter", extensions);
        Assert.Contains("ms-dotnettools.dotnet-interactive-vscode", extensions);
    }

    [Fact]
    public void No_port_is_forwarded_by_default_and_chromium_is_found()
    {
        var config = Config();
        Assert.Equal(0, config.GetProperty("forwardPorts").GetArrayLength());
        var environment = config.GetProperty("containerEnv");
        Assert.Equal("/usr/bin/chromium", environment.GetProperty("CHROMIUM_PATH").GetString());
        Assert.Equal("/opt/s3rver/node_modules/.bin/s3rver", environment.GetProperty("S3RVER_BIN").GetString());
    }

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public void Script_parses_and_is_executable(string script)
    {
        var path = Path.Combine(RepositoryPaths.Root, script);
        var result = InfraPaths.Run("bash", ["-n", path]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable (chmod +x)");
    }

    [ShellcheckFact]
    public void Scripts_pass_shellcheck()
    {
        var result = InfraPaths.Run(InfraTools.RequireShellcheck(), ["-x", .. Scripts]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void JupyterLab_reads_the_rooms_settings_from_the_repository()
    {
        Assert.Equal("${containerWorkspaceFolder}/infra/jupyter", Config().GetProperty("remoteEnv").GetProperty("JUPYTER_CONFIG_PATH").GetString());
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "infra", "jupyter", "jupyter_server_config.py")));
    }
}
