using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Views;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// The cases handed in issue 12 that the views' own tests do not already pin (names in the grid, notices, dispatch
/// list and score sentences are in <see cref="RosterTextsTests"/>; the pass minute in the pass properties; the UTC
/// developer texts in <see cref="DisplayTextProperties"/>): the Chinese loudspeaker call that read
/// "到Dongfang site 1做核酸检测", the call-again list nobody could act on, and a run's load printed without a unit.
/// </summary>
public sealed class Issue12HandedCases
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Instant Five = new LocalDateTime(2022, 8, 18, 5, 0).InZoneStrictly(Shanghai).ToInstant();
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly Dictionary<string, string> OfficeNames = new(StringComparer.Ordinal)
    {
        ["Dongfang"] = "东方小区",
        ["Dongfang site 1"] = "东方小区1号采样点",
        ["veg-pack"] = "蔬菜包",
    };

    /// <summary>Dongfang with building 4, unit 1, two households (302 and 501) of two residents each.</summary>
    private static (Community Community, Compound Dongfang, Id<Household>[] Homes) Dongfang()
    {
        var community = Community.Create("Pubai", Shanghai, new FakeClock(Five.Minus(Duration.FromHours(1))));
        var dongfang = community.AddCompound("Dongfang").AsT0;
        var building = community.AddBuilding(dongfang.Id, "4", new Position(0, 0)).AsT0;
        var unit = community.AddUnit(building.Id, "1", floors: 6).AsT0;
        var homes = new[] { (3, "302"), (5, "501") }.Select(r => community.RegisterHousehold(new Room(unit.Id, r.Item1, r.Item2)).AsT0.Id).ToArray();
        string[] names = ["王建国", "王芳", "李志强", "李海燕"];
        for (var i = 0; i < names.Length; i++)
        {
            community.RegisterResident(homes[i / 2], new ResidentRegistration(PersonName.Of(names[i]), birthDate: new LocalDate(1970 + i, 1, 1)));
        }

        return (community, dongfang, homes);
    }

    [Fact]
    public void Loudspeaker_call_in_chinese_names_the_site_as_the_office_writes_it_not_the_stored_english_name()
    {
        var (community, dongfang, _) = Dongfang();
        var list = MustTestList.From(community, [dongfang.Id], Five);
        var problem = new WaveProblem(Five, ServiceTimes.Typical, [new SiteSpec(1, "Dongfang site 1", new Position(0, -20), 6, 200, Duration.FromMinutes(4))],
            PlannerInputs.Buildings(community, list, dongfang.Id));
        var call = WavePlanner.Plan(problem).Schedule[0];

        var chinese = Announcements.Call(call, problem, Labels.For(community, Chinese, localNames: OfficeNames));
        var english = Announcements.Call(call, problem, Labels.For(community, English));

        Assert.StartsWith("请4号楼", chinese, StringComparison.Ordinal);
        Assert.EndsWith("的居民现在下楼，到东方小区1号采样点做核酸检测，请保持一米间距。", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("Dongfang", chinese, StringComparison.Ordinal);
        Assert.Contains("Building 4, Unit 1", english, StringComparison.Ordinal);
        Assert.Contains("Dongfang site 1", english, StringComparison.Ordinal);
    }

    [Fact]
    public void Call_again_list_gives_building_unit_and_room_so_someone_can_knock_with_the_name_masked()
    {
        var (community, dongfang, homes) = Dongfang();
        var series = TestingSeries.Create(new Id<TestingSeries>(1), "week", new LocalDate(2022, 8, 18), 5, new LocalTime(5, 0), Shanghai, new FakeClock(Five));
        var round = series.StartRound(MustTestList.From(community, [dongfang.Id], Five), PoolingPolicy.Standard).AsT0;
        var site = round.AddSite(dongfang.Id, "Dongfang site 1", 6, 200).AsT0;
        // Everyone of room 302 comes down; room 501 does not.
        foreach (var resident in community.Get(homes[0]).Members)
        {
            Assert.True(round.Scan(resident, site.Id, Five.Plus(Duration.FromMinutes(10))).IsT0);
        }

        var missing = round.Closure().Missing;
        var zh = Labels.For(community, Chinese, localNames: OfficeNames);
        var en = Labels.For(community, English);
        var knock = missing.Select(m => zh.Household(community.Get(m.Resident).HouseholdId) + " " + m.MaskedName).ToList();

        Assert.Equal(["4号楼1单元501室 李**", "4号楼1单元501室 李**"], knock);
        Assert.Equal("Building 4, Unit 1, Room 501", en.Household(community.Get(missing[0].Resident).HouseholdId));
        Assert.DoesNotContain(knock, k => k.Contains("李志强", StringComparison.Ordinal) || k.Contains("李海燕", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_sheet_shows_each_run_load_with_its_unit_never_a_bare_gram_count()
    {
        var (community, _, homes) = Dongfang();
        var pack = new ItemKind("veg-pack", "pack", 1500);
        var parcels = DeliveryParcels.From(community, [(homes[0], pack, 13)], 20_000);
        var plan = RunPlanner.Plan(parcels, DeliveryParcels.Sites(community), new RunOptions(20_000, Duration.FromMinutes(45)), ["team 1"]);

        var chinese = RunSheets.Markdown(plan, Labels.For(community, Chinese, localNames: OfficeNames));
        var english = RunSheets.Markdown(plan, Labels.For(community, English));

        Assert.Contains("19.5千克", chinese, StringComparison.Ordinal);
        Assert.Contains("蔬菜包×13", chinese, StringComparison.Ordinal);
        Assert.Contains("19.5 kg", english, StringComparison.Ordinal);
        Assert.DoesNotContain("load 19500", english, StringComparison.Ordinal);
        Assert.Contains("load 19500", plan.Runs[0].ToString(), StringComparison.Ordinal); // the developer text the office was handed
    }
}
