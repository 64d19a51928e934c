using System.Globalization;
using CustomerAnalytics.Hosting;

namespace CustomerAnalytics.Runner;

/// <summary>What <c>run-workshops</c> was asked to do, parsed from its command line.</summary>
public sealed record RunnerOptions
{
    /// <summary>Notebook files or folders; empty means every notebook in the repository's <c>notebooks/</c>.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>Papermill-style parameter overrides, name to raw text value.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Where executed notebooks and charts go; null means <c>artifacts/</c> at the repository root.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Copy chart PNGs of successful notebooks into <c>images/&lt;notebook&gt;/</c>.</summary>
    public bool UpdateImages { get; init; }

    /// <summary>Longest a single notebook may run before it is failed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary><c>--generate-data DIR</c>: write the sample datasets into DIR instead of running notebooks.</summary>
    public string? GenerateDataFolder { get; init; }

    /// <summary><c>--large</c> with <c>--generate-data</c>: the benchmark-size datasets (into DIR/large/).</summary>
    public bool LargeData { get; init; }

    /// <summary><c>--write-apps</c>: regenerate each notebook's file-based app (notebooks/apps/) and attendee copy
    /// (notebooks/attendee/), and the library's SQL steps held in notebook cells, instead of running notebooks.</summary>
    public bool WriteApps { get; init; }

    /// <summary>The machine's settings (bucket, attendee, device, chromium), read once by the host's entry point
    /// (<see cref="WorkshopSettings.FromEnvironment"/>) and handed to every notebook; null: none.</summary>
    public WorkshopSettings? Machine { get; init; }

    /// <summary><c>--help</c> was given: print <see cref="Usage"/> and do nothing else.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>The text printed by <c>--help</c>.</summary>
    public const string Usage = """
        run-workshops: execute workshop notebooks headless, top to bottom, each in a fresh C# kernel.

        Usage:
          dotnet run --project lib/CustomerAnalytics.Runner -- [notebooks or folders...] [options]
          dotnet run --project lib/CustomerAnalytics.Runner -- --generate-data data [--large]
          dotnet run --project lib/CustomerAnalytics.Runner -- --write-apps [notebooks...]

        Arguments:
          notebooks or folders   .ipynb files, or folders whose *.ipynb are run in name order.
                                 Default: every notebook in notebooks/ at the repository root (the folder with global.json).

        Options:
          --param name=value     Override a variable declared in the notebook's parameters cell (a code cell tagged
                                 "parameters", or starting with "// parameters"). Repeatable. int, long, double, float,
                                 decimal, bool and string values are written as C# literals.
          --out DIR              Output folder (default: artifacts/ at the repository root). Executed notebooks go to
                                 DIR/notebooks/, charts to DIR/charts/<notebook>/ (the notebook's Workshop.Start() gets it),
                                 HTML reports to DIR/reports/<notebook>.html with DIR/reports/index.html linking them
                                 (always written; self-contained, they open offline). DIR must be a folder you can
                                 write to; one run at a time writes it (DIR/.workshop-run.lock holds the run's pid).
          --update-images        After a successful notebook, copy its chart PNGs into images/<notebook>/ with their
                                 provenance.json (hashes of the notebook's code and the data; a test checks them),
                                 and write the run's catch-up time (kernel start and every cell above the furthest
                                 section) under the notebook's timing table.
          --timeout-minutes N    Fail a notebook that runs longer than N minutes (default 30; decimals allowed).
          --generate-data DIR    Write the sample datasets (seeded, identical on every machine) into DIR and exit.
          --large                With --generate-data: benchmark-size datasets (1M orders...) into DIR/large/.
          --write-apps           Regenerate, from each notebook, its file-based app (notebooks/apps/<notebook>.cs, run
                                 with `dotnet run notebooks/apps/<notebook>.cs`) and its attendee copy without the
                                 exercises' solutions (notebooks/attendee/<notebook>.ipynb, the one attendees open;
                                 run it like any notebook: it stops at the first exercise left undone), and the
                                 library's SQL steps that notebook cells hold (lib/CustomerAnalytics/Sql/), and exit.
          --help                 Show this text.

        Exit codes: 0 all notebooks ok, 1 a notebook failed, 2 usage error (unknown option, bad --param, missing path,
        --out a file, not writable or in use by another run).
        """;

    /// <summary>Parses command-line arguments; throws <see cref="RunnerUsageException"/> with a helpful message.</summary>
    public static RunnerOptions Parse(IReadOnlyList<string> args)
    {
        var inputs = new List<string>();
        var options = new RunnerOptions();
        var shared = new HostArguments(message => new RunnerUsageException(message)); // --param and --out, as the apps read them

        for (var i = 0; i < args.Count; i++)
        {
            if (shared.TryRead(args, ref i)) continue;
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                inputs.Add(arg);
                continue;
            }

            // Accept both "--out dir" and "--out=dir".
            var (name, inlineValue) = arg.IndexOf('=') is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            string Value() => inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new RunnerUsageException($"{name} needs a value."));

            switch (name)
            {
                case "--help" or "-h":
                    options = options with { ShowHelp = true };
                    break;
                case "--generate-data":
                    options = options with { GenerateDataFolder = Value() };
                    break;
                case "--large":
                    options = options with { LargeData = true };
                    break;
                case "--write-apps":
                    options = options with { WriteApps = true };
                    break;
                case "--update-images":
                    options = options with { UpdateImages = true };
                    break;
                case "--timeout-minutes":
                    var text = Value();
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) || minutes <= 0)
                        throw new RunnerUsageException($"--timeout-minutes needs a positive number of minutes, got '{text}'.");
                    options = options with { Timeout = TimeSpan.FromMinutes(minutes) };
                    break;
                default:
                    throw new RunnerUsageException($"Unknown option '{arg}'. Run with --help for the list of options.");
            }
        }

        // The README's pictures, and the provenance a test checks them against, come from the default run only.
        if (options.UpdateImages && shared.Parameters.Count > 0)
            throw new RunnerUsageException("--update-images makes the README's pictures from the notebooks as committed: leave out --param.");
        return options with { Inputs = inputs, Parameters = shared.Parameters, OutputDirectory = shared.OutputFolder };
    }
}
