namespace CustomerAnalytics;

/// <summary>
/// Everything a <see cref="Workshop"/> is built from. A notebook gets them from the environment through
/// <see cref="Workshop.Start()"/> (<see cref="FromEnvironment"/> is the one place that reads it); the headless runner and
/// the file-based apps build them from their command line and pass them to <see cref="Workshop.Start(WorkshopSettings)"/>,
/// so no host sets environment variables or changes the current folder to steer a notebook.
/// </summary>
public sealed record WorkshopSettings
{
    /// <summary>Environment variable naming the attendee's S3 bucket; the GPU machines' template sets it.</summary>
    public const string BucketVariable = "WORKSHOP_BUCKET";

    /// <summary>Environment variable naming the attendee (the folder of their objects in the bucket).</summary>
    public const string AttendeeVariable = "WORKSHOP_ATTENDEE";

    /// <summary>Environment variable with the TorchSharp device preference: cpu, cuda or auto.</summary>
    public const string DeviceVariable = "WORKSHOP_DEVICE";

    /// <summary>Environment variable naming the chromium (or Chrome) executable a host exports PNGs with.</summary>
    public const string ChromiumVariable = "CHROMIUM_PATH";

    /// <summary>Environment variable with the endpoint of an S3-compatible server, for S3 only (the AWS SDK's name); wins over <see cref="EndpointVariable"/>.</summary>
    public const string S3EndpointVariable = "AWS_ENDPOINT_URL_S3";

    /// <summary>Environment variable with the endpoint of every AWS service (the AWS SDK's name), e.g. a local s3rver.</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL";

    /// <summary>Environment variable with the AWS region (the AWS SDK's name); wins over <see cref="DefaultRegionVariable"/>.</summary>
    public const string RegionVariable = "AWS_REGION";

    /// <summary>Environment variable with the AWS region the AWS CLI reads.</summary>
    public const string DefaultRegionVariable = "AWS_DEFAULT_REGION";

    /// <summary>The repository folder (see <see cref="RepositoryRoot"/>).</summary>
    public required string Root { get; init; }

    /// <summary>Where this notebook's own files go (charts, key numbers); null: <c>artifacts/charts</c>.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>Root of everything else a run writes (results, models, the run store); null: the repository's <c>artifacts/</c>.</summary>
    public string? ArtifactsFolder { get; init; }

    /// <summary>Where published charts are kept besides being displayed; null in a notebook (charts are only shown).</summary>
    public IChartOutput? ChartOutput { get; init; }

    /// <summary>The attendee's S3 bucket, or null.</summary>
    public string? Bucket { get; init; }

    /// <summary>The attendee's name (their folder in the bucket); null: the user name.</summary>
    public string? Attendee { get; init; }

    /// <summary>The TorchSharp device preference as given (cpu, cuda, auto); null: auto.</summary>
    public string? Device { get; init; }

    /// <summary>The chromium executable for PNG export; null: the host looks in the usual install paths.</summary>
    public string? ChromiumPath { get; init; }

    /// <summary>The endpoint of an S3-compatible server (s3rver, MinIO), or null for AWS itself.</summary>
    public string? S3Endpoint { get; init; }

    /// <summary>The AWS region of the bucket, or null (the S3 client then uses us-east-1).</summary>
    public string? S3Region { get; init; }

    /// <summary>
    /// The settings of a notebook: the repository at or above <paramref name="startFolder"/> and the machine's
    /// <see cref="BucketVariable"/>, <see cref="AttendeeVariable"/>, <see cref="DeviceVariable"/>,
    /// <see cref="ChromiumVariable"/>, the S3 endpoint (<see cref="S3EndpointVariable"/>, else <see cref="EndpointVariable"/>)
    /// and the region (<see cref="RegionVariable"/>, else <see cref="DefaultRegionVariable"/>), each read once, here.
    /// S3 credentials are left to the AWS SDK's own chain. Hosts call it too, then set their own folders and output.
    /// </summary>
    public static WorkshopSettings FromEnvironment(string startFolder) => From(startFolder, Environment.GetEnvironmentVariable);

    /// <summary><see cref="FromEnvironment"/> with the variables read through <paramref name="setting"/> (a dictionary in tests).</summary>
    internal static WorkshopSettings From(string startFolder, Func<string, string?> setting)
    {
        string? Read(string name) => setting(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        return new WorkshopSettings
        {
            Root = RepositoryRoot.Find(startFolder),
            Bucket = Read(BucketVariable),
            Attendee = Read(AttendeeVariable),
            Device = Read(DeviceVariable),
            ChromiumPath = Read(ChromiumVariable),
            S3Endpoint = Read(S3EndpointVariable) ?? Read(EndpointVariable),
            S3Region = Read(RegionVariable) ?? Read(DefaultRegionVariable),
        };
    }
}
