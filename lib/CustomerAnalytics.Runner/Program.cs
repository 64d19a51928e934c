using CustomerAnalytics;
using CustomerAnalytics.SampleData;
using CustomerAnalytics.Runner;

// run-workshops: command-line front end. Parsing lives in RunnerOptions, the work in WorkshopRun.
try
{
    var options = RunnerOptions.Parse(args);
    if (options.ShowHelp)
    {
        RunnerConsole.Out.WriteLine(RunnerOptions.Usage);
        return 0;
    }

    if (options.GenerateDataFolder is { } dataFolder)
    {
        var size = options.LargeData ? SampleSize.Large : SampleSize.Sample;
        RunnerConsole.Out.WriteLine($"Writing the {size.ToString().ToLowerInvariant()} datasets into {Path.GetFullPath(dataFolder)} ...");
        var written = SampleDataWriter.WriteAll(dataFolder, size);
        foreach (var file in written.Files) RunnerConsole.Out.WriteLine($"  {file.Path}  {file.Rows:N0} rows");
        return 0;
    }

    if (options.WriteApps)
    {
        var notebooks = NotebookLocator.Resolve(options.Inputs, Directory.GetCurrentDirectory());
        // Generated from the instructor notebooks by one command: the app twins, the attendee copies and the SQL steps
        // the library runs (whose source is the notebook's cells).
        foreach (var file in AppGenerator.WriteAll(notebooks).Concat(AttendeeGenerator.WriteAll(notebooks)).Concat(SqlStepGenerator.WriteAll(notebooks)))
            RunnerConsole.Out.WriteLine($"wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), file)}");
        return 0;
    }

    // The host reads the machine's settings (bucket, attendee, device, chromium) once and hands them to every notebook.
    var root = RepositoryRoot.TryFind(Directory.GetCurrentDirectory());
    var report = await WorkshopRun.RunAsync(root is null ? options : options with { Machine = WorkshopSettings.FromEnvironment(root) });
    if (report.Results.Any(r => r.Status == NotebookStatus.TimedOut))
    {
        // A timed-out cell may still be running on a foreground thread, which would keep the process alive.
        Environment.Exit(report.ExitCode);
    }
    return report.ExitCode;
}
catch (Exception e) when (e is RunnerUsageException or NotebookParameterException or OutputFolderException)
{
    Console.Error.WriteLine($"run-workshops: {e.Message}");
    if (e is not OutputFolderException) Console.Error.WriteLine("Run with --help for usage.");
    return 2;
}
