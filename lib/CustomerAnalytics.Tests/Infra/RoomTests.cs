namespace CustomerAnalytics.Tests.Infra;

/// <summary>
/// infra/room.sh against a stand-in `aws` (fake-aws.sh) that records its calls and answers describe calls from canned
/// text in the shape of the script's --query (stack, status, attendee, instance, bucket, DeleteBucketWithStack).
/// </summary>
public class RoomTests : IDisposable
{
    private const string Url = "https://example.invalid/workshops.git";
    private readonly string _folder = InfraPaths.NewTempFolder("ca-room-");
    private string Answers => Path.Combine(_folder, "answers");

    public RoomTests()
    {
        Directory.CreateDirectory(Answers);
        var bin = Path.Combine(_folder, "bin");
        Directory.CreateDirectory(bin);
        File.CreateSymbolicLink(Path.Combine(bin, "aws"), InfraPaths.FakeAws);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Answer(string key, params string[] rows) =>
        File.WriteAllText(Path.Combine(Answers, key), string.Concat(rows.Select(r => r.Replace(' ', '\t') + "\n")));

    private InfraPaths.Result Room(params string[] args) =>
        InfraPaths.Run("bash", [InfraPaths.Room, .. args], workingDirectory: _folder, environment: new Dictionary<string, string>
        {
            ["PATH"] = Path.Combine(_folder, "bin") + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_AWS_DIR"] = _folder,
            ["ROOM_POLL_SECONDS"] = "0",
            ["AWS_REGION"] = "",
            ["AWS_DEFAULT_REGION"] = "",
        });

    private string[] Calls() => File.Exists(Path.Combine(_folder, "calls.log")) ? File.ReadAllLines(Path.Combine(_folder, "calls.log")) : [];

    private const string RoomQuery = "Stacks[?Tags[?Key=='workshop-room' && Value=='ml101']]";

    private static string Connect(string instance) =>
        $"aws ssm start-session --region eu-west-1 --target {instance} --document-name AWS-StartPortForwardingSession --parameters portNumber=8888,localPortNumber=8888";

    [Fact]
    public void Launch_from_a_names_file_creates_one_tagged_stack_each_waits_and_prints_the_handout_table()
    {
        File.WriteAllText(Path.Combine(_folder, "names.txt"), "# room ML 101\nalice\n\n  bob  # late\n");
        Answer("cloudformation-describe-stacks.1"); // the room is empty
        Answer("cloudformation-describe-stacks.2", "ml101-alice CREATE_IN_PROGRESS alice None None true", "ml101-bob CREATE_IN_PROGRESS bob None None true");
        Answer("cloudformation-describe-stacks", "ml101-alice CREATE_COMPLETE alice i-0aaa bucket-a true", "ml101-bob CREATE_COMPLETE bob i-0bbb bucket-b true");

        var result = Room("launch", "--attendees", "names.txt", "--prefix", "ml101", "--region", "eu-west-1",
            $"RepositoryUrl={Url}", "InstanceType=g5.xlarge");

        Assert.True(result.ExitCode == 0, result.ToString());
        var creates = Calls().Where(c => c.StartsWith("aws cloudformation create-stack")).ToList();
        Assert.Equal([
            $"aws cloudformation create-stack --region eu-west-1 --stack-name ml101-alice --template-body file://{InfraPaths.Template} " +
            "--capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --parameters ParameterKey=AttendeeId,ParameterValue=alice " +
            $"ParameterKey=RepositoryUrl,ParameterValue={Url} ParameterKey=InstanceType,ParameterValue=g5.xlarge " +
            "--tags Key=workshop-room,Value=ml101 Key=workshop-attendee,Value=alice --output text --query StackId",
            $"aws cloudformation create-stack --region eu-west-1 --stack-name ml101-bob --template-body file://{InfraPaths.Template} " +
            "--capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --parameters ParameterKey=AttendeeId,ParameterValue=bob " +
            $"ParameterKey=RepositoryUrl,ParameterValue={Url} ParameterKey=InstanceType,ParameterValue=g5.xlarge " +
            "--tags Key=workshop-room,Value=ml101 Key=workshop-attendee,Value=bob --output text --query StackId"], creates);
        // One describe of the room before creating, then polls until nothing is in progress.
        var describes = Calls().Where(c => c.StartsWith("aws cloudformation describe-stacks --region eu-west-1 --output text --query " + RoomQuery)).ToList();
        Assert.Equal(3, describes.Count);
        Assert.Contains("[room] 2 stack(s) in progress, waiting 0 s", result.Output);

        var table = result.Output.Split('\n').SkipWhile(l => !l.StartsWith("attendee ")).Take(3).ToList();
        Assert.Matches(@"^attendee\s+stack\s+status\s+instance\s+connect \(JupyterLab on http://localhost:8888\)$", table[0]);
        Assert.Matches(@"^alice\s+ml101-alice\s+CREATE_COMPLETE\s+i-0aaa\s+" + System.Text.RegularExpressions.Regex.Escape(Connect("i-0aaa")) + "$", table[1]);
        Assert.Matches(@"^bob\s+ml101-bob\s+CREATE_COMPLETE\s+i-0bbb\s+" + System.Text.RegularExpressions.Regex.Escape(Connect("i-0bbb")) + "$", table[2]);
        Assert.Contains("--document-name AWS-StartInteractiveCommand --parameters command=\"sudo cat /etc/workshop/jupyter-token\"", result.Output);
    }

    [Fact]
    public void Launch_by_count_keeps_existing_stacks_and_reports_a_failed_one_with_its_reason()
    {
        Answer("cloudformation-describe-stacks.1", "ml101-attendee-02 CREATE_COMPLETE attendee-02 i-0two b2 true");
        Answer("cloudformation-describe-stacks", "ml101-attendee-01 CREATE_COMPLETE attendee-01 i-0one b1 true",
            "ml101-attendee-02 CREATE_COMPLETE attendee-02 i-0two b2 true", "ml101-attendee-03 ROLLBACK_COMPLETE attendee-03 None None true");
        File.WriteAllText(Path.Combine(Answers, "cloudformation-describe-stack-events"),
            "WaitCondition received failed message: 'bootstrap failed in step workshops (exit 1): WORKSHOP_DEVICE=cuda: 04-lstm-touchpoint-prediction at cell 17: boom' for uniqueId: bootstrap\n");

        var result = Room("launch", "--count", "3", "--prefix", "ml101", "--region", "eu-west-1", "--keep-failed", $"RepositoryUrl={Url}");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["ml101-attendee-01", "ml101-attendee-03"], Calls().Where(c => c.StartsWith("aws cloudformation create-stack"))
            .Select(c => c.Split(' ')[6]));
        Assert.All(Calls().Where(c => c.StartsWith("aws cloudformation create-stack")), c => Assert.Contains(" --on-failure DO_NOTHING ", c));
        Assert.Contains("[room] ml101-attendee-02 exists, kept as it is", result.Output);
        Assert.Matches(@"\nattendee-03\s+ml101-attendee-03\s+ROLLBACK_COMPLETE\s+-\s+-\n", result.Output);
        Assert.Contains("ml101-attendee-03 (ROLLBACK_COMPLETE): WaitCondition received failed message: 'bootstrap failed in step workshops " +
            "(exit 1): WORKSHOP_DEVICE=cuda: 04-lstm-touchpoint-prediction at cell 17: boom'", result.Output);
        Assert.Contains("aws cloudformation describe-stack-events --region eu-west-1 --stack-name ml101-attendee-03 --output text " +
            "--query StackEvents[?ResourceStatus=='CREATE_FAILED'] | [-1].ResourceStatusReason", Calls());
    }

    [Theory]
    [InlineData("launch --attendees names.txt --region eu-west-1", "give RepositoryUrl=https://...")]
    [InlineData("launch --count 3 RepositoryUrl=x", "no region: give --region")]
    [InlineData("launch --count 0 --region eu-west-1 RepositoryUrl=x", "--count '0': a number from 1 to 200")]
    [InlineData("launch --attendees bad.txt --region eu-west-1 RepositoryUrl=x", "attendee id 'Alice' in bad.txt: lower-case letters")]
    [InlineData("launch --attendees dup.txt --region eu-west-1 RepositoryUrl=x", "attendee ids given twice: bob")]
    [InlineData("launch --count 2 --region eu-west-1 RepositoryUrl=x AttendeeId=x", "AttendeeId is set per attendee by the room")]
    [InlineData("launch --count 2 --region eu-west-1 RepositoryUrl=x,y", "values with commas are not supported")]
    [InlineData("reboot --region eu-west-1", "unknown command 'reboot'")]
    public void Bad_input_is_refused_before_anything_is_created(string arguments, string message)
    {
        File.WriteAllText(Path.Combine(_folder, "names.txt"), "alice\n");
        File.WriteAllText(Path.Combine(_folder, "bad.txt"), "alice\nAlice\n");
        File.WriteAllText(Path.Combine(_folder, "dup.txt"), "bob\nalice\nbob\n");
        var result = Room(arguments.Split(' '));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Output);
        Assert.DoesNotContain(Calls(), c => c.Contains("create-stack"));
    }

    [Fact]
    public void Status_prints_the_table_of_the_room_from_one_describe_call()
    {
        Answer("cloudformation-describe-stacks", "ml101-alice CREATE_COMPLETE alice i-0aaa bucket-a true", "ml101-bob CREATE_IN_PROGRESS bob None None true");
        var result = Room("status", "--prefix", "ml101", "--region", "eu-west-1");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(Calls());
        Assert.Contains(RoomQuery + ".[StackName, StackStatus, Parameters[?ParameterKey=='AttendeeId'].ParameterValue | [0], " +
            "Outputs[?OutputKey=='InstanceId'].OutputValue | [0], Outputs[?OutputKey=='DataBucketName'].OutputValue | [0], " +
            "Parameters[?ParameterKey=='DeleteBucketWithStack'].ParameterValue | [0]]", Calls()[0]);
        Assert.Contains(Connect("i-0aaa"), result.Output);
        Assert.Matches(@"\nbob\s+ml101-bob\s+CREATE_IN_PROGRESS\s+-\s+-\n", result.Output);
    }

    [Fact]
    public void Teardown_empties_only_buckets_that_go_with_their_stack_deletes_every_stack_and_waits()
    {
        Answer("cloudformation-describe-stacks.1", "ml101-alice CREATE_COMPLETE alice i-0aaa bucket-a true", "ml101-bob CREATE_COMPLETE bob i-0bbb bucket-b false");
        Answer("cloudformation-describe-stacks.2", "ml101-bob DELETE_IN_PROGRESS bob i-0bbb bucket-b false");
        Answer("cloudformation-describe-stacks"); // gone

        var result = Room("teardown", "--prefix", "ml101", "--region", "eu-west-1", "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([
            "aws s3 rm s3://bucket-a --recursive --region eu-west-1 --only-show-errors",
            "aws cloudformation delete-stack --region eu-west-1 --stack-name ml101-alice",
            "aws cloudformation delete-stack --region eu-west-1 --stack-name ml101-bob"],
            Calls().Where(c => !c.StartsWith("aws cloudformation describe-stacks")));
        Assert.Equal(3, Calls().Count(c => c.StartsWith("aws cloudformation describe-stacks")));
        Assert.Contains("[room] room 'ml101' is gone", result.Output);
    }

    [Fact]
    public void Teardown_without_yes_and_without_a_terminal_deletes_nothing()
    {
        Answer("cloudformation-describe-stacks", "ml101-alice CREATE_COMPLETE alice i-0aaa bucket-a true");
        var result = Room("teardown", "--prefix", "ml101", "--region", "eu-west-1");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("teardown deletes 1 stack(s) of room 'ml101' and their data; run again with --yes", result.Output);
        Assert.DoesNotContain(Calls(), c => c.Contains("delete-stack") || c.Contains("s3 rm"));
    }

    [Fact]
    public void Start_starts_every_machine_of_the_room_in_one_call()
    {
        Answer("cloudformation-describe-stacks", "ml101-alice CREATE_COMPLETE alice i-0aaa bucket-a true",
            "ml101-bob CREATE_COMPLETE bob i-0bbb bucket-b true", "ml101-carol ROLLBACK_COMPLETE carol None None true");
        var result = Room("start", "--prefix", "ml101", "--region", "eu-west-1");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("aws ec2 start-instances --region eu-west-1 --instance-ids i-0aaa i-0bbb --output text " +
            "--query StartingInstances[].[InstanceId, CurrentState.Name]", Calls()[1]);
        Assert.Contains("[room] started 2 machine(s)", result.Output);
    }

    [Fact]
    public void A_room_of_more_than_four_without_a_shared_subnet_is_warned_about_the_vpc_quota()
    {
        var result = Room("launch", "--count", "5", "--region", "eu-west-1", "--no-wait", $"RepositoryUrl={Url}");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("a region allows 5 VPCs by default", result.Output);
        Assert.Equal(5, Calls().Count(c => c.StartsWith("aws cloudformation create-stack")));
        var shared = Room("launch", "--count", "5", "--prefix", "other", "--region", "eu-west-1", "--no-wait", $"RepositoryUrl={Url}",
            "VpcId=vpc-0abc", "SubnetId=subnet-0abc");
        Assert.DoesNotContain("VPCs by default", shared.Output);
    }
}
