using CommunityDomain.Communities;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Tests.Conventions;

namespace CommunityDomain.Tests.Contracts;

/// <summary>The roster-problem contract carries a worker's display name and resident; version-1 documents without them still read.</summary>
public sealed class WorkerDisplayNameContractTests
{
    private static RosterProblem ProblemWith(params Worker[] workers) =>
        RosterProblem.Create(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 3)), [], [], workers);

    [Fact]
    public void Display_name_and_resident_survive_a_round_trip()
    {
        var problem = ProblemWith(
            new Worker(new Id<Worker>(1), WorkerKind.ResidentVolunteer, new Id<Compound>(2), displayName: "张敏", resident: new Id<Resident>(77)),
            new Worker(new Id<Worker>(2), WorkerKind.Staff, new Id<Compound>(2)));
        var json = CommunityJson.Write(problem);
        var back = CommunityJson.Read<RosterProblem>(json).AsT0;

        Assert.Contains("\"displayName\":\"", json, StringComparison.Ordinal);
        Assert.Equal("张敏", back.Workers[0].DisplayName);
        Assert.Equal(new Id<Resident>(77), back.Workers[0].Resident);
        Assert.Null(back.Workers[1].DisplayName);
        Assert.Null(back.Workers[1].Resident);
    }

    [Fact]
    public void A_confinement_date_survives_a_round_trip_and_an_old_document_reads_without_one()
    {
        var problem = ProblemWith(
            new Worker(new Id<Worker>(1), WorkerKind.ResidentVolunteer, new Id<Compound>(2), confinedTo: new Id<Compound>(2), confinedFrom: new LocalDate(2024, 1, 2)),
            new Worker(new Id<Worker>(2), WorkerKind.Staff, new Id<Compound>(2), confinedTo: new Id<Compound>(2)));
        var back = CommunityJson.Read<RosterProblem>(CommunityJson.Write(problem)).AsT0;
        Assert.Equal(new LocalDate(2024, 1, 2), back.Workers[0].ConfinedFrom);
        Assert.Null(back.Workers[1].ConfinedFrom);

        var text = File.ReadAllText(Golden("roster.problem"));
        Assert.DoesNotContain("confinedFrom", text, StringComparison.Ordinal);
        Assert.All(CommunityJson.Read<RosterProblem>(text).AsT0.Workers, w => Assert.Null(w.ConfinedFrom));
    }

    [Fact]
    public void A_version_1_document_written_before_display_names_reads_with_none()
    {
        // The frozen golden document predates the fields.
        var text = File.ReadAllText(Golden("roster.problem"));
        Assert.DoesNotContain("displayName", text, StringComparison.Ordinal);
        var problem = CommunityJson.Read<RosterProblem>(text).AsT0;
        Assert.NotEmpty(problem.Workers);
        Assert.All(problem.Workers, w => Assert.Null(w.DisplayName));
        Assert.All(problem.Workers, w => Assert.Null(w.Resident));
    }

    [Fact]
    public void A_blank_display_name_in_a_document_is_an_error_value_not_an_exception()
    {
        var json = CommunityJson.Write(ProblemWith(new Worker(new Id<Worker>(1), WorkerKind.Staff, new Id<Compound>(2), displayName: "x")))
            .Replace("\"displayName\":\"x\"", "\"displayName\":\"  \"", StringComparison.Ordinal);
        Assert.True(CommunityJson.Read<RosterProblem>(json).IsT1);
    }

    private static string Golden(string kind) => Path.Combine(SourceTree.Folder("tests/CommunityDomain.Tests/Contracts/Golden"), kind + ".json");
}
