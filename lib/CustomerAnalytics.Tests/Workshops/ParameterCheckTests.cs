namespace CustomerAnalytics.Tests.Workshops;

/// <summary><see cref="ParameterCheck"/>: every bad parameter named with its value and what is valid, all at once.</summary>
public sealed class ParameterCheckTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("parameter-check-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static ParameterException Fails(Func<ParameterCheck, ParameterCheck> checks) =>
        Assert.Throws<ParameterException>(() => checks(new ParameterCheck()).Done());

    [Fact]
    public void Valid_values_pass_and_the_report_names_what_was_checked()
    {
        File.WriteAllText(Path.Combine(_temp, "a.csv"), "x");
        var report = new ParameterCheck()
            .Folder("source", _temp, holding: "a.csv")
            .File("file", Path.Combine(_temp, "a.csv"))
            .Date("asOf", "2018-09-01")
            .Whole("k", 0, 2, 20, orZero: "to choose k by the elbow")
            .Number("fraction", 0.5, 0, 1, exclusive: true)
            .OneOf("token", "visit", ["web", "visit"], "touchpoints")
            .EachOneOf("statuses", "delivered, shipped", ["shipped", "delivered"], "order statuses")
            .S3Location("uri", "s3://my-bucket/results/")
            .Done();

        Assert.Equal(["source", "file", "asOf", "k", "fraction", "token", "statuses", "uri"], report.Checked);
        Assert.Empty(report.Warnings);
        Assert.StartsWith("Parameters checked, all valid: source, file", report.ToString());
    }

    [Fact]
    public void Every_failure_is_collected_and_named_with_its_value_in_one_sentence()
    {
        var error = Fails(c => c
            .Date("asOfDate", "abc", orEmpty: "the day after the last order")
            .Whole("k", -1, 2, 20, orZero: "to choose k by the elbow")
            .Whole("rounds", 0, 1, 10_000)
            .Number("churnHours", -5, 0, exclusive: true));

        Assert.Equal(["asOfDate", "k", "rounds", "churnHours"], error.Problems.Select(p => p.Name));
        Assert.Contains("asOfDate = \"abc\": not a date; write it as yyyy-MM-dd (for example \"2018-09-01\"), or \"\" for the day after the last order.", error.Message);
        Assert.Contains("k = -1: must be a whole number from 2 to 20, or 0 to choose k by the elbow.", error.Message);
        Assert.Contains("rounds = 0: must be a whole number from 1 to 10,000.", error.Message);
        Assert.Contains("churnHours = -5: must be a number greater than 0.", error.Message);
        Assert.StartsWith("4 notebook parameters are not valid", error.Message);
        Assert.IsAssignableFrom<WorkshopException>(error);
    }

    [Theory]
    [InlineData(-1, "must be a whole number of at least 1,000, or 0 for every session.")]
    [InlineData(10, "must be a whole number of at least 1,000, or 0 for every session.")]
    public void A_negative_count_never_means_the_default(int value, string expected)
    {
        var error = Fails(c => c.Whole("maxSessions", value, 1000, orZero: "for every session"));
        Assert.Equal($"maxSessions = {value}: {expected}", error.Problems.Single().ToString());
    }

    [Fact]
    public void Zero_is_refused_where_no_special_meaning_is_named()
    {
        var error = Fails(c => c.Whole("epochs", 0, 1, 500));
        Assert.Equal("epochs = 0: must be a whole number from 1 to 500.", error.Problems.Single().ToString());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1.0)]
    [InlineData(0.0)]
    public void Numbers_must_be_finite_and_in_range(double value)
    {
        var error = Fails(c => c.Number("trainFraction", value, 0, 1, exclusive: true));
        Assert.EndsWith(": must be a number greater than 0 and less than 1.", error.Problems.Single().ToString());
    }

    [Fact]
    public void A_folder_parameter_naming_a_file_says_so_and_what_would_be_valid()
    {
        var file = Path.Combine(_temp, "orders.csv");
        File.WriteAllText(file, "x");
        var error = Fails(c => c.Folder("olistSource", file, orEmpty: "the bundled sample", orS3: true, "a.csv", "b.csv"));
        Assert.Equal($"olistSource = \"{file}\": {file} is a file, not a folder; give a folder holding a.csv and b.csv, " +
                     "an s3://bucket/prefix location or \"\" for the bundled sample.", error.Problems.Single().ToString());
    }

    [Fact]
    public void A_folder_without_the_files_it_must_hold_names_the_missing_ones()
    {
        File.WriteAllText(Path.Combine(_temp, "a.csv"), "x");
        var error = Fails(c => c.Folder("olistSource", _temp, holding: ["a.csv", "b.csv", "c.csv"]));
        Assert.Contains($"the folder {_temp} has no b.csv and c.csv", error.Message);
    }

    [Fact]
    public void Missing_paths_and_folders_given_for_files_are_named_with_the_full_path()
    {
        var missing = Path.Combine(_temp, "nope");
        var error = Fails(c => c.Folder("a", missing).File("b", missing).File("c", _temp).File("d", "   "));
        Assert.Contains($"a = \"{missing}\": there is no folder {missing}; give a folder.", error.Message);
        Assert.Contains($"b = \"{missing}\": there is no file {missing}; give the path of a file.", error.Message);
        Assert.Contains($"c = \"{_temp}\": {_temp} is a folder, not a file", error.Message);
        Assert.Contains("d = \"   \": is blank", error.Message);
    }

    [Fact]
    public void Empty_and_s3_pass_only_where_allowed()
    {
        new ParameterCheck().File("f", "", orEmpty: "the sample").File("g", "s3://bucket/key.csv", orS3: true).Done();

        var error = Fails(c => c.File("f", "").File("g", "s3://bucket/key.csv").File("h", "s3://Bad_Bucket/key", orS3: true)
            .S3Location("uri", "http://x/y", orEmpty: "no upload"));
        Assert.Contains("f = \"\": must not be empty; give the path of a file.", error.Message);
        Assert.Contains("g = \"s3://bucket/key.csv\": this parameter reads local files only", error.Message);
        Assert.Contains("h = \"s3://Bad_Bucket/key\": \"Bad_Bucket\" is not an S3 bucket name", error.Message);
        Assert.Contains("uri = \"http://x/y\": not an s3:// location; give an s3://bucket/prefix location such as \"s3://my-bucket/results/\" or \"\" for no upload.", error.Message);
    }

    [Theory]
    [InlineData("2018-02-30")]
    [InlineData("09/01/2018")]
    [InlineData("yesterday")]
    public void Dates_must_be_real_days_in_iso_order(string value) =>
        Assert.Equal("asOfDate", Fails(c => c.Date("asOfDate", value)).Problems.Single().Name);

    [Fact]
    public void A_date_after_the_data_is_a_warning_and_one_before_it_a_failure()
    {
        DateTime first = new(2016, 9, 4), last = new(2018, 10, 17, 17, 30, 0);
        var report = new ParameterCheck()
            .DateWithin("asOfDate", "2099-01-01", first, last, "the orders")
            .Done();
        var warning = Assert.Single(report.Warnings).ToString();
        Assert.StartsWith("asOfDate = \"2099-01-01\": 29,296 days after the last of the orders (2018-10-17)", warning);
        Assert.Contains("\"\" takes the day after the last (2018-10-18)", warning);
        Assert.Contains("warning: asOfDate = \"2099-01-01\"", report.ToString());
        Assert.Contains("<strong>warning:</strong>", report.ToHtml());

        Assert.Empty(new ParameterCheck().DateWithin("asOfDate", "2018-10-18", first, last, "the orders").Done().Warnings);
        Assert.Empty(new ParameterCheck().DateWithin("asOfDate", "", first, last, "the orders").Done().Warnings);
        var error = Fails(c => c.DateWithin("asOfDate", "2010-01-01", first, last, "the orders"));
        Assert.Contains("asOfDate = \"2010-01-01\": nothing in the orders comes before it (the orders run from 2016-09-04 to 2018-10-17); choose a date after 2016-09-04", error.Message);
    }

    [Fact]
    public void Names_must_occur_in_the_data()
    {
        var error = Fails(c => c
            .OneOf("conversionToken", "bogus", ["visit", "web"], "touchpoints in these journeys")
            .EachOneOf("orderStatuses", "delivred, shipped,,lost", ["delivered", "shipped"], "order statuses in these orders")
            .EachOneOf("driftFeatures", " , ", ["a"], "session features"));
        Assert.Contains("conversionToken = \"bogus\": not one of the touchpoints in these journeys: visit or web.", error.Message);
        Assert.Contains("orderStatuses = \"delivred, shipped,,lost\": \"delivred\", \"\" and \"lost\" are not among the order statuses in these orders: delivered or shipped.", error.Message);
        Assert.Contains("driftFeatures = \" , \": names none of the session features", error.Message);
    }

    [Fact]
    public void A_rule_of_the_notebook_is_skipped_when_the_parameter_already_failed()
    {
        var error = Fails(c => c
            .Number("trainFraction", 2, 0, 1, exclusive: true)
            .That("trainFraction", 2, false, "train and validation must leave a test set")
            .That("validationFraction", 0.5, false, "trainFraction + validationFraction must be less than 1"));
        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("validationFraction = 0.5: trainFraction + validationFraction must be less than 1.", error.Message);
    }

    [Fact]
    public void Warnings_are_listed_with_the_failures_when_the_check_throws()
    {
        var error = Fails(c => c.WarnUnless("maxJourneys", 9000, false, "more than the 5,000 journeys: all are used").Whole("epochs", -1, 1, 500));
        Assert.Contains("- warning: maxJourneys = 9000: more than the 5,000 journeys: all are used.", error.Message);
        Assert.StartsWith("A notebook parameter is not valid", error.Message);
    }
}
