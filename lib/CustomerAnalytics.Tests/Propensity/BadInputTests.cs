using CustomerAnalytics.Benchmarks;
using CustomerAnalytics.Data;
using CustomerAnalytics.Propensity.Data;
using CustomerAnalytics.Propensity.Models;
using CustomerAnalytics.Tests.Data;

namespace CustomerAnalytics.Tests.Propensity;

/// <summary>Wrong files fail with an error that names the column.</summary>
public sealed class BadInputTests : IDisposable
{
    private static readonly string[] Features = [.. SessionFeatures.Names];
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static string Row(string id, int ordered, int flag = 0) => id + "," + string.Join(",", Features.Select((_, i) => i == 13 ? flag : 0)) + "," + ordered;

    private string Write(IEnumerable<string> header, params string[] rows) =>
        folder.Write(Guid.NewGuid().ToString("N")[..8] + ".csv", string.Join(",", header) + "\n" + string.Join("\n", rows) + "\n");

    private string Valid() => Write(["UserID", .. Features, "ordered"], Row("a", 1, 1), Row("b", 0), Row("c", 0));

    [Fact]
    public void MissingFeatureColumnIsNamed()
    {
        var path = Write(["UserID", .. Features.Where(f => f != "sign_in"), "ordered"], "a," + string.Join(",", Enumerable.Repeat(0, 22)) + ",1");
        var e = Assert.Throws<SchemaMismatchException>(() => PropensityData.LoadForTraining(path));
        Assert.Contains("missing column(s) sign_in", e.Message);
        Assert.Equal(["sign_in"], e.Missing);
    }

    [Fact]
    public void NonBinaryValueIsNamedWithItsColumnAndLine()
    {
        var bad = Row("b", 0).Split(',');
        bad[14] = "2"; // saw_checkout
        var path = Write(["UserID", .. Features, "ordered"], Row("a", 1, 1), string.Join(",", bad));
        var e = Assert.Throws<DataValidationException>(() => PropensityData.LoadForTraining(path));
        Assert.Contains("saw_checkout", e.Message);
        Assert.Contains("'2' is not 0 or 1", e.Message);
        Assert.Equal(3, e.Report.FirstRejects[0].Line);
    }

    [Fact]
    public void LabelAbsentAtTrainingIsNamed()
    {
        var path = Write(["UserID", .. Features], "a," + string.Join(",", Enumerable.Repeat(0, 23)));
        var e = Assert.Throws<PropensityInputException>(() => PropensityData.LoadForTraining(path));
        Assert.Contains("no label column 'ordered'", e.Message);
        Assert.Equal("ordered", e.Column);
    }

    [Fact]
    public void TrainingOnUnlabelledSessionsIsRefused()
    {
        var sessions = PropensityData.LoadForScoring(Write(["UserID", .. Features], "a," + string.Join(",", Enumerable.Repeat(0, 23)))).Sessions;
        var e = Assert.Throws<PropensityInputException>(() => PropensityTrainer.Train(ModelKind.LogisticRegression, sessions));
        Assert.Equal("ordered", e.Column);
    }

    [Fact]
    public void SingleClassIsRefused()
    {
        var path = Write(["UserID", .. Features, "ordered"], Row("a", 0), Row("b", 0));
        var e = Assert.Throws<PropensityInputException>(() => PropensityData.LoadForTraining(path));
        Assert.Contains("ordered = 0", e.Message);
        var sessions = DatasetLoader.LoadPropensity(path).Sessions;
        Assert.Throws<PropensityInputException>(() => PropensityTrainer.Train(ModelKind.FastTree, sessions));
    }

    [Fact]
    public void ScoringFileWithAnExtraColumnIsNamed()
    {
        var model = PropensityTrainer.Train(ModelKind.LogisticRegression, PropensitySample.Sessions.Take(2000).ToArray());
        var path = Write(["UserID", .. Features, "session_length"], "a," + string.Join(",", Enumerable.Repeat(0, 23)) + ",17");
        var e = Assert.Throws<SchemaMismatchException>(() => model.ScoreFile(path));
        Assert.Contains("unexpected column(s) session_length", e.Message);
        // Asked for explicitly, the extra column is ignored and the file scores.
        Assert.Single(model.ScoreFile(path, new LoadOptions { AllowExtraColumns = true, MaxErrors = 0 }).Sessions);
    }

    [Fact]
    public void ScoringFileWithAMissingColumnIsNamed()
    {
        var model = PropensityTrainer.Train(ModelKind.LogisticRegression, PropensitySample.Sessions.Take(2000).ToArray());
        var path = Write(["UserID", .. Features.Where(f => f != "loc_uk")], "a," + string.Join(",", Enumerable.Repeat(0, 22)));
        var e = Assert.Throws<SchemaMismatchException>(() => model.ScoreFile(path));
        Assert.Contains("missing column(s) loc_uk", e.Message);
    }

    [Fact]
    public void ScoringFileWithoutLabelScores()
    {
        var model = PropensityTrainer.Train(ModelKind.LogisticRegression, PropensitySample.Sessions.Take(2000).ToArray());
        var path = Write(["UserID", .. Features], "a," + string.Join(",", Enumerable.Repeat(0, 23)), "b," + string.Join(",", Enumerable.Repeat(1, 23)));
        var ranked = model.ScoreFile(path);
        Assert.Equal("b", ranked.Sessions[0].UserId);
        Assert.Null(ranked.Sessions[0].Ordered);
    }

    [Fact]
    public void MissingModelFileSaysHowToMakeOne()
    {
        var e = Assert.Throws<ModelFileException>(() => PropensityClassifier.Load(Path.Combine(folder.Path, "nope.zip")));
        Assert.Contains("Save(path)", e.Message);
    }

    [Fact]
    public void ValidFileLoadsForTraining() => Assert.Equal(3, PropensityData.LoadForTraining(Valid()).Sessions.Count);
}
