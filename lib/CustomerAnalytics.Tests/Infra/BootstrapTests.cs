namespace CustomerAnalytics.Tests.Infra;

/// <summary>
/// infra/bootstrap.sh run in a sandbox (bootstrap-sandbox.sh: stand-ins for apt, curl, dotnet, systemctl, ...).
/// A second run must install nothing again and keep the JupyterLab token; a machine without GPU must fail and
/// tell CloudFormation in which step; every workshop runs headless on the GPU before the success signal, and a failed
/// cell fails the stack with the notebook, cell and error in the reason.
/// </summary>
public class BootstrapTests : IDisposable
{
    private readonly string _sandbox = InfraPaths.NewTempFolder("ca-bootstrap-");

    public void Dispose() => Directory.Delete(_sandbox, recursive: true);

    private InfraPaths.Result RunBootstrap(params string[] environment)
    {
        File.Delete(Path.Combine(_sandbox, "calls.log"));
        File.Delete(Path.Combine(_sandbox, "signals.log"));
        return InfraPaths.Run("bash", [InfraPaths.Sandbox, _sandbox, RepositoryPaths.Root, .. environment]);
    }

    private string[] Calls() => File.ReadAllLines(Path.Combine(_sandbox, "calls.log"));
    private string[] Signals() => File.ReadAllLines(Path.Combine(_sandbox, "signals.log"));
    private string Config(string name) => File.ReadAllText(Path.Combine(_sandbox, "etc", name));

    [Fact]
    public void Second_run_installs_nothing_again_and_keeps_the_token()
    {
        var first = RunBootstrap();
        Assert.True(first.ExitCode == 0, first.ToString());
        var firstCalls = Calls();
        Assert.Contains(firstCalls, c => c.StartsWith("apt-get") && c.Contains(" install "));
        Assert.Contains(firstCalls, c => c.StartsWith("dotnet-install --channel 10.0"));
        Assert.Contains(firstCalls, c => c.StartsWith("pip install") && c.Contains("jupyterlab"));
        Assert.Contains(firstCalls, c => c.StartsWith("git clone --branch main https://example.invalid/workshops.git"));
        var token = Config("workshop/jupyter-token");
        var unit = Config("systemd/jupyterlab.service");
        var environment = Config("workshop/jupyter.env");
        var firstSignals = Signals();

        var second = RunBootstrap();
        Assert.True(second.ExitCode == 0, second.ToString());
        var secondCalls = Calls();
        Assert.DoesNotContain(secondCalls, c => c.StartsWith("apt-get") || c.StartsWith("dotnet-install")
            || c.StartsWith("pip install") || c.StartsWith("git clone") || c.StartsWith("python3 -m venv"));
        Assert.Contains("repository present", second.Output);
        Assert.Contains("use-cuda: cuda (0 file(s) changed)", second.Output);
        Assert.Equal(token, Config("workshop/jupyter-token"));
        Assert.Equal(unit, Config("systemd/jupyterlab.service"));
        Assert.Equal(environment, Config("workshop/jupyter.env"));

        Assert.Single(firstSignals);
        Assert.Single(Signals());
        Assert.All(firstSignals.Concat(Signals()), s => Assert.StartsWith("{\"Status\":\"SUCCESS\",\"Reason\":\"JupyterLab on 127.0.0.1:8888; " +
            "gpu: NVIDIA L4 (23034 MiB, driver 550.127.05); cuda: is_available() = True, devices = 1; " +
            "matmul: 2048x2048 float32, CPU 812.4 ms, GPU 9.81 ms per product (83x); 7 workshops ran on cuda in ", s));
    }

    [Fact]
    public void JupyterLab_listens_on_localhost_only_with_a_token()
    {
        var result = RunBootstrap();
        Assert.True(result.ExitCode == 0, result.ToString());
        var unit = Config("systemd/jupyterlab.service");
        Assert.Contains("--ip=127.0.0.1 --port=8888 --no-browser", unit);
        Assert.Contains("User=workshop", unit);
        var token = Config("workshop/jupyter-token");
        Assert.Matches("^[0-9a-f]{48}$", token);
        Assert.Contains($"JUPYTER_TOKEN={token}\n", Config("workshop/jupyter.env"));
        Assert.Contains("WORKSHOP_BUCKET=sandbox-bucket\n", Config("workshop/jupyter.env"));
        Assert.Contains("WORKSHOP_ATTENDEE=ada\n", Config("workshop/jupyter.env")); // the notebooks' S3 folder
        Assert.Matches("\nJUPYTER_CONFIG_PATH=\\S+/infra/jupyter\n", Config("workshop/jupyter.env")); // the room's JupyterLab settings
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite,
            File.GetUnixFileMode(Path.Combine(_sandbox, "etc", "workshop", "jupyter.env")));
        Assert.Contains(Calls(), c => c == "systemctl enable jupyterlab.service");
    }

    [Fact]
    public void Without_a_gpu_the_bootstrap_fails_and_signals_the_step()
    {
        var result = RunBootstrap("SANDBOX_NO_GPU=1");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FAILED in step 'cuda-check'", result.Output);
        var signal = Assert.Single(Signals());
        Assert.StartsWith("{\"Status\":\"FAILURE\",\"Reason\":\"bootstrap failed in step cuda-check", signal);
        Assert.False(File.Exists(Path.Combine(_sandbox, "etc", "systemd", "jupyterlab.service")));
    }

    [Fact]
    public void Without_a_gpu_but_cuda_not_required_it_succeeds_and_says_so()
    {
        var result = RunBootstrap("SANDBOX_NO_GPU=1", "WORKSHOP_REQUIRE_CUDA=0");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("{\"Status\":\"SUCCESS\",\"Reason\":\"JupyterLab on 127.0.0.1:8888; no NVIDIA GPU visible", Assert.Single(Signals()));
    }
}
