using System.Text.RegularExpressions;
using static CustomerAnalytics.Tests.Infra.CloudFormationTemplate;

namespace CustomerAnalytics.Tests.Infra;

/// <summary>The security and usability properties of infra/workshop-gpu.yaml, read from the parsed template.</summary>
public class WorkshopTemplateTests
{
    private static readonly CloudFormationTemplate Template = CloudFormationTemplate.Load(InfraPaths.Template);

    private static Dictionary<string, object?> Resource(string id) => (Dictionary<string, object?>)Template.Resources[id]!;

    [Fact]
    public void No_ssh_from_the_world_and_no_inbound_rule_at_all()
    {
        Assert.Empty(TemplateSecurityChecks.WorldOpenSsh(Template));
        // Stronger than the rule: access is only through SSM, so no security group has any ingress.
        Assert.Empty(Template.ResourcesOfType("AWS::EC2::SecurityGroupIngress"));
        Assert.All(Template.ResourcesOfType("AWS::EC2::SecurityGroup"),
            sg => Assert.False(Properties(sg.Resource).ContainsKey("SecurityGroupIngress"), sg.Id));
    }

    [Fact]
    public void Every_instance_requires_imdsv2()
    {
        Assert.Single(Template.ResourcesOfType("AWS::EC2::Instance"));
        Assert.Empty(TemplateSecurityChecks.InstancesWithoutImdsV2(Template));
    }

    [Fact]
    public void Data_bucket_is_encrypted_and_blocks_public_access()
    {
        Assert.Equal(["DataBucket"], Template.ResourcesOfType("AWS::S3::Bucket").Select(b => b.Id));
        Assert.Empty(TemplateSecurityChecks.UnprotectedBuckets(Template));
    }

    [Fact]
    public void Iam_grants_s3_only_on_the_data_bucket_plus_the_ssm_managed_policy()
    {
        Assert.Empty(TemplateSecurityChecks.S3GrantsBeyondBucket(Template, "DataBucket"));
        var managed = List(Properties(Resource("InstanceRole"))["ManagedPolicyArns"]);
        var arn = Assert.Single(managed) as Dictionary<string, object?>;
        Assert.Equal("arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore", arn!["Fn::Sub"]);
    }

    [Fact]
    public void Root_volume_is_encrypted()
    {
        var data = Map(Properties(Resource("LaunchTemplate")), "LaunchTemplateData");
        var mapping = Assert.Single(List(data["BlockDeviceMappings"])) as Dictionary<string, object?>;
        var ebs = Map(mapping!, "Ebs");
        Assert.Equal("true", ebs["Encrypted"]);
        Assert.Equal(new Dictionary<string, object?> { ["Ref"] = "VolumeSize" }, ebs["VolumeSize"]);
    }

    [Fact]
    public void Image_is_ubuntu_24_04_gpu_resolved_through_a_public_ssm_parameter()
    {
        var imageId = (Dictionary<string, object?>)Properties(Resource("Instance"))["ImageId"]!;
        var parameter = Map(Template.Parameters, (string)imageId["Ref"]!);
        Assert.Equal("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", parameter["Type"]);
        Assert.Equal("/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-ubuntu-24.04/latest/ami-id", parameter["Default"]);
        Assert.DoesNotMatch(new Regex(@"ami-[0-9a-f]{8,}"), File.ReadAllText(InfraPaths.Template));
    }

    [Fact]
    public void Instance_type_defaults_to_a_single_gpu_type_from_an_allowed_list()
    {
        var type = Map(Template.Parameters, "InstanceType");
        var allowed = List(type["AllowedValues"]).Cast<string>().ToList();
        Assert.Equal("g6.xlarge", type["Default"]);
        Assert.Contains("g6.xlarge", allowed);
        Assert.All(allowed, t => Assert.Matches(@"^g(4dn|5|6|6e)\.\d?x?large$", t));
    }

    [Fact]
    public void Bucket_is_deleted_or_kept_by_a_parameter()
    {
        Assert.Equal("AWS::LanguageExtensions", Template.Root["Transform"]); // intrinsic functions in DeletionPolicy
        var policy = (Dictionary<string, object?>)Resource("DataBucket")["DeletionPolicy"]!;
        Assert.Equal(new object?[] { "DeleteBucket", "Delete", "Retain" }, (List<object?>)policy["Fn::If"]!);
        var condition = (Dictionary<string, object?>)Map(Template.Root, "Conditions")["DeleteBucket"]!;
        Assert.Equal(new object?[] { new Dictionary<string, object?> { ["Ref"] = "DeleteBucketWithStack" }, "true" },
            (List<object?>)condition["Fn::Equals"]!);
    }

    [Fact]
    public void Outputs_say_how_to_connect_and_name_the_bucket_and_instance()
    {
        Assert.Equal(new Dictionary<string, object?> { ["Ref"] = "Instance" }, Map(Template.Outputs, "InstanceId")["Value"]);
        Assert.Equal(new Dictionary<string, object?> { ["Ref"] = "DataBucket" }, Map(Template.Outputs, "DataBucketName")["Value"]);
        var connect = (string)((Dictionary<string, object?>)Map(Template.Outputs, "ConnectCommand")["Value"]!)["Fn::Sub"]!;
        Assert.Contains("aws ssm start-session", connect);
        Assert.Contains("--target ${Instance}", connect);
        Assert.Contains("--document-name AWS-StartPortForwardingSession --parameters portNumber=8888,localPortNumber=8888", connect);
    }

    [Fact]
    public void Stack_waits_for_the_bootstrap_signal_with_a_timeout()
    {
        var wait = Properties(Resource("BootstrapWaitCondition"));
        Assert.Equal(new Dictionary<string, object?> { ["Ref"] = "BootstrapWaitHandle" }, wait["Handle"]);
        Assert.InRange(int.Parse((string)wait["Timeout"]!), 1800, 43200);
        Assert.Equal("Instance", Resource("BootstrapWaitCondition")["DependsOn"]);
        Assert.Contains("export WORKSHOP_WAIT_HANDLE='${BootstrapWaitHandle}'", UserData());
    }

    [Fact]
    public void User_data_runs_the_bootstrap_script_with_settings_it_reads()
    {
        var userData = UserData();
        Assert.Contains("bash \"$WORKSHOP_DIR/infra/bootstrap.sh\"", userData);
        var exported = Regex.Matches(userData, @"export (WORKSHOP_[A-Z_]+)=").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["WORKSHOP_REPO_URL", "WORKSHOP_BRANCH", "WORKSHOP_BUCKET", "WORKSHOP_ATTENDEE", "WORKSHOP_REGION", "WORKSHOP_WAIT_HANDLE",
            "WORKSHOP_IDLE_STOP_MINUTES", "WORKSHOP_USER", "WORKSHOP_DIR"], exported);
        var bootstrap = File.ReadAllText(InfraPaths.Bootstrap);
        Assert.All(exported, name => Assert.Contains("${" + name + ":-", bootstrap));
    }

    [Fact]
    public void Idle_stop_defaults_to_an_hour_may_be_switched_off_and_reaches_the_bootstrap()
    {
        var minutes = Map(Template.Parameters, "IdleStopMinutes");
        Assert.Equal("Number", minutes["Type"]);
        Assert.Equal("60", minutes["Default"]);
        Assert.Equal("0", minutes["MinValue"]);
        Assert.Contains("export WORKSHOP_IDLE_STOP_MINUTES='${IdleStopMinutes}'", UserData());
        // Its fallback, a shutdown from inside, must stop the machine, not terminate it.
        var data = Map(Properties(Resource("LaunchTemplate")), "LaunchTemplateData");
        Assert.Equal("stop", data["InstanceInitiatedShutdownBehavior"]);
    }

    [Fact]
    public void The_only_ec2_permission_is_stopping_the_instance_itself()
    {
        Assert.Empty(TemplateSecurityChecks.Ec2GrantsBeyondStoppingItself(Template, "Instance"));
        var policy = Properties(Resource("IdleStopPolicy"));
        Assert.Equal(new object?[] { new Dictionary<string, object?> { ["Ref"] = "InstanceRole" } }, List(policy["Roles"]));
    }

    /// <summary>The user data script as written in the template (inside Fn::Base64 / Fn::Sub).</summary>
    internal static string UserData()
    {
        var base64 = (Dictionary<string, object?>)Properties(Resource("Instance"))["UserData"]!;
        return (string)((Dictionary<string, object?>)base64["Fn::Base64"]!)["Fn::Sub"]!;
    }
}
