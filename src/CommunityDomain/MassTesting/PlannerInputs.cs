using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Planners;

namespace CommunityDomain.MassTesting;

/// <summary>
/// Builds the planners' plain inputs from a community and a must-test list, so the planners never see the
/// aggregate.
/// </summary>
public static class PlannerInputs
{
    /// <summary>A compound's walk-in households, by building and unit, with each household's intake mix.</summary>
    /// <param name="community">The community (for names, floors and positions).</param>
    /// <param name="mustTest">The round's must-test list.</param>
    /// <param name="compound">The compound.</param>
    /// <returns>The building loads, in building id order; buildings without walk-ins are left out.</returns>
    public static IReadOnlyList<BuildingLoad> Buildings(Community community, MustTestList mustTest, Id<Compound> compound)
    {
        Guard.Against.Null(community);
        Guard.Against.Null(mustTest);
        Guard.Against.DefaultId(compound);
        var loads = new List<BuildingLoad>();
        foreach (var byBuilding in mustTest.WalkIns.Where(e => e.Compound == compound).GroupBy(e => e.Building).OrderBy(g => g.Key))
        {
            var building = community.Get(byBuilding.Key);
            var units = byBuilding.GroupBy(e => e.Unit).OrderBy(g => g.Key).Select(byUnit => new UnitLoad(byUnit.Key.Value, community.Get(byUnit.Key).Name,
                [.. byUnit.GroupBy(e => e.Household).OrderBy(g => g.Key).Select(home => new HouseholdLoad(home.Key.Value, community.Get(home.Key).Room.Floor,
                    home.Count(e => e.Intake == Intake.QrCode), home.Count(e => e.Intake == Intake.Typed), home.Count(e => e.Intake == Intake.Assisted)))]));
            loads.Add(new BuildingLoad(building.Id.Value, building.Name, building.Position, [.. units]));
        }

        return loads;
    }

    /// <summary>A round's open sites in a compound, as the call-wave planner sees them.</summary>
    /// <param name="round">The round.</param>
    /// <param name="compound">The compound.</param>
    /// <returns>The sites, in id order.</returns>
    public static IReadOnlyList<SiteSpec> Sites(TestingRound round, Id<Compound> compound)
    {
        Guard.Against.Null(round);
        Guard.Against.DefaultId(compound);
        return [.. round.Sites.Where(s => s.Compound == compound && s.ClosedAt is null)
            .Select(s => new SiteSpec(s.Id.Value, s.Name, s.Position, s.Stations, s.QueueCapacity, s.WalkDown))];
    }

    /// <summary>A compound's door-to-door households: sealed households and bedridden residents.</summary>
    /// <param name="community">The community (for positions).</param>
    /// <param name="mustTest">The round's must-test list.</param>
    /// <param name="compound">The compound.</param>
    /// <returns>The visits, in household id order.</returns>
    public static IReadOnlyList<DoorVisit> DoorVisits(Community community, MustTestList mustTest, Id<Compound> compound)
    {
        Guard.Against.Null(community);
        Guard.Against.Null(mustTest);
        Guard.Against.DefaultId(compound);
        return [.. mustTest.DoorToDoor.Where(e => e.Compound == compound).GroupBy(e => e.Household).OrderBy(g => g.Key)
            .Select(g => new DoorVisit(g.Key.Value, g.First().Building.Value, community.Get(g.First().Building).Position, g.Count()))];
    }
}
