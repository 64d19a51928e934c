namespace CustomerAnalytics.Tests.Sequences;

/// <summary>
/// libtorch's random generator is global to the process: a test seeding it while another test class
/// draws from it in parallel breaks reproducibility. Tests that seed and train run in this collection,
/// which runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchTrainingCollection
{
    public const string Name = "TorchSharp seeded training";
}
