using CommunityDomain.Communities;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.Contracts;

/// <summary>The examples of docs/contracts.md, as a host would write them.</summary>
public sealed class ContractExampleTests
{
    [Fact]
    public void Write_then_Read_a_problem_plans_the_same_roster()
    {
        var problem = RosterGenerators.Create(11).Problem;
        var options = new PlannerOptions(seed: 1, iterationLimit: 300);
        var json = CommunityJson.Write(problem);

        var stored = CommunityJson.Read<RosterProblem>(json).Match(p => p, error => throw new InvalidOperationException(error.Message));
        var fromStored = RosterPlanner.Plan(stored, options).Match(r => r, n => n.Best);
        var fromOriginal = RosterPlanner.Plan(problem, options).Match(r => r, n => n.Best);

        Assert.Equal(fromOriginal.Assignments, fromStored.Assignments);
        Assert.Equal(fromOriginal.Score.Total, fromStored.Score.Total);
    }

    [Fact]
    public void Write_of_an_event_batch_reads_back_as_the_same_events_in_order()
    {
        var community = CommunityOps.Seeded();
        community.AddCompound("Meiyuan");
        community.AddPost(new Id<Compound>(1), PostKind.Gate, "North gate");
        var events = community.DequeueEvents().ToList();

        var message = CommunityJson.Write<IReadOnlyList<IDomainEvent>>(events);

        Assert.True(CommunityJson.Read<IReadOnlyList<IDomainEvent>>(message).TryPickT0(out var batch, out _));
        Assert.Equal(events, batch);
        Assert.Contains("\"$type\":\"community.post-added\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_uses_the_documented_formats()
    {
        var options = CommunityJson.Write(new PlannerOptions(1, Duration.FromMinutes((26 * 60) + 30)));
        Assert.Contains("\"timeLimit\":\"26:30:00\"", options, StringComparison.Ordinal);
        var horizon = new DateInterval(new LocalDate(2024, 1, 3), new LocalDate(2024, 1, 12));
        var problem = CommunityJson.Write(RosterProblem.Create(horizon, [], [], []));
        Assert.Contains("\"horizon\":\"2024-01-03/2024-01-12\"", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schema\":\"event\",\"schema\":\"event\",\"version\":1,\"data\":{}}", ContractProblem.Malformed)]
    [InlineData("{\"schema\":\"event\",\"version\":1,\"data\":{\"$type\":\"community.no-such-event\"}}", ContractProblem.InvalidValue)]
    public void Read_of_a_duplicate_member_or_unknown_discriminator_names_the_problem(string json, ContractProblem problem) =>
        Assert.Equal(problem, CommunityJson.Read<IDomainEvent>(json).AsT1.Problem);

    [Fact]
    public void Upgrade_applies_each_step_in_version_order()
    {
        // A made-up history: v1 -> v2 renamed "seed" to "randomSeed", v2 -> v3 added "note".
        var steps = new Dictionary<int, Func<string, System.Text.Json.Nodes.JsonNode, System.Text.Json.Nodes.JsonNode>>
        {
            [1] = (_, d) => { var o = d.AsObject(); o["randomSeed"] = o["seed"]!.DeepClone(); o.Remove("seed"); return o; },
            [2] = (kind, d) => { d["note"] = kind; return d; },
        };
        var v1 = System.Text.Json.Nodes.JsonNode.Parse("{\"seed\":7}")!;

        var v3 = CommunityJson.Upgrade("roster.planner-options", v1, 1, 3, steps);

        Assert.Equal("{\"randomSeed\":7,\"note\":\"roster.planner-options\"}", v3.ToJsonString());
        Assert.Same(v1, CommunityJson.Upgrade("x", v1, 1, 1, steps));
    }
}
