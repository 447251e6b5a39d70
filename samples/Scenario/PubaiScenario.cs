using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;

namespace Pubai;

/// <summary>
/// The community of the source story, built through the library's commands: six compounds with
/// buildings, rooms, generated households, gates and posts, medium-risk control over the whole community
/// from 18 August 2022 05:00 and sealed Meiyuan.
/// </summary>
public sealed class PubaiScenario
{
    /// <summary>The community's zone.</summary>
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>When control began: 18 August 2022, 05:00 in Asia/Shanghai.</summary>
    public static Instant ControlStart { get; } = new LocalDateTime(2022, 8, 18, 5, 0).InZoneStrictly(Zone).ToInstant();

    /// <summary>When the office registered the households (the clock's reading while building).</summary>
    public static Instant RegisteredAt { get; } = new LocalDateTime(2022, 6, 1, 9, 0).InZoneStrictly(Zone).ToInstant();

    /// <summary>When working-age residents who are away left town (before the outbreak).</summary>
    public static Instant AwaySince { get; } = new LocalDateTime(2022, 7, 1, 8, 0).InZoneStrictly(Zone).ToInstant();

    /// <summary>The office account that acts in the scenario.</summary>
    public static Actor Office { get; } = Actor.Of("pubai.office");

    /// <summary>The stock keeper of the community's supplies (receives and allocates stock, delivers nothing).</summary>
    public static Actor StockKeeper { get; } = new("pubai.stock", Role.StockKeeper, Area.WholeCommunity);

    /// <summary>The laboratory that reports tube results.</summary>
    public static Actor Lab { get; } = new("pubai.lab", Role.Lab, Area.WholeCommunity);

    /// <summary>The testing staff at a compound's sampling sites (scans and door-to-door sampling there only).</summary>
    /// <param name="compound">The compound.</param>
    /// <returns>The actor.</returns>
    public static Actor TestingStaff(Compound compound) => new($"testing.{compound.Id.Value}", Role.TestingStaff, compound.Area);

    private PubaiScenario(Community community, IReadOnlyDictionary<string, Compound> compounds, FixedClock clock)
    {
        Community = community;
        Compounds = compounds;
        Clock = clock;
    }

    /// <summary>The community's clock: later chapters set it to the time they act at.</summary>
    public FixedClock Clock { get; }

    /// <summary>The community.</summary>
    public Community Community { get; }

    /// <summary>The compounds by name.</summary>
    public IReadOnlyDictionary<string, Compound> Compounds { get; }

    /// <summary>Builds the scenario.</summary>
    /// <param name="seed">Seed for the generated households.</param>
    /// <returns>The scenario.</returns>
    public static PubaiScenario Build(int seed = 2022)
    {
        var clock = new FixedClock(RegisteredAt);
        var community = Community.Create("Pubai central community", Zone, clock);
        var people = new PeopleGenerator(seed, ControlStart.InZone(Zone).Date);
        var compounds = new Dictionary<string, Compound>();
        foreach (var plan in CompoundPlan.Story)
        {
            compounds[plan.Name] = AddCompound(community, plan, people);
        }

        clock.Now = ControlStart.Minus(Duration.FromMinutes(30));
        _ = community.Issue(ControlOrderRequest.Controlled(ControlScope.WholeCommunity, ControlStart, OfficeNames.MediumRiskControl), Office).AsT0;
        _ = community.Issue(ControlOrderRequest.Sealed(compounds["Meiyuan"].Id, ControlStart, OfficeNames.SealedControlArea), Office).AsT0;
        return new PubaiScenario(community, compounds, clock);
    }

    private static Compound AddCompound(Community community, CompoundPlan plan, PeopleGenerator people)
    {
        var compound = community.AddCompound(plan.Name, Office).AsT0;
        foreach (var gate in plan.Gates)
        {
            _ = community.AddPost(compound.Id, PostKind.Gate, gate, Office).AsT0;
        }

        _ = community.AddPost(compound.Id, PostKind.TestingSite, "Testing site", Office).AsT0;
        _ = community.AddPost(compound.Id, PostKind.DeliveryTeam, "Delivery team", Office).AsT0;
        _ = community.AddPost(compound.Id, PostKind.Checkpoint, "Inner checkpoint", Office).AsT0;

        var buildings = (plan.Households + plan.HouseholdsPerBuilding - 1) / plan.HouseholdsPerBuilding;
        var perRow = (int)Math.Ceiling(Math.Sqrt(buildings));
        var remaining = plan.Households;
        for (var b = 0; b < buildings; b++)
        {
            // Buildings stand on a grid: 45 m between rows, 30 m between columns.
            var building = community.AddBuilding(compound.Id, $"{b + 1}", new Position(30 * (b % perRow), 45 * (b / perRow)), Office).AsT0;
            for (var u = 1; u <= plan.UnitsPerBuilding; u++)
            {
                var unit = community.AddUnit(building.Id, $"{u}", plan.Floors, Office).AsT0;
                for (var floor = 1; floor <= plan.Floors && remaining > 0; floor++)
                {
                    for (var door = 1; door <= plan.DoorsPerFloor && remaining > 0; door++, remaining--)
                    {
                        var household = community.RegisterHousehold(new Room(unit.Id, floor, $"{floor}0{door}"), Office).AsT0;
                        foreach (var member in people.Household())
                        {
                            var resident = community.RegisterResident(household.Id, member.Registration, Office).AsT0;
                            if (member.Away)
                            {
                                _ = community.MarkAway(resident.Id, AwaySince, Office).AsT0;
                            }
                        }
                    }
                }
            }
        }

        return compound;
    }
}
