using System.Diagnostics;
using System.Text.Json;

namespace CustomerAnalytics.Tests.Infra;

/// <summary>
/// infra/jupyter: the JupyterLab settings of the dev container and the GPU machines. The server config is Python,
/// so it is executed here with a stand-in for traitlets' config object and the values it sets are checked; the lab
/// settings override turns the news prompt off.
/// </summary>
public class JupyterSettingsTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "infra", "jupyter");

    [Fact]
    public void Server_config_culls_idle_kernels_of_closed_tabs_and_points_at_the_lab_settings()
    {
        const string probe = """
            import json, sys
            class Section(dict):
                def __getattr__(self, k): return self[k]
                def __setattr__(self, k, v): self[k] = v
            class Config(dict):
                def __getattr__(self, k): return self.setdefault(k, Section())
            c = Config()
            path = sys.argv[1]
            exec(compile(open(path).read(), path, "exec"), {"c": c, "__file__": path})
            print(json.dumps(c))
            """;
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(probe);
        start.ArgumentList.Add(Path.Combine(Folder, "jupyter_server_config.py"));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);

        var config = JsonDocument.Parse(output).RootElement;
        var kernels = config.GetProperty("MappingKernelManager");
        Assert.Equal(1800, kernels.GetProperty("cull_idle_timeout").GetInt32());
        Assert.Equal(300, kernels.GetProperty("cull_interval").GetInt32());
        Assert.False(kernels.GetProperty("cull_connected").GetBoolean()); // an open tab keeps its kernel
        Assert.Equal(Path.Combine(Folder, "lab-settings"), config.GetProperty("LabApp").GetProperty("app_settings_dir").GetString());
    }

    [Fact]
    public void Lab_settings_turn_the_news_prompt_and_update_check_off()
    {
        var overrides = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "lab-settings", "overrides.json"))).RootElement;
        var notification = overrides.GetProperty("@jupyterlab/apputils-extension:notification");
        Assert.Equal("false", notification.GetProperty("fetchNews").GetString()); // the schema's values are strings
        Assert.False(notification.GetProperty("checkForUpdates").GetBoolean());
    }
}
