using CommunityDomain.Communities;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Supplies.Delivery;

namespace CommunityDomain.Tests.Kernel;

/// <summary>
/// A null item in a list argument is a contract violation that names its parameter, never a NullReferenceException later in a
/// planner or a null carried into a plan (issue 15's new-user verifier, session 22: each of these failed so on lead e7acac8).
/// </summary>
public sealed class NullItemTests
{
    private static readonly Instant Start = Instant.FromUtc(2022, 4, 1, 21, 0);
    private static readonly SiteSpec Site = new(1, "A", default, 2, 50, Duration.Zero);
    private static readonly BuildingLoad Building = new(1, "1", new Position(10, 10), [new UnitLoad(1, "1", [new HouseholdLoad(1, 1, 1, 0, 0)])]);

    [Fact]
    public void A_null_site_or_building_of_a_wave_problem_is_refused_by_name()
    {
        Assert.Equal("sites", Assert.Throws<ArgumentException>(() => new WaveProblem(Start, ServiceTimes.Typical, [null!], [Building])).ParamName);
        Assert.Equal("buildings", Assert.Throws<ArgumentException>(() => new WaveProblem(Start, ServiceTimes.Typical, [Site], [Building, null!])).ParamName);
        Assert.Equal(1, new WaveProblem(Start, ServiceTimes.Typical, [Site], [Building]).People);
    }

    [Fact]
    public void A_null_unit_of_a_building_load_is_refused_by_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BuildingLoad(2, "2", default, [null!]));

        Assert.Equal("units", ex.ParamName);
        Assert.Contains("Item 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_runner_is_refused_by_name_before_any_run_is_dealt_to_it()
    {
        var options = new RunOptions(8000, Duration.FromMinutes(40), CapacityKind.Weight, Duration.FromMinutes(1));

        Assert.Equal("runners", Assert.Throws<ArgumentException>(() => RunPlanner.Plan([], [], options, ["team A", null!])).ParamName);
        Assert.Empty(RunPlanner.Plan([], [], options, ["team A"]).Runs);
    }

    [Fact]
    public void A_null_entry_of_a_must_test_list_is_refused_by_name()
    {
        Assert.Equal("entries", Assert.Throws<ArgumentException>(() => MustTestList.Of(Start, [null!])).ParamName);
    }
}
