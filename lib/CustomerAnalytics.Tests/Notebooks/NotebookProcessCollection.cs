namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// Tests that run notebooks in processes of their own (the runner executable, the app twins). They share nothing with
/// the test process, but each run keeps a 2-core machine busy: run beside the other collections, the whole test run
/// took 9.9 min against 9.4 min with them one at a time after the others (same commit, untraced, one run each), so they
/// run one at a time, apart. They share <see cref="WorkshopRuns"/>' runs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookProcessCollection
{
    public const string Name = "Notebook processes";
}
