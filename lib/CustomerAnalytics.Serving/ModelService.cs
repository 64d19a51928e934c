using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerAnalytics.Serving;

/// <summary>
/// The model service: a Kestrel minimal API on <see cref="ServiceOptions.BindAddress"/> (127.0.0.1 unless told
/// otherwise; nothing in the environment or a settings file changes it) with <c>POST /propensity</c> and
/// <c>GET /health</c>. It serves only the model file it was started with, never one named by a request.
/// </summary>
public static class ModelService
{
    /// <summary>Builds the service; start it with <c>StartAsync</c> or <c>RunAsync</c>.</summary>
    /// <exception cref="ModelLoadException">The model file cannot be served (checked before anything listens).</exception>
    public static WebApplication Build(ServiceOptions options)
    {
        // The slim builder reads no appsettings file; the address comes from the options alone.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.BindAddress, options.Port);
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes + 1L; // PropensityEndpoint refuses a larger one with a problem
        });
        // One log line per request would cost more than the prediction: ASP.NET Core's own messages from warnings up.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ServiceCounters>();
        builder.Services.AddSingleton<ModelHolder>();
        builder.Services.AddHostedService(s => s.GetRequiredService<ModelHolder>());
        if (options.Capture is { } capture)
        {
            builder.Services.AddSingleton(new CaptureWriter(capture));
            builder.Services.AddHostedService(s => s.GetRequiredService<CaptureWriter>());
            if (options.Monitoring is { } monitoring)
            {
                builder.Services.AddSingleton(monitoring);
                builder.Services.AddSingleton<MonitoringSchedule>();
                builder.Services.AddHostedService(s => s.GetRequiredService<MonitoringSchedule>());
            }
        }
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);

        var app = builder.Build();
        app.Services.GetRequiredService<ModelHolder>(); // loads the model now: a bad file stops the start, not the first request
        app.MapPost(PropensityEndpoint.Route, PropensityEndpoint.Handle);
        app.MapGet("/health", (ModelHolder models, ServiceOptions o, ServiceCounters counters, [FromServices] CaptureWriter? capture, [FromServices] MonitoringSchedule? schedule) =>
            Results.Ok(HealthReport.Of(models, o, counters, capture, schedule)));
        return app;
    }

    /// <summary>The address the started service listens on, e.g. http://127.0.0.1:5080.</summary>
    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
}
