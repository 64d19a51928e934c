using CustomerAnalytics.Serving;

if (JobCommand.IsJob(args)) return JobCommand.Run(args, Console.Out);

ServiceOptions options;
try { options = ServiceOptions.Parse(args); }
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(ServiceOptions.Usage);
    return 2;
}

try
{
    await using var app = ModelService.Build(options);
    await app.StartAsync();
    // The parent closes the pipe to stop the service, or dies: either way the read ends and the stop is graceful.
    if (options.StopWhenStdinCloses) _ = Task.Run(async () => { await Console.In.ReadToEndAsync(); app.Lifetime.StopApplication(); });
    Console.WriteLine($"Serving {options.PropensityModel} on {ModelService.Address(app)} (POST /propensity, GET /health); Ctrl+C stops.");
    await app.WaitForShutdownAsync();
    return 0;
}
catch (ModelLoadException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
