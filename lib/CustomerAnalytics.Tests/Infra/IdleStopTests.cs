namespace CustomerAnalytics.Tests.Infra;

/// <summary>
/// infra/idle-stop.sh's decision, with stand-ins: curl answers the Jupyter server API and the instance metadata from
/// files, nvidia-smi prints a utilisation, aws and systemctl only record; the clock and the uptime are given.
/// </summary>
public class IdleStopTests : IDisposable
{
    private const long Now = 1_800_000_000; // 2027-01-15T08:00:00Z
    private readonly string _folder = InfraPaths.NewTempFolder("ca-idle-");
    private string Bin => Path.Combine(_folder, "bin");
    private string Answers => Path.Combine(_folder, "answers");

    public IdleStopTests()
    {
        Directory.CreateDirectory(Bin);
        Directory.CreateDirectory(Answers);
        File.WriteAllText(Path.Combine(_folder, "jupyter-token"), "sekrit");
        Stub("curl", $$"""
            url="${!#}"; echo "curl $*" >>"{{_folder}}/calls.log"
            case "$url" in
              *latest/api/token) echo imds-token ;;
              *meta-data/instance-id) echo i-0123456789abcdef0 ;;
              *meta-data/placement/region) echo eu-west-1 ;;
              *'/api/status?no_track_activity=1') cat "{{Answers}}/status.json" 2>/dev/null || exit 7 ;;
              *'/api/kernels?no_track_activity=1') cat "{{Answers}}/kernels.json" 2>/dev/null || exit 7 ;;
              *) exit 22 ;;
            esac
            """);
        Stub("aws", $"echo \"aws $*\" >>\"{_folder}/calls.log\"; exit \"$(cat '{Answers}/aws-exit' 2>/dev/null || echo 0)\"");
        Stub("systemctl", $"echo \"systemctl $*\" >>\"{_folder}/calls.log\"");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Stub(string name, string body)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Ago(int minutes) =>
        DateTimeOffset.FromUnixTimeSeconds(Now - minutes * 60).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ");

    private void Jupyter(int statusMinutesAgo, params (string State, int MinutesAgo)[] kernels)
    {
        File.WriteAllText(Path.Combine(Answers, "status.json"),
            $$"""{"connections": 1, "kernels": {{kernels.Length}}, "last_activity": "{{Ago(statusMinutesAgo)}}", "started": "{{Ago(600)}}"}""");
        File.WriteAllText(Path.Combine(Answers, "kernels.json"), "[" + string.Join(", ", kernels.Select((k, i) =>
            $$"""{"id": "k{{i}}", "name": ".net-csharp", "last_activity": "{{Ago(k.MinutesAgo)}}", "execution_state": "{{k.State}}", "connections": 1}""")) + "]");
    }

    private void Gpu(params int[] utilisation) =>
        Stub("nvidia-smi", $"echo \"nvidia-smi $*\" >>\"{_folder}/calls.log\"; printf '%s\\n' {string.Join(' ', utilisation)}");

    private InfraPaths.Result Check(int uptimeMinutes = 600, string minutes = "60") =>
        InfraPaths.Run("bash", [InfraPaths.IdleStop], environment: new Dictionary<string, string>
        {
            ["PATH"] = Bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["IDLE_STOP_NOW"] = Now.ToString(),
            ["IDLE_STOP_UPTIME"] = (uptimeMinutes * 60).ToString(),
            ["WORKSHOP_IDLE_STOP_MINUTES"] = minutes,
            ["WORKSHOP_JUPYTER_PORT"] = "8899",
            ["WORKSHOP_CONFIG_DIR"] = _folder,
        });

    private string[] Calls() => File.Exists(Path.Combine(_folder, "calls.log")) ? File.ReadAllLines(Path.Combine(_folder, "calls.log")) : [];
    private bool Stopped() => Calls().Any(c => c.StartsWith("aws ec2 stop-instances") || c == "systemctl poweroff");

    [Fact]
    public void Idle_past_the_limit_stops_its_own_instance_through_ec2()
    {
        Jupyter(statusMinutesAgo: 61, ("idle", 70), ("idle", 95));
        Gpu(0);
        var result = Check();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("idle-stop: idle for 61 minutes (limit 60, latest: JupyterLab activity): stopping this machine", result.Output);
        Assert.Contains("aws ec2 stop-instances --region eu-west-1 --instance-ids i-0123456789abcdef0", Calls());
        Assert.DoesNotContain("systemctl poweroff", Calls());
        // The API is asked with the token and without counting the request as activity; the metadata with IMDSv2.
        Assert.Contains(Calls(), c => c.EndsWith("-H Authorization: token sekrit http://127.0.0.1:8899/api/status?no_track_activity=1"));
        Assert.Contains(Calls(), c => c.EndsWith("-H Authorization: token sekrit http://127.0.0.1:8899/api/kernels?no_track_activity=1"));
        Assert.Contains(Calls(), c => c.Contains("-X PUT -H X-aws-ec2-metadata-token-ttl-seconds: 60 http://169.254.169.254/latest/api/token"));
        Assert.Contains(Calls(), c => c.EndsWith("-H X-aws-ec2-metadata-token: imds-token http://169.254.169.254/latest/meta-data/instance-id"));
    }

    [Fact]
    public void Recent_jupyterlab_activity_keeps_it_running()
    {
        Jupyter(statusMinutesAgo: 5, ("idle", 90));
        var result = Check();
        Assert.Contains("idle-stop: in use: idle for 5 of 60 minutes (latest: JupyterLab activity)", result.Output);
        Assert.False(Stopped());
    }

    [Fact]
    public void A_kernel_active_more_recently_than_jupyterlab_counts()
    {
        Jupyter(statusMinutesAgo: 200, ("idle", 300), ("idle", 59));
        Assert.Contains("in use: idle for 59 of 60 minutes", Check().Output);
        Assert.False(Stopped());
    }

    [Fact]
    public void A_busy_kernel_keeps_it_running_however_old_its_activity()
    {
        Jupyter(statusMinutesAgo: 500, ("busy", 400), ("idle", 450));
        Gpu(0);
        Assert.Contains("in use: idle for 0 of 60 minutes (latest: 1 kernel(s) busy)", Check().Output);
        Assert.False(Stopped());
    }

    [Fact]
    public void A_working_gpu_keeps_it_running()
    {
        Jupyter(statusMinutesAgo: 500, ("idle", 400));
        Gpu(0, 37);
        Assert.Contains("in use: idle for 0 of 60 minutes (latest: GPU busy)", Check().Output);
        Assert.Contains("nvidia-smi --query-gpu=utilization.gpu --format=csv,noheader,nounits", Calls());
        Assert.False(Stopped());
    }

    [Fact]
    public void A_machine_just_started_again_gets_the_full_time()
    {
        Jupyter(statusMinutesAgo: 3000, ("idle", 3000)); // activity from before it was stopped
        Assert.Contains("in use: idle for 20 of 60 minutes (latest: boot)", Check(uptimeMinutes: 20).Output);
        Assert.False(Stopped());
    }

    [Fact]
    public void Without_jupyterlab_answering_only_boot_counts_and_it_stops()
    {
        var result = Check(uptimeMinutes: 90, minutes: "30");
        Assert.Contains("JupyterLab does not answer on 127.0.0.1:8899; only boot and the GPU count", result.Output);
        Assert.Contains("idle for 90 minutes (limit 30, latest: boot): stopping this machine", result.Output);
        Assert.Contains(Calls(), c => c.StartsWith("aws ec2 stop-instances"));
    }

    [Fact]
    public void When_the_aws_cli_fails_it_powers_off_which_stops_the_instance()
    {
        Jupyter(statusMinutesAgo: 120);
        File.WriteAllText(Path.Combine(Answers, "aws-exit"), "254");
        var result = Check();
        Assert.Contains("the AWS CLI could not stop the instance; powering off", result.Output);
        Assert.Contains("systemctl poweroff", Calls());
    }

    [Fact]
    public void Zero_minutes_disables_it_and_a_bad_value_is_an_error()
    {
        Jupyter(statusMinutesAgo: 5000);
        var off = Check(minutes: "0");
        Assert.Equal(0, off.ExitCode);
        Assert.Contains("idle-stop: disabled (WORKSHOP_IDLE_STOP_MINUTES=0)", off.Output);
        Assert.Empty(Calls());

        var bad = Check(minutes: "1h");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("WORKSHOP_IDLE_STOP_MINUTES must be whole minutes, not '1h'", bad.Output);
        Assert.Empty(Calls());
    }
}
