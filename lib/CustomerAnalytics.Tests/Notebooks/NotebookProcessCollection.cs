namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// Tests that run notebooks in processes of their own (the runner executable, the app twins): nothing they do is shared
/// with the test process, so they run beside the other collections. Inside the collection they run one at a time, since
/// each run keeps the 2 cores of a workshop laptop busy and shares <see cref="WorkshopRuns"/>' runs.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NotebookProcessCollection
{
    public const string Name = "Notebook processes";
}
