namespace CustomerAnalytics.Tests.Repository;

/// <summary>
/// Host infrastructure stays out of what notebooks load: chromium, PNG export and PuppeteerSharp serve the headless
/// runner and the apps (CustomerAnalytics.Hosting); a notebook displays its charts.
/// </summary>
public sealed class HostingBoundaryTests
{
    [Theory]
    [InlineData("CustomerAnalytics.Hosting")]
    [InlineData("PuppeteerSharp")]
    public void No_runtime_assembly_references_host_infrastructure(string assembly)
    {
        foreach (var runtime in LayeringTests.Runtime)
            Assert.DoesNotContain(runtime.GetReferencedAssemblies(), a => a.Name == assembly);
    }

    [Fact]
    public void No_notebook_loads_the_hosting_project()
    {
        foreach (var path in Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb"))
            Assert.DoesNotContain("CustomerAnalytics.Hosting", File.ReadAllText(path));
    }
}
