using System.Text.Json;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// Every workshop names a bad parameter: values of the right type but the wrong meaning stop at the notebook's
/// validation cell (right after the parameters cell, or right after the data loads when the check needs the data),
/// with one sentence per parameter naming it, its value and what is valid. One run per case sets several bad values
/// at once, since the check collects every failure.
/// </summary>
[Collection(NotebookProcessCollection.Name)]
public sealed class ParameterValidationTests
{
    // Stand-ins for an existing file and an existing (empty) folder, filled in by the test.
    private const string AFile = "{file}", AFolder = "{folder}";

    /// <summary>Notebook, the id of the cell that must fail, the bad parameters ("name=value"), and what its error must say.</summary>
    public static TheoryData<string, string, string[], string[]> Cases()
    {
        var data = new TheoryData<string, string, string[], string[]>();
        foreach (var (notebook, cell, parameters, expected) in BadRuns) data.Add(notebook, cell, parameters, expected);
        return data;
    }

    private static readonly (string Notebook, string Cell, string[] Parameters, string[] Expected)[] BadRuns =
    [
        ("01-rfm-sql-prep", "parameters-check",
            [$"olistSource={AFile}", $"retailSource={AFolder}", "asOfDate=abc", "orderStatuses= ", "postgresConnection=foo", "s3ResultsUri=http://x/y"],
            [$"olistSource = \"{AFile}\": {AFile} is a file, not a folder; give a folder holding olist_customers_dataset.csv",
             $"retailSource = \"{AFolder}\": {AFolder} is a folder, not a file",
             "asOfDate = \"abc\": not a date; write it as yyyy-MM-dd",
             "orderStatuses = \" \": must not be empty",
             "postgresConnection = \"foo\": not a connection string",
             "s3ResultsUri = \"http://x/y\": not an s3:// location"]),
        ("01-rfm-sql-prep", "data-check",
            ["asOfDate=2099-01-01", "orderStatuses=delivered, delivred"],
            ["orderStatuses = \"delivered, delivred\": \"delivred\" is not among the order statuses in these orders: canceled, delivered",
             "warning: asOfDate = \"2099-01-01\": 29,297 days after the last of the orders (2018-10-16)"]),
        ("01-rfm-sql-prep", "data-check",
            ["asOfDate=2010-01-01"],
            ["asOfDate = \"2010-01-01\": nothing in the orders comes before it"]),
        ("02-kmeans-segmentation", "parameters-check",
            [$"olistSource={AFolder}", "k=-1", "retailK=1", "maxK=3", "silhouetteSample=-1", "starts=0", "s3ResultsUri=s3://x", $"retailSource={AFolder}"],
            [$"olistSource = \"{AFolder}\": the folder {AFolder} has no olist_customers_dataset.csv, olist_orders_dataset.csv and olist_order_payments_dataset.csv",
             "k = -1: must be a whole number from 2 to 20, or 0 to take the elbow.",
             "retailK = 1: must be a whole number from 2 to 20, or 0 to take the elbow.",
             "maxK = 3: must be a whole number from 4 to 20.",
             "silhouetteSample = -1: must be a whole number from 100 to 20,000.",
             "starts = 0: must be a whole number from 1 to 10.",
             "s3ResultsUri = \"s3://x\": \"x\" is not an S3 bucket name",
             $"retailSource = \"{AFolder}\": {AFolder} is a folder, not a file"]),
        ("03-propensity-modelling", "parameters-check",
            ["rounds=0", "maxSessions=-1", $"propensitySource={AFolder}", "validationFraction=0.5", "conversionValue=0.5", "importanceRepeats=0", "trainFraction=NaN"],
            ["rounds = 0: must be a whole number from 1 to 10,000.",
             "maxSessions = -1: must be a whole number of at least 1,000, or 0 for every session.",
             $"propensitySource = \"{AFolder}\": {AFolder} is a folder, not a file",
             "trainFraction = NaN: must be a number greater than 0 and less than 1.",
             "conversionValue = 0.5: must be more than contactCost = 1, or no contact can pay.",
             "importanceRepeats = 0: must be a whole number from 1 to 100."]),
        ("03-propensity-modelling", "parameters-check",
            ["validationFraction=0.5"],
            ["validationFraction = 0.5: with trainFraction = 0.6 it leaves no test set"]),
        ("04-lstm-touchpoint-prediction", "parameters-check",
            ["epochs=0", "maxJourneys=-1", "learningRate=0", $"journeysSource={AFolder}", "conversionToken=", "batchSize=-64", "patience=0", "beamWidth=0", "hiddenSize=0"],
            ["epochs = 0: must be a whole number from 1 to 1,000.",
             "maxJourneys = -1: must be a whole number of at least 100, or 0 for all journeys.",
             "learningRate = 0: must be a number greater than 0 and less than 1.",
             $"journeysSource = \"{AFolder}\": {AFolder} is a folder, not a file",
             "conversionToken = \"\": must not be empty",
             "batchSize = -64: must be a whole number from 1 to 4,096.",
             "patience = 0: must be a whole number from 1 to 1,000.",
             "beamWidth = 0: must be a whole number from 1 to 20.",
             "hiddenSize = 0: must be a whole number from 1 to 4,096."]),
        ("04-lstm-touchpoint-prediction", "data-check",
            ["conversionToken=bogus", "maxJourneys=100000"],
            ["conversionToken = \"bogus\": not one of the touchpoints that follow in these journeys: channel4",
             "warning: maxJourneys = 100000: more than the 5,000 journeys in the file: all of them are used."]),
        ("05-churn-attention", "parameters-check",
            ["churnHours=-5", "bounceMinutes=-1", "churnEpochs=0", "maxTrainExamples=-1", "maxValidationExamples=50", $"ga4Source={AFolder}"],
            ["churnHours = -5: must be a number greater than 0.",
             "bounceMinutes = -1: must be a number of at least 0.",
             "churnEpochs = 0: must be a whole number from 1 to 1,000.",
             "maxTrainExamples = -1: must be a whole number of at least 100, or 0 for no cap.",
             "maxValidationExamples = 50: must be a whole number of at least 100, or 0 for no cap.",
             $"ga4Source = \"{AFolder}\": {AFolder} is a folder, not a file"]),
        ("05-churn-attention", "parameters-check",
            ["churnHours=0.1", "nextEventEpochs=-1"],
            ["churnHours = 0.1: the churn window must be longer than the bounce window (bounceMinutes = 10)",
             "nextEventEpochs = -1: must be a whole number from 1 to 1,000."]),
        ("05-churn-attention", "data-check",
            ["churnHours=100000"],
            ["churnHours = 100000: with bounceMinutes = 10 it labels ", " users churned and 0 retained; the churn model needs both"]),
        ("06-deploy-and-monitor", "parameters-check",
            ["maxSessions=-1", $"propensitySource={AFolder}", "validationFraction=0.5", "driftSessions=0", "driftFeatures=saw_checkout,bogus", "trainFraction=NaN"],
            ["maxSessions = -1: must be a whole number of at least 1,000, or 0 for every session.",
             $"propensitySource = \"{AFolder}\": {AFolder} is a folder, not a file",
             "trainFraction = NaN: must be a number greater than 0 and less than 1.",
             "driftSessions = 0: must be a whole number from 100 to 1,000,000.",
             "driftFeatures = \"saw_checkout,bogus\": \"bogus\" is not among the session features: basket_icon_click"]),
        ("06-deploy-and-monitor", "parameters-check",
            ["validationFraction=0.5"],
            ["validationFraction = 0.5: with trainFraction = 0.6 it leaves no test set"]),
    ];

    [Theory, MemberData(nameof(Cases))]
    public void Bad_values_stop_at_the_validation_cell_naming_each_parameter_its_value_and_what_is_valid(
        string notebookName, string cellId, string[] parameters, string[] expectedErrors)
    {
        var bad = $"{notebookName} with {string.Join(" ", parameters)}";
        var output = WorkshopRuns.NewOutputFolder($"bad-parameters-{Guid.NewGuid():N}");
        var file = Path.Combine(RepositoryPaths.Root, "data", "olist", "olist_orders_dataset.csv");
        var folder = Path.Combine(output, "empty-folder");
        Directory.CreateDirectory(folder);
        string Fill(string text) => text.Replace(AFile, file, StringComparison.Ordinal).Replace(AFolder, folder, StringComparison.Ordinal);

        var notebook = Path.Combine("notebooks", notebookName + ".ipynb");
        var run = RunExe(RepositoryPaths.Root, [notebook, "--out", output, .. parameters.SelectMany(p => new[] { "--param", Fill(p) })]);

        Assert.True(run.ExitCode != 0, $"{bad} ran to the end:\n{run.Output}");
        var error = ErrorOf(Path.Combine(output, "notebooks", notebookName + ".ipynb"), cellId);
        Assert.True(error is not null, $"{bad}: the cell {cellId} did not fail:\n{run.Output}");
        Assert.StartsWith("CustomerAnalytics.ParameterException: ", error);
        foreach (var expected in expectedErrors)
            Assert.Contains(Fill(expected), error);
    }

    /// <summary>The traceback of the error output of the cell with id <paramref name="cellId"/>, or null.</summary>
    private static string? ErrorOf(string executedNotebook, string cellId)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(executedNotebook));
        var cell = json.RootElement.GetProperty("cells").EnumerateArray()
            .Single(c => c.TryGetProperty("id", out var id) && id.GetString() == cellId);
        return cell.GetProperty("outputs").EnumerateArray()
            .Where(o => o.GetProperty("output_type").GetString() == "error")
            .Select(o => string.Join("\n", o.GetProperty("traceback").EnumerateArray().Select(l => l.GetString())))
            .FirstOrDefault();
    }
}
