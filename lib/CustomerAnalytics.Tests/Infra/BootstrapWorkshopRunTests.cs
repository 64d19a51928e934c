using CustomerAnalytics.Runner;
using CustomerAnalytics.Tests.Runner;

namespace CustomerAnalytics.Tests.Infra;

/// <summary>
/// The machine proves itself: bootstrap.sh runs every workshop headless with WORKSHOP_DEVICE=cuda before it signals,
/// a failed cell fails the stack with notebook, cell and error in the reason (read from a transcript of the real
/// runner), and it installs the idle-stop timer. In the runner collection: the transcript comes from an in-process run.
/// </summary>
[Collection(RunnerCollection.Name)]
public class BootstrapWorkshopRunTests : IDisposable
{
    private readonly string _sandbox = InfraPaths.NewTempFolder("ca-bootstrap-run-");

    public void Dispose() => Directory.Delete(_sandbox, recursive: true);

    private InfraPaths.Result RunBootstrap(params string[] environment) =>
        InfraPaths.Run("bash", [InfraPaths.Sandbox, _sandbox, RepositoryPaths.Root, .. environment]);

    private string[] Calls() => File.ReadAllLines(Path.Combine(_sandbox, "calls.log"));
    private string Signal() => Assert.Single(File.ReadAllLines(Path.Combine(_sandbox, "signals.log")));
    private string SystemdFile(string name) => Path.Combine(_sandbox, "etc", "systemd", name);

    private string Transcript(string text)
    {
        var path = Path.Combine(_sandbox, "runner-transcript.txt");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Every_workshop_runs_on_cuda_after_the_cuda_check_and_before_jupyterlab_and_the_signal()
    {
        var result = RunBootstrap();
        Assert.True(result.ExitCode == 0, result.ToString());
        var calls = Calls().ToList();
        var run = Assert.Single(calls, c => c.StartsWith("runner "));
        Assert.Equal($"runner WORKSHOP_DEVICE=cuda --out {_sandbox}/home/workshops/artifacts/bootstrap", run);
        Assert.InRange(calls.IndexOf(run), calls.IndexOf("dotnet run check-cuda.cs") + 1, calls.IndexOf("systemctl enable jupyterlab.service") - 1);
        // The full run loads every package, so the warm-up does not run the setup-check notebook on its own.
        Assert.DoesNotContain(calls, c => c.Contains("00-setup-check.ipynb"));
        Assert.Matches("^\\{\"Status\":\"SUCCESS\",\"Reason\":\"JupyterLab on 127.0.0.1:8888; gpu: NVIDIA L4 \\(23034 MiB, driver 550.127.05\\); " +
            "cuda: is_available\\(\\) = True, devices = 1; matmul: 2048x2048 float32, CPU 812.4 ms, GPU 9.81 ms per product \\(83x\\); " +
            "7 workshops ran on cuda in \\d+ s; stops itself after 60 idle minutes\"", Signal());
    }

    [Fact]
    public async Task A_failed_cell_fails_the_stack_with_the_notebook_the_cell_and_its_error()
    {
        var transcript = new StringWriter();
        var repository = RunnerTestSupport.NewRepository(("good.ipynb", "00-setup-check.ipynb"),
            ("broken.ipynb", "04-lstm-touchpoint-prediction.ipynb"));
        try
        {
            var report = await WorkshopRun.RunAsync(new RunnerOptions(), repository, transcript);
            Assert.Equal(1, report.ExitCode);
        }
        finally { RunnerTestSupport.DeleteQuietly(repository); }

        var result = RunBootstrap($"SANDBOX_RUNNER_TRANSCRIPT={Transcript(transcript.ToString())}", "SANDBOX_RUNNER_EXIT=1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FAILED in step 'workshops'", result.Output);
        var signal = Signal();
        Assert.True(signal.StartsWith("{\"Status\":\"FAILURE\",\"Reason\":\"bootstrap failed in step workshops (exit 1): WORKSHOP_DEVICE=cuda: " +
            "04-lstm-touchpoint-prediction at cell 3: InvalidOperationException: boom; see ", StringComparison.Ordinal), signal);
        Assert.False(File.Exists(SystemdFile("jupyterlab.service"))); // nobody is handed a machine that failed
    }

    [Fact]
    public void Without_the_failure_lines_the_summary_table_still_names_notebook_and_cell()
    {
        NotebookResult Result(string name, NotebookStatus status, int? failedCell) => new(name, $"/x/{name}.ipynb", null, status,
            failedCell is { } n ? [new CellResult(n, CellStatus.TimedOut, "", "slow", TimeSpan.FromMinutes(30))] : [], 9,
            TimeSpan.FromSeconds(12), failedCell is null ? null : "slow");
        var table = SummaryTable.Render([Result("03-propensity-modelling", NotebookStatus.Ok, null),
            Result("05-churn-attention", NotebookStatus.TimedOut, 7)]);

        var result = RunBootstrap($"SANDBOX_RUNNER_TRANSCRIPT={Transcript(table)}", "SANDBOX_RUNNER_EXIT=1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("{\"Status\":\"FAILURE\",\"Reason\":\"bootstrap failed in step workshops (exit 1): WORKSHOP_DEVICE=cuda: " +
            "05-churn-attention FAILED (timeout at cell 7); see ", Signal());
    }

    [Fact]
    public void A_runner_that_stops_before_any_notebook_says_so()
    {
        var result = RunBootstrap($"SANDBOX_RUNNER_TRANSCRIPT={Transcript("error CS1002: ; expected\n")}", "SANDBOX_RUNNER_EXIT=1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("(exit 1): WORKSHOP_DEVICE=cuda: the runner exited 1 before it reported a notebook (see ", Signal());
    }

    [Fact]
    public void Without_a_gpu_and_cuda_not_required_the_workshops_run_on_the_cpu()
    {
        var result = RunBootstrap("SANDBOX_NO_GPU=1", "WORKSHOP_REQUIRE_CUDA=0");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(Calls(), c => c.StartsWith("runner WORKSHOP_DEVICE=cpu --out "));
        Assert.Contains("; 7 workshops ran on cpu in ", Signal());
    }

    [Fact]
    public void The_idle_stop_timer_checks_every_five_minutes_with_the_minutes_given()
    {
        var result = RunBootstrap("WORKSHOP_IDLE_STOP_MINUTES=45", "WORKSHOP_RUN_WORKSHOPS=0");
        Assert.True(result.ExitCode == 0, result.ToString());
        var service = File.ReadAllText(SystemdFile("workshop-idle-stop.service"));
        Assert.Contains("Type=oneshot\n", service);
        Assert.Contains("Environment=WORKSHOP_IDLE_STOP_MINUTES=45\n", service);
        Assert.Contains($"ExecStart=/bin/bash {_sandbox}/home/workshops/infra/idle-stop.sh\n", service);
        var timer = File.ReadAllText(SystemdFile("workshop-idle-stop.timer"));
        Assert.Contains("OnUnitActiveSec=5min\n", timer);
        Assert.Contains("WantedBy=timers.target\n", timer);
        Assert.Contains(Calls(), c => c == "systemctl enable --now workshop-idle-stop.timer");
        // Workshops skipped: none ran, the warm-up ran the setup check instead, and the reason says so.
        Assert.DoesNotContain(Calls(), c => c.StartsWith("runner ") && c.Contains(" --out "));
        Assert.Contains(Calls(), c => c.EndsWith("-- notebooks/00-setup-check.ipynb"));
        Assert.EndsWith("; workshops not run; stops itself after 45 idle minutes\",\"UniqueId\":\"bootstrap\",\"Data\":\"JupyterLab on 127.0.0.1:8888; " +
            "gpu: NVIDIA L4 (23034 MiB, driver 550.127.05); cuda: is_available() = True, devices = 1; " +
            "matmul: 2048x2048 float32, CPU 812.4 ms, GPU 9.81 ms per product (83x); workshops not run; stops itself after 45 idle minutes\"}", Signal());
    }

    [Fact]
    public void Idle_stop_zero_removes_the_timer_and_a_bad_value_fails_the_step()
    {
        Assert.True(RunBootstrap("WORKSHOP_RUN_WORKSHOPS=0").ExitCode == 0);
        Assert.True(File.Exists(SystemdFile("workshop-idle-stop.timer")));
        File.Delete(Path.Combine(_sandbox, "signals.log"));

        var off = RunBootstrap("WORKSHOP_RUN_WORKSHOPS=0", "WORKSHOP_IDLE_STOP_MINUTES=0");
        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.False(File.Exists(SystemdFile("workshop-idle-stop.timer")));
        Assert.False(File.Exists(SystemdFile("workshop-idle-stop.service")));
        Assert.Contains("; idle stop off\"", Signal());
        File.Delete(Path.Combine(_sandbox, "signals.log"));

        var bad = RunBootstrap("WORKSHOP_RUN_WORKSHOPS=0", "WORKSHOP_IDLE_STOP_MINUTES=an hour");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("WORKSHOP_IDLE_STOP_MINUTES must be a whole number of minutes (0 disables), not 'an hour'", bad.Output);
        Assert.StartsWith("{\"Status\":\"FAILURE\",\"Reason\":\"bootstrap failed in step idle-stop", Signal());
    }
}
