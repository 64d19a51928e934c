namespace CustomerAnalytics.Tests.Infra;

/// <summary>The security checks and the short-form tag parser flag what they should on small bad templates.</summary>
public class TemplateSecurityChecksTests
{
    [Fact]
    public void Parser_expands_short_form_tags_to_their_long_form()
    {
        var t = CloudFormationTemplate.Parse("""
            Resources:
              A:
                Type: X
                Properties:
                  R: !Ref Thing
                  G: !GetAtt Bucket.Arn
                  S: !Sub "${Bucket.Arn}/*"
                  I: !If [Cond, yes, no]
                  B: { "Fn::Base64": !Sub "x" }
                  Q: "quoted"
            """);
        var p = CloudFormationTemplate.Properties((Dictionary<string, object?>)t.Resources["A"]!);
        Assert.Equal(new Dictionary<string, object?> { ["Ref"] = "Thing" }, p["R"]);
        Assert.Equal(new object?[] { "Bucket", "Arn" }, (List<object?>)((Dictionary<string, object?>)p["G"]!)["Fn::GetAtt"]!);
        Assert.Equal("${Bucket.Arn}/*", ((Dictionary<string, object?>)p["S"]!)["Fn::Sub"]);
        Assert.Equal(new object?[] { "Cond", "yes", "no" }, (List<object?>)((Dictionary<string, object?>)p["I"]!)["Fn::If"]!);
        Assert.Equal("x", ((Dictionary<string, object?>)((Dictionary<string, object?>)p["B"]!)["Fn::Base64"]!)["Fn::Sub"]);
        Assert.Equal("quoted", p["Q"]);
    }

    [Fact]
    public void Ssh_open_to_the_world_is_flagged_inline_separately_and_through_all_protocols()
    {
        var t = CloudFormationTemplate.Parse("""
            Resources:
              Sg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  SecurityGroupIngress:
                    - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
                    - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }
                    - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }
              Everything:
                Type: AWS::EC2::SecurityGroupIngress
                Properties: { GroupId: !Ref Sg, IpProtocol: "-1", CidrIpv6: "::/0" }
              Range:
                Type: AWS::EC2::SecurityGroupIngress
                Properties: { GroupId: !Ref Sg, IpProtocol: tcp, FromPort: 0, ToPort: 1024, CidrIp: 0.0.0.0/0 }
            """);
        Assert.Equal(["Sg: ingress on port 22 from 0.0.0.0/0", "Everything: ingress on port 22 from ::/0",
            "Range: ingress on port 22 from 0.0.0.0/0"], TemplateSecurityChecks.WorldOpenSsh(t));
    }

    [Fact]
    public void Optional_metadata_tokens_are_flagged()
    {
        var t = CloudFormationTemplate.Parse("""
            Resources:
              Lt:
                Type: AWS::EC2::LaunchTemplate
                Properties: { LaunchTemplateData: { MetadataOptions: { HttpTokens: optional } } }
              WithTemplate:
                Type: AWS::EC2::Instance
                Properties: { LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: "1" } }
              Bare:
                Type: AWS::EC2::Instance
                Properties: { InstanceType: g6.xlarge }
            """);
        Assert.Equal(["WithTemplate: HttpTokens is 'optional' (launch template Lt), IMDSv2 needs 'required'",
            "Bare: HttpTokens is 'not set' (launch template none), IMDSv2 needs 'required'"],
            TemplateSecurityChecks.InstancesWithoutImdsV2(t));
    }

    [Fact]
    public void Unencrypted_or_partly_public_buckets_are_flagged()
    {
        var t = CloudFormationTemplate.Parse("""
            Resources:
              Plain:
                Type: AWS::S3::Bucket
              Half:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration: [ { ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms } } ]
                  PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: false, IgnorePublicAcls: true, RestrictPublicBuckets: true }
            """);
        Assert.Equal(["Plain: no default encryption", "Plain: BlockPublicAcls is not true", "Plain: BlockPublicPolicy is not true",
            "Plain: IgnorePublicAcls is not true", "Plain: RestrictPublicBuckets is not true", "Half: BlockPublicPolicy is not true"],
            TemplateSecurityChecks.UnprotectedBuckets(t));
    }

    [Fact]
    public void S3_grants_beyond_the_bucket_are_flagged()
    {
        var t = CloudFormationTemplate.Parse("""
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  Policies:
                    - PolicyName: p
                      PolicyDocument:
                        Statement:
                          - { Effect: Allow, Action: s3:GetObject, Resource: "*" }
                          - { Effect: Allow, Action: [s3:GetObject], Resource: !Sub "${Other.Arn}/*" }
                          - { Effect: Allow, Action: [s3:PutObject], Resource: !Sub "${DataBucket.Arn}/*" }
                          - { Effect: Deny, Action: s3:*, Resource: "*" }
              Extra:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyDocument:
                    Statement:
                      - { Effect: Allow, Action: "s3:*", Resource: !GetAtt DataBucket.Arn }
            """);
        Assert.Equal(["Role: S3 actions on *, not only DataBucket", "Role: S3 actions on Fn::Sub: ${Other.Arn}/*, not only DataBucket",
            "Extra: allows s3:*"], TemplateSecurityChecks.S3GrantsBeyondBucket(t, "DataBucket"));
    }

    [Fact]
    public void Ec2_grants_beyond_stopping_the_instance_itself_are_flagged()
    {
        var t = CloudFormationTemplate.Parse("""
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  Policies:
                    - PolicyName: p
                      PolicyDocument:
                        Statement:
                          - { Effect: Allow, Action: [ec2:StopInstances, ec2:TerminateInstances], Resource: "*" }
                          - { Effect: Allow, Action: "ec2:*", Resource: !Sub "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/${Instance}" }
                          - { Effect: Allow, NotAction: s3:GetObject, Resource: "*" }
              Stop:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: ec2:StopInstances
                        Resource: !Sub "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/${Other}"
                        Condition: { StringEquals: { "aws:ResourceTag/workshop-attendee": alice } }
            """);
        Assert.Equal([
            "Role: allows ec2:TerminateInstances; the only EC2 action allowed is ec2:StopInstances on Instance itself",
            "Role: ec2:StopInstances on *, not only Instance itself",
            "Role: ec2:StopInstances without the condition ArnEquals ec2:SourceInstanceARN = Instance itself",
            "Role: allows ec2:*; the only EC2 action allowed is ec2:StopInstances on Instance itself",
            "Role: an Allow with NotAction grants more than it names",
            "Stop: ec2:StopInstances on Fn::Sub: arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/${Other}, not only Instance itself",
            "Stop: ec2:StopInstances without the condition ArnEquals ec2:SourceInstanceARN = Instance itself"],
            TemplateSecurityChecks.Ec2GrantsBeyondStoppingItself(t, "Instance"));
    }

    [Fact]
    public void A_template_where_the_instance_cannot_stop_itself_is_flagged()
    {
        var t = CloudFormationTemplate.Parse("""
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  Policies:
                    - PolicyName: p
                      PolicyDocument: { Statement: [ { Effect: Allow, Action: s3:GetObject, Resource: !Sub "${DataBucket.Arn}/*" } ] }
            """);
        Assert.Equal(["no statement lets Instance stop itself (ec2:StopInstances), so the idle stop cannot work"],
            TemplateSecurityChecks.Ec2GrantsBeyondStoppingItself(t, "Instance"));
    }
}
