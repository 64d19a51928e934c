namespace CustomerAnalytics.Serving;

/// <summary>The model being served: its file, version, when it was trained (the file's time) and loaded, and its threshold.</summary>
public sealed record ServedModelInfo(string Name, string File, string Sha256, DateTime TrainedUtc, DateTime LoadedUtc, double Threshold, int Reloads, string? LastReloadError);
