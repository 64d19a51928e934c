using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CustomerAnalytics.Propensity.Models;

/// <summary>
/// The model service (<c>model-service.dll</c> of CustomerAnalytics.Serving) run as a child process on 127.0.0.1 and a
/// free port, as workshop 06 drives it over HTTP. <see cref="Dispose"/> stops it gracefully (its capture is written)
/// by closing its standard input; it also stops by itself when this process dies, so it never outlives its notebook.
/// </summary>
public sealed partial class ModelServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly EventHandler _onExit;

    private ModelServiceProcess(Process process, Uri address, StringBuilder output)
    {
        _process = process;
        _output = output;
        Address = address;
        Client = new HttpClient(new HttpClientHandler { UseProxy = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        _onExit = (_, _) => Dispose();
        AppDomain.CurrentDomain.ProcessExit += _onExit;
    }

    /// <summary>Where the service answers: http://127.0.0.1:port/.</summary>
    public Uri Address { get; }

    /// <summary>A client for <see cref="Address"/> that never goes through a proxy.</summary>
    public HttpClient Client { get; }

    /// <summary>The service's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the service has stopped.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>What the service printed so far (standard output and error).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>The model service of the repository's build: artifacts/bin/CustomerAnalytics.Serving/debug/model-service.dll.</summary>
    public static string BuiltService(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "artifacts", "bin", "CustomerAnalytics.Serving", "debug", "model-service.dll");

    /// <summary>Starts <paramref name="serviceDll"/> serving <paramref name="model"/> and waits until GET /health answers.</summary>
    /// <param name="serviceDll">The service's model-service.dll (see <see cref="BuiltService"/>).</param>
    /// <param name="model">The ML.NET model zip to serve.</param>
    /// <param name="threshold">Probability at or above which the service says "contact".</param>
    /// <param name="captureFolder">Where the service records every request and answer; null: no capture.</param>
    /// <exception cref="ModelServiceException">The service is not built, exits, or does not answer within a minute (its output says why).</exception>
    public static ModelServiceProcess Start(string serviceDll, string model, double threshold = 0.5, string? captureFolder = null)
    {
        if (!File.Exists(serviceDll))
            throw new ModelServiceException($"No model service at {serviceDll}: build it first (notebook 00, or `dotnet build lib/CustomerAnalytics.Serving`).");
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { serviceDll, "--propensity-model", model, "--threshold", threshold.ToString("R", CultureInfo.InvariantCulture), "--port", "0", "--stop-when-stdin-closes" })
            info.ArgumentList.Add(arg);
        if (captureFolder is not null) { info.ArgumentList.Add("--capture"); info.ArgumentList.Add(captureFolder); }

        var process = Process.Start(info) ?? throw new ModelServiceException($"Could not start {serviceDll}.");
        var output = new StringBuilder();
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Line(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            if (ServingLine().Match(line) is { Success: true } m) address.TrySetResult(new Uri(m.Groups[1].Value + "/"));
        }
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var started = Task.WhenAny(address.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(1))).GetAwaiter().GetResult();
            if (started != address.Task)
                throw new ModelServiceException($"The model service did not start ({(process.HasExited ? $"exit {process.ExitCode}" : "no answer within a minute")}):\n{Text(output)}");
            var service = new ModelServiceProcess(process, address.Task.Result, output);
            service.WaitForHealth();
            return service;
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    /// <summary>Stops the service gracefully (standard input closed: it writes its capture and exits), killing it only
    /// when it has not stopped within half a minute.</summary>
    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= _onExit;
        Client.Dispose();
        Stop(_process);
    }

    /// <inheritdoc/>
    public override string ToString() => HasExited ? $"Model service stopped (exit {_process.ExitCode})" : $"Model service at {Address} (process {ProcessId})";

    private void WaitForHealth()
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                using var answer = Client.GetAsync(new Uri("health", UriKind.Relative)).GetAwaiter().GetResult();
                if (answer.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline) { }
            if (DateTime.UtcNow >= deadline || _process.HasExited)
                throw new ModelServiceException($"The model service at {Address} never reported healthy:\n{Output}");
            Thread.Sleep(100);
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.Close();
                if (!process.WaitForExit(TimeSpan.FromSeconds(30))) process.Kill(entireProcessTree: true);
            }
            process.WaitForExit();
        }
        catch (InvalidOperationException) { } // never started or already gone
        finally { process.Dispose(); }
    }

    // The host that runs this process when it is dotnet (the runner, an app, a test); otherwise (a kernel started through
    // its tool's launcher) dotnet from the PATH. No environment variable is read here: settings are Workshop's.
    private static string DotnetHost() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";

    private static string Text(StringBuilder output) { lock (output) return output.ToString(); }

    [GeneratedRegex(@" on (http://127\.0\.0\.1:\d+)/? ")]
    private static partial Regex ServingLine();
}
