using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Supplies.Delivery;
using FsCheck.Xunit;
using OneOf;

namespace CommunityDomain.Tests.Contracts;

/// <summary>Bad documents give a <see cref="ContractError"/> saying what and where; Read never throws and never half-builds.</summary>
public sealed class BadInputTests
{
    private static readonly string ProblemJson = CommunityJson.Write((RosterProblem)ContractSamples.ByType[typeof(RosterProblem)]);

    private static readonly string ParcelsJson = CommunityJson.Write((IReadOnlyList<Parcel>)ContractSamples.ByType[typeof(IReadOnlyList<Parcel>)]);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{")]
    [InlineData("{\"schema\":\"roster.problem\",\"version\":1,\"data\":{}")]
    public void Read_malformed_text_is_malformed(string? json) =>
        Assert.Equal(ContractProblem.Malformed, Error<RosterProblem>(json).Problem);

    [Fact]
    public void Read_of_another_kind_is_wrong_kind_naming_the_expected_kind()
    {
        var error = Error<Roster>(ProblemJson);
        Assert.Equal(ContractProblem.WrongKind, error.Problem);
        Assert.Equal("$.schema", error.Path);
        Assert.Contains("roster.roster", error.MessageIn(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("\"1\"")]
    [InlineData("1.5")]
    [InlineData("null")]
    public void Read_of_an_unsupported_version_is_unsupported(string version)
    {
        var json = ProblemJson.Replace($"\"version\":{CommunityJson.SchemaVersion},", $"\"version\":{version},", StringComparison.Ordinal);
        Assert.NotEqual(ProblemJson, json);
        var error = Error<RosterProblem>(json);
        Assert.Equal(ContractProblem.UnsupportedVersion, error.Problem);
        Assert.Equal("$.version", error.Path);
    }

    [Fact]
    public void Read_with_an_unknown_member_in_data_names_member_and_path()
    {
        var json = Edit(ProblemJson, data => data["demands"]![0]!.AsObject().Add("colour", "red"));
        var error = Error<RosterProblem>(json);
        Assert.Equal(ContractProblem.UnknownMember, error.Problem);
        Assert.Equal("$.data.demands[0]", error.Path.Split('.')[..3].Aggregate((a, b) => a + "." + b));
        Assert.Equal("colour", error.Detail);
    }

    [Fact]
    public void Read_with_an_unknown_envelope_member_is_unknown_member()
    {
        var json = ProblemJson.Replace("{\"schema\"", "{\"extra\":1,\"schema\"", StringComparison.Ordinal);
        Assert.Equal(ContractProblem.UnknownMember, Error<RosterProblem>(json).Problem);
    }

    [Theory]
    [InlineData("required")]
    [InlineData("shiftCode")]
    [InlineData("post")]
    public void Read_with_a_missing_required_member_names_it(string member)
    {
        var json = Edit(ProblemJson, data => data["demands"]![0]!.AsObject().Remove(member));
        var error = Error<RosterProblem>(json);
        Assert.Equal(ContractProblem.MissingMember, error.Problem);
        Assert.StartsWith("$.data.demands[0]", error.Path, StringComparison.Ordinal);
        Assert.Equal(member, error.Detail);
    }

    [Fact]
    public void Read_without_data_is_missing_member()
    {
        Assert.Equal(ContractProblem.MissingMember, Error<RosterProblem>("{\"schema\":\"roster.problem\",\"version\":1}").Problem);
        Assert.Equal(ContractProblem.MissingMember, Error<RosterProblem>("{\"schema\":\"roster.problem\",\"version\":1,\"data\":null}").Problem);
    }

    [Theory]
    [InlineData("required", "-1", "required", "$.data.demands[0]")]
    [InlineData("post", "0", "value", "$.data.demands[0].post")]
    [InlineData("shiftCode", "\" \"", "shiftCode", "$.data.demands[0]")]
    [InlineData("shiftCode", "\"NOPE\"", "demands", "$.data")]
    public void Read_of_a_value_the_domain_rejects_is_rejected_naming_parameter_and_path(string member, string value, string parameter, string path)
    {
        var json = Edit(ProblemJson, data => data["demands"]![0]![member] = JsonNode.Parse(value));
        var error = Error<RosterProblem>(json);
        Assert.Equal(ContractProblem.Rejected, error.Problem);
        Assert.Equal(parameter, error.Detail);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Read_of_a_rejected_value_deep_in_a_result_finds_its_path()
    {
        var json = CommunityJson.Write((CommunityDomain.Rostering.Coordination.RepairResult)ContractSamples.ByType[typeof(CommunityDomain.Rostering.Coordination.RepairResult)]);
        json = Edit(json, data => data["roster"]!["assignments"]![1]!["shiftCode"] = "");
        var error = Error<CommunityDomain.Rostering.Coordination.RepairResult>(json);
        Assert.Equal(ContractProblem.Rejected, error.Problem);
        Assert.Equal("$.data.roster.assignments[1]", error.Path);
    }

    [Theory]
    [InlineData("\"rule\":\"CoverMinimum\",\"worker\":null,\"post\":1,\"date\":\"2022-08-19\",\"shiftCode\":\"\",\"hard\":1,\"soft\":0", "shiftCode")]
    [InlineData("\"rule\":\"CoverMinimum\",\"worker\":null,\"post\":1,\"date\":\"2022-08-19\",\"shiftCode\":\"D\",\"qualification\":\" \",\"hard\":1,\"soft\":0", "qualification")]
    [InlineData("\"rule\":\"Rest\",\"worker\":1,\"post\":null,\"date\":\"2022-08-19\",\"shiftCode\":\"D\",\"hard\":1,\"soft\":0", "shiftCode")]
    [InlineData("\"rule\":\"MaxShiftsOfCode\",\"worker\":1,\"post\":null,\"date\":null,\"shiftCode\":\"D\",\"qualification\":\"marshal\",\"hard\":1,\"soft\":0", "qualification")]
    [InlineData("\"rule\":\"MaxShiftsOfCode\",\"worker\":1,\"post\":1,\"date\":null,\"shiftCode\":\"D\",\"hard\":1,\"soft\":0", "post")]
    [InlineData("\"rule\":\"MaxShiftsOfCode\",\"worker\":1,\"post\":null,\"date\":\"2022-08-19\",\"shiftCode\":\"D\",\"hard\":1,\"soft\":0", "date")]
    [InlineData("\"rule\":\"CoverOver\",\"worker\":null,\"post\":1,\"date\":\"2022-08-19\",\"shiftCode\":\"D\",\"hard\":1,\"soft\":0", "hard")]
    [InlineData("\"rule\":\"Rest\",\"worker\":1,\"post\":null,\"date\":\"2022-08-19\",\"hard\":0,\"soft\":3", "soft")]
    [InlineData("\"rule\":\"Rest\",\"worker\":null,\"post\":null,\"date\":\"2022-08-19\",\"hard\":1,\"soft\":0", "worker")]
    [InlineData("\"rule\":\"CoverMinimum\",\"worker\":null,\"post\":null,\"date\":\"2022-08-19\",\"hard\":1,\"soft\":0", "post")]
    [InlineData("\"rule\":\"Fairness\",\"worker\":null,\"post\":null,\"date\":\"2022-08-19\",\"hard\":0,\"soft\":4", "date")]
    public void Read_of_a_score_line_the_scoring_would_not_write_is_rejected_naming_the_member(string item, string parameter)
    {
        // A stored line builds nothing the scoring would not write (a new user read "shift : fewer people" from one).
        var json = $$$"""{"schema":"roster.score","version":1,"data":{"items":[{{{{item}}},"description":"x"}]}}""";
        var error = Error<RosterScore>(json);
        Assert.Equal(ContractProblem.Rejected, error.Problem);
        Assert.Equal(parameter, error.Detail);
        var fine = """{"schema":"roster.score","version":1,"data":{"items":[{"rule":"CoverMinimum","worker":null,"post":1,"date":"2022-08-19","shiftCode":"D","qualification":"marshal","hard":1,"soft":0,"description":"x"},"""
            + """{"rule":"MaxShiftsOfCode","worker":1,"post":null,"date":null,"shiftCode":"D","hard":1,"soft":0,"description":"x"},{"rule":"Fairness","worker":null,"post":null,"date":null,"hard":0,"soft":4,"description":"x"}]}}""";
        Assert.True(CommunityJson.Read<RosterScore>(fine).IsT0, fine);
    }

    [Theory]
    [InlineData("required", "\"two\"")]
    [InlineData("date", "\"2024-13-45\"")]
    [InlineData("required", "1e99")]
    [InlineData("qualification", "7")]
    [InlineData("shiftCode", "null")]
    public void Read_of_a_value_of_the_wrong_type_is_invalid_with_its_path(string member, string value)
    {
        var json = Edit(ProblemJson, data => data["demands"]![0]![member] = JsonNode.Parse(value));
        var error = Error<RosterProblem>(json);
        Assert.Equal(ContractProblem.InvalidValue, error.Problem);
        Assert.StartsWith("$.data.demands[0]", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_of_an_unknown_event_discriminator_is_an_error()
    {
        var json = CommunityJson.Write((IDomainEvent)ContractSamples.ByType[typeof(IDomainEvent)]);
        var kind = ContractCatalog.KindOf[ContractSamples.ByType[typeof(IDomainEvent)].GetType()];
        Assert.IsType<ContractError>(CommunityJson.Read<IDomainEvent>(json.Replace(kind, "community.no-such-event", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void Read_with_a_duplicate_member_is_an_error()
    {
        var json = ProblemJson.Replace("\"required\":", "\"required\":1,\"required\":", StringComparison.Ordinal);
        Assert.IsType<ContractError>(CommunityJson.Read<RosterProblem>(json).Value);
    }

    [Fact]
    public void Error_messages_do_not_echo_personal_data()
    {
        // A parcel's recipient is personal data; a rejected weight must not bring it into the message.
        var json = Edit(ParcelsJson, data => data[1]!["weightGrams"] = -5);
        var error = Error<IReadOnlyList<Parcel>>(json);
        Assert.DoesNotContain("王芳", error.MessageIn(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("王芳", error.MessageIn(new CultureInfo("zh-CN")), StringComparison.Ordinal);
        Assert.DoesNotContain("王芳", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("位置", error.MessageIn(new CultureInfo("zh-CN")), StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public bool Truncated_documents_never_throw_and_never_read(PositiveInt cut)
    {
        var length = cut.Get % ProblemJson.Length;
        return CommunityJson.Read<RosterProblem>(ProblemJson[..length]).IsT1;
    }

    [Property(MaxTest = 300)]
    public bool Byte_mutations_never_throw_and_any_value_read_is_whole(int seed)
    {
        var r = new Random(seed);
        var bytes = Encoding.UTF8.GetBytes(r.Next(2) == 0 ? ProblemJson : ParcelsJson);
        for (var i = 0; i < 1 + r.Next(3); i++)
        {
            bytes[r.Next(bytes.Length)] = (byte)r.Next(256);
        }

        var text = Encoding.UTF8.GetString(bytes);
        return Check(CommunityJson.Read<RosterProblem>(text)) && Check(CommunityJson.Read<IReadOnlyList<Parcel>>(text));
    }

    private static bool Check<T>(OneOf<T, ContractError> result) where T : notnull =>
        result.Match(
            value => CommunityJson.Read<T>(CommunityJson.Write(value)).IsT0, // a value that was read is a whole one: it writes and reads again
            error => error.Path.StartsWith('$') && error.Code.StartsWith("contracts.", StringComparison.Ordinal));

    private static ContractError Error<T>(string? json)
    {
        var result = CommunityJson.Read<T>(json);
        Assert.True(result.IsT1, "expected an error, read a value");
        return result.AsT1;
    }

    private static string Edit(string json, Action<JsonNode> edit)
    {
        var root = JsonNode.Parse(json)!;
        edit(root["data"]!);
        return root.ToJsonString();
    }
}
