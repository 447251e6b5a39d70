using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Views;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// A call that holds only some households of its floors (issue 15's verifier, session 19): the loudspeaker read "Residents
/// of Building 7, Unit 1: please come down now" three times for three one-household calls, so the whole unit came down into
/// a queue of 3. The announcement now names the rooms, or says only the households on the list should come.
/// </summary>
public sealed class AnnouncementPartialCallTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Instant Six = new LocalDateTime(2022, 4, 10, 6, 0).InZoneStrictly(Shanghai).ToInstant();
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Building 7, unit 1, the given rooms on floor 5 (door = "50" + k), two QR residents each in the problem.</summary>
    private static (Community Community, WaveProblem Problem) FloorFive(int households, int queue)
    {
        var community = Community.Create("Pubai", Shanghai, new FakeClock(Six.Minus(Duration.FromHours(1))));
        var compound = community.AddCompound("Meiyuan").AsT0;
        var building = community.AddBuilding(compound.Id, "7", new Position(0, 0)).AsT0;
        var unit = community.AddUnit(building.Id, "1", floors: 6).AsT0;
        var homes = Enumerable.Range(1, households)
            .Select(k => community.RegisterHousehold(new Room(unit.Id, 5, string.Create(CultureInfo.InvariantCulture, $"5{k:00}"))).AsT0.Id)
            .ToArray();
        var loads = homes.Select(h => new HouseholdLoad(h.Value, 5, qrCode: 2, typed: 0, assisted: 0)).ToArray();
        var problem = new WaveProblem(Six, ServiceTimes.Typical, [new SiteSpec(1, "North square", new Position(0, -20), 1, queue, Duration.Zero)],
            [new BuildingLoad(building.Id.Value, "7", new Position(0, 0), [new UnitLoad(unit.Id.Value, "1", loads)])]);
        return (community, problem);
    }

    [Fact]
    public void Three_one_household_calls_on_one_floor_each_name_only_their_own_room_in_english_and_chinese()
    {
        var (community, problem) = FloorFive(3, queue: 3);
        var plan = WavePlanner.Plan(problem);
        Assert.Equal(3, plan.Schedule.Count);

        var english = plan.Schedule.Select(c => Announcements.Call(c, problem, Labels.For(community, English))).ToArray();
        var chinese = plan.Schedule.Select(c => Announcements.Call(c, problem, Labels.For(community, Chinese))).ToArray();
        var doors = plan.Schedule.Select(c => community.Get(new Id<Household>(Assert.Single(c.Households).HouseholdId)).Room.Door).ToArray();
        Assert.Equal(["501", "502", "503"], doors.Order());
        for (var i = 0; i < 3; i++)
        {
            Assert.StartsWith($"Residents of Building 7, Unit 1, Room {doors[i]}: please come down now", english[i], StringComparison.Ordinal);
            Assert.StartsWith($"请7号楼1单元{doors[i]}室的居民现在下楼", chinese[i], StringComparison.Ordinal);
            foreach (var other in doors.Where(d => d != doors[i]))
            {
                Assert.DoesNotContain(other, english[i], StringComparison.Ordinal);
                Assert.DoesNotContain(other, chinese[i], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_call_of_every_household_on_its_floors_names_no_room()
    {
        var (community, problem) = FloorFive(3, queue: 100);
        var unit = problem.Buildings[0].Units[0];
        var call = new WaveCall(Six, 1, problem.Buildings[0].BuildingId, unit.UnitId, 5, 5, unit.Households, 6, "", "");

        var english = Announcements.Call(call, problem, Labels.For(community, English));

        Assert.StartsWith("Residents of Building 7, Unit 1: please come down now", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Room", english, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_communitys_rooms_or_beyond_the_rooms_read_out_the_call_says_only_the_households_on_the_list()
    {
        var (community, problem) = FloorFive(Announcements.MostRoomsNamed + 2, queue: 100);
        var households = problem.Buildings[0].Units[0].Households;
        var many = new WaveCall(Six, 1, problem.Buildings[0].BuildingId, problem.Buildings[0].Units[0].UnitId, 5, 5,
            [.. households.Take(Announcements.MostRoomsNamed + 1)], 2 * (Announcements.MostRoomsNamed + 1), "", "");
        var one = many with { Households = [households[0]], People = 2 };

        Assert.Contains("Unit 1 (only the 9 households on the list; staff will call at each door): please come down",
            Announcements.Call(many, problem, Labels.For(community, English)), StringComparison.Ordinal);
        Assert.Contains("1单元（仅名单上的9户，工作人员将逐户通知）的居民现在下楼",
            Announcements.Call(many, problem, Labels.For(community, Chinese)), StringComparison.Ordinal);
        Assert.Contains("Unit 1 (only the 1 household on the list;",
            Announcements.Call(one, problem, new Labels(English, Shanghai)), StringComparison.Ordinal);
        Assert.Contains("1单元（仅名单上的1户，", Announcements.Call(one, problem, new Labels(Chinese, Shanghai)), StringComparison.Ordinal);
        Assert.Contains("Unit 1, Room 501:", Announcements.Call(one, problem, Labels.For(community, English)), StringComparison.Ordinal);
    }
}
