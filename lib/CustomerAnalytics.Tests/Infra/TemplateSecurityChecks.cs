using static CustomerAnalytics.Tests.Infra.CloudFormationTemplate;

namespace CustomerAnalytics.Tests.Infra;

/// <summary>
/// Security rules for a workshop template, each returning the violations it finds (empty = fine), so the same
/// check runs on the real template and on deliberately bad snippets.
/// </summary>
internal static class TemplateSecurityChecks
{
    private static readonly string[] World = ["0.0.0.0/0", "::/0"];

    /// <summary>Ingress rules (inline or separate) that open port 22 to the whole internet.</summary>
    public static List<string> WorldOpenSsh(CloudFormationTemplate t)
    {
        var rules = new List<(string Where, Dictionary<string, object?> Rule)>();
        foreach (var (id, sg) in t.ResourcesOfType("AWS::EC2::SecurityGroup"))
            if (Properties(sg).TryGetValue("SecurityGroupIngress", out var ingress))
                rules.AddRange(List(ingress).OfType<Dictionary<string, object?>>().Select(r => (id, r)));
        foreach (var (id, rule) in t.ResourcesOfType("AWS::EC2::SecurityGroupIngress"))
            rules.Add((id, Properties(rule)));

        return rules.Where(r => IsWorld(r.Rule) && CoversPort(r.Rule, 22))
                    .Select(r => $"{r.Where}: ingress on port 22 from {Cidr(r.Rule)}").ToList();
    }

    /// <summary>Instances whose metadata service accepts IMDSv1 (HttpTokens not "required").</summary>
    public static List<string> InstancesWithoutImdsV2(CloudFormationTemplate t)
    {
        var problems = new List<string>();
        foreach (var (id, instance) in t.ResourcesOfType("AWS::EC2::Instance"))
        {
            var props = Properties(instance);
            var templateId = props.TryGetValue("LaunchTemplate", out var lt) && lt is Dictionary<string, object?> ltMap
                && ltMap.TryGetValue("LaunchTemplateId", out var r) && r is Dictionary<string, object?> refMap
                ? refMap.GetValueOrDefault("Ref") as string : null;
            var data = templateId is not null && t.Resources.GetValueOrDefault(templateId) is Dictionary<string, object?> template
                ? Properties(template).GetValueOrDefault("LaunchTemplateData") as Dictionary<string, object?> : null;
            var tokens = (data?.GetValueOrDefault("MetadataOptions") as Dictionary<string, object?>)?.GetValueOrDefault("HttpTokens");
            if (tokens as string != "required")
                problems.Add($"{id}: HttpTokens is '{tokens ?? "not set"}' (launch template {templateId ?? "none"}), IMDSv2 needs 'required'");
        }
        return problems;
    }

    /// <summary>Buckets without default encryption or without all four public-access blocks.</summary>
    public static List<string> UnprotectedBuckets(CloudFormationTemplate t)
    {
        var problems = new List<string>();
        foreach (var (id, bucket) in t.ResourcesOfType("AWS::S3::Bucket"))
        {
            var props = Properties(bucket);
            var rules = (props.GetValueOrDefault("BucketEncryption") as Dictionary<string, object?>)
                ?.GetValueOrDefault("ServerSideEncryptionConfiguration");
            var algorithms = List(rules).OfType<Dictionary<string, object?>>()
                .Select(r => (r.GetValueOrDefault("ServerSideEncryptionByDefault") as Dictionary<string, object?>)?.GetValueOrDefault("SSEAlgorithm") as string)
                .Where(a => a is "AES256" or "aws:kms" or "aws:kms:dsse").ToList();
            if (algorithms.Count == 0) problems.Add($"{id}: no default encryption");
            var block = props.GetValueOrDefault("PublicAccessBlockConfiguration") as Dictionary<string, object?>;
            foreach (var setting in new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" })
                if (block?.GetValueOrDefault(setting) as string != "true") problems.Add($"{id}: {setting} is not true");
        }
        return problems;
    }

    /// <summary>
    /// IAM statements that allow S3 actions on anything but the given bucket (its ARN or its objects), or allow
    /// every action.
    /// </summary>
    public static List<string> S3GrantsBeyondBucket(CloudFormationTemplate t, string bucketId)
    {
        var problems = new List<string>();
        foreach (var (where, statement) in AllowStatements(t))
        {
            var actions = List(statement.GetValueOrDefault("Action")).OfType<string>().ToList();
            if (actions.Any(a => a is "*" or "s3:*")) problems.Add($"{where}: allows {string.Join(", ", actions)}");
            if (!actions.Any(a => a.StartsWith("s3:", StringComparison.OrdinalIgnoreCase))) continue;
            foreach (var resource in List(statement.GetValueOrDefault("Resource")))
                if (!IsBucketOrItsObjects(resource, bucketId))
                    problems.Add($"{where}: S3 actions on {Describe(resource)}, not only {bucketId}");
        }
        return problems;
    }

    /// <summary>
    /// Violations of "the only EC2 permission is ec2:StopInstances on the instance itself": any other EC2 action (or a
    /// wildcard, or NotAction/NotResource), StopInstances on anything but
    /// <c>!Sub arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/${Instance}</c> or without the
    /// condition that the caller is that instance (<c>ArnEquals ec2:SourceInstanceARN</c>), and no such grant at all.
    /// </summary>
    public static List<string> Ec2GrantsBeyondStoppingItself(CloudFormationTemplate t, string instanceId)
    {
        var problems = new List<string>();
        var itself = "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/${" + instanceId + "}";
        bool IsItself(object? value) => value is Dictionary<string, object?> m && m.Count == 1 && m.GetValueOrDefault("Fn::Sub") as string == itself;
        var grants = 0;
        foreach (var (where, statement) in AllowStatements(t))
        {
            foreach (var key in new[] { "NotAction", "NotResource" }.Where(statement.ContainsKey))
                problems.Add($"{where}: an Allow with {key} grants more than it names");
            var actions = List(statement.GetValueOrDefault("Action")).OfType<string>().ToList();
            var ec2 = actions.Where(a => a == "*" || a.StartsWith("ec2:", StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var action in ec2.Where(a => !a.Equals("ec2:StopInstances", StringComparison.OrdinalIgnoreCase)))
                problems.Add($"{where}: allows {action}; the only EC2 action allowed is ec2:StopInstances on {instanceId} itself");
            if (!ec2.Any(a => a.Equals("ec2:StopInstances", StringComparison.OrdinalIgnoreCase))) continue;
            grants++;
            foreach (var resource in List(statement.GetValueOrDefault("Resource")).Where(r => !IsItself(r)))
                problems.Add($"{where}: ec2:StopInstances on {Describe(resource)}, not only {instanceId} itself");
            var source = ((statement.GetValueOrDefault("Condition") as Dictionary<string, object?>)
                ?.GetValueOrDefault("ArnEquals") as Dictionary<string, object?>)?.GetValueOrDefault("ec2:SourceInstanceARN");
            if (!IsItself(source))
                problems.Add($"{where}: ec2:StopInstances without the condition ArnEquals ec2:SourceInstanceARN = {instanceId} itself");
        }
        if (grants == 0) problems.Add($"no statement lets {instanceId} stop itself (ec2:StopInstances), so the idle stop cannot work");
        return problems;
    }

    /// <summary>The Allow statements of every role's inline policies and of every policy resource, with their resource id.</summary>
    private static IEnumerable<(string Where, Dictionary<string, object?> Statement)> AllowStatements(CloudFormationTemplate t)
    {
        var statements = new List<(string Where, Dictionary<string, object?> Statement)>();
        foreach (var (id, role) in t.ResourcesOfType("AWS::IAM::Role"))
            foreach (var policy in List(Properties(role).GetValueOrDefault("Policies")).OfType<Dictionary<string, object?>>())
                statements.AddRange(StatementsOf(policy.GetValueOrDefault("PolicyDocument")).Select(s => (id, s)));
        foreach (var type in new[] { "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" })
            foreach (var (id, policy) in t.ResourcesOfType(type))
                statements.AddRange(StatementsOf(Properties(policy).GetValueOrDefault("PolicyDocument")).Select(s => (id, s)));
        return statements.Where(s => s.Statement.GetValueOrDefault("Effect") as string == "Allow");
    }

    private static IEnumerable<Dictionary<string, object?>> StatementsOf(object? document) =>
        List((document as Dictionary<string, object?>)?.GetValueOrDefault("Statement")).OfType<Dictionary<string, object?>>();

    // !GetAtt Bucket.Arn, or !Sub "${Bucket.Arn}/..." (the objects).
    private static bool IsBucketOrItsObjects(object? resource, string bucketId) => resource switch
    {
        Dictionary<string, object?> m when m.GetValueOrDefault("Fn::GetAtt") is List<object?> att =>
            att.Count == 2 && att[0] as string == bucketId && att[1] as string == "Arn",
        Dictionary<string, object?> m when m.GetValueOrDefault("Fn::Sub") is string sub =>
            sub == "${" + bucketId + ".Arn}" || sub.StartsWith("${" + bucketId + ".Arn}/", StringComparison.Ordinal),
        _ => false,
    };

    private static string Describe(object? value) => value switch
    {
        string s => s,
        Dictionary<string, object?> m => string.Join(", ", m.Select(kv => $"{kv.Key}: {Describe(kv.Value)}")),
        List<object?> l => "[" + string.Join(", ", l.Select(Describe)) + "]",
        _ => "null",
    };

    private static string? Cidr(Dictionary<string, object?> rule) =>
        rule.GetValueOrDefault("CidrIp") as string ?? rule.GetValueOrDefault("CidrIpv6") as string;

    private static bool IsWorld(Dictionary<string, object?> rule) => World.Contains(Cidr(rule));

    private static bool CoversPort(Dictionary<string, object?> rule, int port)
    {
        var protocol = rule.GetValueOrDefault("IpProtocol") as string;
        if (protocol is "-1" or "all") return true;
        if (protocol is not ("tcp" or "6")) return false;
        var from = int.TryParse(rule.GetValueOrDefault("FromPort") as string, out var f) ? f : 0;
        var to = int.TryParse(rule.GetValueOrDefault("ToPort") as string, out var t) ? t : 65535;
        return (from == -1 && to == -1) || (from <= port && port <= to);
    }
}
