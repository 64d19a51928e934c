using System.Globalization;
using System.Net;

namespace CustomerAnalytics.Serving;

/// <summary>What the model service serves and where (the command line of <c>model-service</c>).</summary>
/// <param name="PropensityModel">The ML.NET .zip of workshop 03's model; reloaded when the file changes.</param>
/// <param name="Threshold">Probability at or above which the decision is "contact".</param>
/// <param name="Address">The address Kestrel binds: 127.0.0.1 unless another is asked for explicitly.</param>
/// <param name="Port">The TCP port; 0 takes a free one (tests).</param>
public sealed record ServiceOptions(string PropensityModel, double Threshold = 0.5, IPAddress? Address = null, int Port = 5080)
{
    /// <summary>Largest request body read, in bytes; a larger one is refused before it is parsed.</summary>
    public int MaxBodyBytes { get; init; } = 1 << 20;

    /// <summary>Most sessions in one batch request.</summary>
    public int MaxBatch { get; init; } = 10_000;

    /// <summary>How often the model file is looked at for a change.</summary>
    public TimeSpan ReloadPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Data capture of every request and answer; null: off.</summary>
    public CaptureOptions? Capture { get; init; }

    /// <summary>Scheduled monitoring of the captured traffic; null: off. Needs <see cref="Capture"/>.</summary>
    public MonitoringOptions? Monitoring { get; init; }

    /// <summary>Stop gracefully when standard input closes: a parent that starts the service stops it by closing the
    /// pipe, and the service stops by itself when that parent dies, so no service outlives its notebook.</summary>
    public bool StopWhenStdinCloses { get; init; }

    /// <summary>The bound address (127.0.0.1 unless <see cref="Address"/> names another).</summary>
    public IPAddress BindAddress => Address ?? IPAddress.Loopback;

    /// <summary>The usage text.</summary>
    public const string Usage = """
        Usage: model-service --propensity-model FILE [--threshold P] [--port N] [--address IP] [--capture DIR [--capture-percent P]]

          --propensity-model FILE  The ML.NET model zip saved by workshop 03 (reloaded when the file changes).
          --threshold P            Probability at or above which a session is contacted (default 0.5).
          --port N                 TCP port on the bound address (default 5080; 0 takes a free one).
          --address IP             Bind another address than 127.0.0.1; only when you mean to serve other machines.
          --capture DIR            Record every request and answer as JSON Lines under DIR/yyyy/MM/dd/HH/ (SageMaker's
                                   capture record shape); flushed every second, all of it on a graceful stop.
          --capture-percent P      Share of requests recorded, 0-100 (default 100).
          --monitor BASELINE OUT   With --capture: check each window of captured requests against BASELINE
                                   (statistics.json, constraints.json of `model-service baseline`), writing into OUT.
          --monitor-minutes N      The window: one monitoring run every N minutes (default 60).
          --stop-when-stdin-closes Stop gracefully (capture written) when standard input closes: for a parent process
                                   that starts the service (workshop 06), so the service never outlives it.

        model-service baseline --sessions FILE --out DIR
            Model Monitor's baseline job: statistics.json and constraints.json of the training sessions.
        model-service monitor --baseline DIR --capture DIR --out DIR [--from TIME] [--to TIME]
            One monitoring run over the requests captured from TIME to TIME (UTC, ISO 8601; default: all of them).
        model-service quality-baseline --propensity-model FILE --sessions FILE --out FILE [--threshold P]
            The model's AUC, precision, recall and F1 on labelled sessions (the test set): what quality runs compare with.
        model-service quality --capture DIR --labels FILE --baseline-quality FILE --out DIR [--margin M] [--from T] [--to T]
            Model quality once the labels ({"eventId": ..., "position": 0, "ordered": 1} a line) arrive: a figure more
            than M (default 0.05) below the baseline's is a violation.
        """;

    /// <summary>Parses the command line.</summary>
    /// <exception cref="ArgumentException">An unknown option, a missing value or a value of the wrong kind (the message says which).</exception>
    public static ServiceOptions Parse(IReadOnlyList<string> args)
    {
        string? model = null;
        double threshold = 0.5;
        IPAddress? address = null;
        int port = 5080;
        string? capture = null;
        double capturePercent = 100;
        (string Baseline, string Out)? monitor = null;
        double monitorMinutes = 60;
        var stopWhenStdinCloses = false;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--propensity-model": model = Value(); break;
                case "--threshold":
                    var t = Value();
                    if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out threshold) || !(threshold is >= 0 and <= 1))
                        throw new ArgumentException($"--threshold {t}: must be a probability from 0 to 1.");
                    break;
                case "--port":
                    var p = Value();
                    if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                        throw new ArgumentException($"--port {p}: must be a whole number from 0 to 65535.");
                    break;
                case "--address":
                    var a = Value();
                    address = IPAddress.TryParse(a, out var parsed) ? parsed : throw new ArgumentException($"--address {a}: not an IP address.");
                    break;
                case "--capture": capture = Value(); break;
                case "--capture-percent":
                    var c = Value();
                    if (!double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out capturePercent) || !(capturePercent is >= 0 and <= 100))
                        throw new ArgumentException($"--capture-percent {c}: must be a number from 0 to 100.");
                    break;
                case "--monitor":
                    if (i + 2 >= args.Count) throw new ArgumentException("--monitor needs two folders: BASELINE OUT.");
                    monitor = (args[++i], args[++i]);
                    break;
                case "--monitor-minutes":
                    var m = Value();
                    if (!double.TryParse(m, NumberStyles.Float, CultureInfo.InvariantCulture, out monitorMinutes) || !(monitorMinutes > 0))
                        throw new ArgumentException($"--monitor-minutes {m}: must be a number of minutes above 0.");
                    break;
                case "--stop-when-stdin-closes": stopWhenStdinCloses = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        if (capture is null && args.Contains("--capture-percent")) throw new ArgumentException("--capture-percent needs --capture DIR.");
        if (capture is null && monitor is not null) throw new ArgumentException("--monitor needs --capture DIR: it monitors the captured requests.");
        return new ServiceOptions(model ?? throw new ArgumentException("--propensity-model FILE is required."), threshold, address, port)
        {
            Capture = capture is null ? null : new CaptureOptions(capture, capturePercent),
            Monitoring = monitor is { } mo ? new MonitoringOptions(mo.Baseline, mo.Out) { Every = TimeSpan.FromMinutes(monitorMinutes) } : null,
            StopWhenStdinCloses = stopWhenStdinCloses,
        };
    }
}
