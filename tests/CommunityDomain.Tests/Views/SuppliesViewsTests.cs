using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Views;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Views;

public sealed class SuppliesViewsProperties
{
    private static readonly AllocationPolicy[] Policies = [AllocationPolicy.MaxMin, AllocationPolicy.Hamilton, AllocationPolicy.Webster];

    // The English outcome words, written out here independently of the resource tables.
    private static readonly Dictionary<ShareOutcome, string> Outcomes = new()
    {
        [ShareOutcome.NoNeed] = "no need",
        [ShareOutcome.FullNeed] = "in full",
        [ShareOutcome.Rationed] = "rationed",
        [ShareOutcome.TierNotReached] = "none left",
    };

    [Property(Arbitrary = [typeof(DeliveryArbitraries)], MaxTest = 150)]
    public bool Run_sheets_list_every_parcel_once_in_its_run(DeliveryCase c)
    {
        var plan = RunPlanner.Plan(c.Parcels, c.Sites, c.Options, ["team.a", "team.b"]);
        var rows = Rfc4180.Parse(RunSheets.Csv(plan));
        // People read names, not ids: the building by its label, the door, the item; no household id column.
        static string Key(string building, string room, string contents, string kg) => string.Join('/', building, room, contents, kg);
        var listed = rows.Skip(1).Select(r => (Run: r[0], Key: Key(r[4], r[5], r[7], r[8]))).ToList();
        var expected = plan.Runs.SelectMany(run => run.Parcels.Select(p => (Run: run.Number.ToString(CultureInfo.InvariantCulture), p)))
            .Concat(plan.Unplaceable.Select(p => (Run: "", p)))
            .Select(x => (x.Run, Key: Key("Building " + I(x.p.Building.Value), x.p.Room, x.p.Contents, (x.p.WeightGrams / 1000m).ToString(CultureInfo.InvariantCulture))))
            .ToList();
        return rows[0].SequenceEqual(["run", "runner", "trip", "stop", "building", "room", "recipient", "contents", "weight (kg)"])
            && rows.Skip(1).All(r => r.Count == 9)
            && listed.Count == c.Parcels.Length
            && listed.OrderBy(x => x.Run, StringComparer.Ordinal).ThenBy(x => x.Key, StringComparer.Ordinal)
                .SequenceEqual(expected.OrderBy(x => x.Run, StringComparer.Ordinal).ThenBy(x => x.Key, StringComparer.Ordinal));
    }

    [Property(Arbitrary = [typeof(DeliveryArbitraries)], MaxTest = 100)]
    public bool Run_sheets_in_markdown_have_one_section_per_run_and_a_row_per_stop(DeliveryCase c)
    {
        var plan = RunPlanner.Plan(c.Parcels, c.Sites, c.Options, ["team.a"]);
        var lines = RunSheets.Markdown(plan).Split('\n');
        var stops = plan.Runs.Sum(r => r.Parcels.Select(p => p.Household).Distinct().Count());
        return lines.Count(l => l.StartsWith("### Run ", StringComparison.Ordinal)) == plan.Runs.Count
            && lines.Count(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2])) == stops
            && (plan.Unplaceable.Count == 0) == !lines.Contains("### Could not be placed");
    }

    [Property(Arbitrary = [typeof(AllocationArbitraries)], MaxTest = 200)]
    public bool Allocation_table_rows_agree_with_the_plan_and_sum_to_its_totals(AllocationCase c)
    {
        foreach (var policy in Policies)
        {
            var plan = SupplyAllocator.Allocate(c.Claims, c.Supply, policy);
            var rows = Rfc4180.Parse(AllocationTable.Csv(plan)).Skip(1).ToList();
            // No id column: the household by its label ("household 4" without a community), the priority counted from 1.
            var parsed = rows.Select(r => (Household: int.Parse(r[0]["household ".Length..], CultureInfo.InvariantCulture), Tier: int.Parse(r[1], CultureInfo.InvariantCulture) - 1,
                Need: int.Parse(r[3], CultureInfo.InvariantCulture), Share: int.Parse(r[4], CultureInfo.InvariantCulture), Outcome: r[5])).ToList();
            var ok = parsed.Count == plan.Shares.Count
                && parsed.Sum(p => (long)p.Share) == plan.Allocated
                && plan.Tiers.All(t => parsed.Where(p => p.Tier == t.Tier).Sum(p => (long)p.Share) == t.Supplied)
                && parsed.All(p => plan.ShareOf(new Id<Household>(p.Household)) is var s && s.Allocated == p.Share && s.Need == p.Need && s.Tier == p.Tier && Outcomes[s.Outcome] == p.Outcome)
                && parsed.Select(p => p.Household).Distinct().Count() == parsed.Count;
            var markdown = AllocationTable.Markdown(plan);
            ok &= markdown.Contains($"| **total** |   |   | {plan.Shares.Sum(s => (long)s.Need)} | **{plan.Allocated}** |", StringComparison.Ordinal)
                && markdown.Split('\n').Count(l => l.StartsWith("| household ", StringComparison.Ordinal) && char.IsDigit(l[12])) == plan.Shares.Count;
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(AllocationArbitraries)], MaxTest = 100)]
    public bool The_allocation_table_does_not_depend_on_the_order_of_the_claims(AllocationCase c)
    {
        var claims = c.Claims;
        var reversed = claims.Reverse().ToArray();
        return AllocationTable.Markdown(SupplyAllocator.Allocate(claims, c.Supply, AllocationPolicy.MaxMin))
            == AllocationTable.Markdown(SupplyAllocator.Allocate(reversed, c.Supply, AllocationPolicy.MaxMin));
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}

public sealed class SuppliesViewsTests
{
    [Fact]
    public void RunSheets_clear_name_given_by_mistake_is_masked_and_masked_labels_stay()
    {
        Parcel[] parcels =
        [
            new(new Id<Household>(1), new Id<Building>(1), "1-101", "张三丰", "rice x1", 5000),
            new(new Id<Household>(2), new Id<Building>(1), "1-102", "李*", "rice x1", 5000),
            new(new Id<Household>(3), new Id<Building>(1), "1-201", "household 1-201", "rice, \"large\"", 5000),
        ];
        var plan = RunPlanner.Plan(parcels, [new BuildingSite(new Id<Building>(1), new Position(0, 0))], new RunOptions(20_000, Duration.FromMinutes(30)), ["team"]);
        var text = RunSheets.Markdown(plan) + RunSheets.Csv(plan);

        Assert.DoesNotContain("张三丰", text, StringComparison.Ordinal);
        Assert.Contains("张**", text, StringComparison.Ordinal);
        Assert.Contains("李*", text, StringComparison.Ordinal);
        Assert.Contains("residents of 1-201", text, StringComparison.Ordinal);
        Assert.DoesNotContain("household 1-201", text, StringComparison.Ordinal);
        Assert.Contains("\"rice, \"\"large\"\"\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RunSheets_runner_with_several_runs_gets_numbered_trips()
    {
        var parcels = Enumerable.Range(1, 3).Select(i => new Parcel(new Id<Household>(i), new Id<Building>(1), $"1-{i}01", "王*", "water x4", 15_000)).ToArray();
        var plan = RunPlanner.Plan(parcels, [new BuildingSite(new Id<Building>(1), new Position(0, 0))], new RunOptions(20_000, Duration.FromMinutes(30)), ["team.a", "team.b"]);
        var rows = Rfc4180.Parse(RunSheets.Csv(plan)).Skip(1).ToList();

        Assert.Equal(3, plan.Runs.Count);
        Assert.Equal(["1/team.a/1", "2/team.b/1", "3/team.a/2"], rows.Select(r => $"{r[0]}/{r[1]}/{r[2]}"));
    }

    [Fact]
    public void Supplies_views_null_plan_throws_naming_plan()
    {
        Assert.Equal("plan", Assert.Throws<ArgumentNullException>(() => RunSheets.Markdown(null!)).ParamName);
        Assert.Equal("plan", Assert.Throws<ArgumentNullException>(() => RunSheets.Csv(null!)).ParamName);
        Assert.Equal("plan", Assert.Throws<ArgumentNullException>(() => AllocationTable.Markdown(null!)).ParamName);
        Assert.Equal("plan", Assert.Throws<ArgumentNullException>(() => AllocationTable.Csv(null!)).ParamName);
    }

    [Fact]
    public void AllocationTable_markdown_small_plan_shows_reasons_per_outcome()
    {
        Claim[] claims = [new(new Id<Household>(4), 3, 2, 0), new(new Id<Household>(1), 6, 3, 1), new(new Id<Household>(2), 2, 1, 1), new(new Id<Household>(3), 0, 1, 1)];
        var lines = AllocationTable.Markdown(SupplyAllocator.Allocate(claims, 6, AllocationPolicy.MaxMin)).Split('\n');

        Assert.Equal("Max-min fair allocation: 6 units in stock, 6 units given to 4 households, who need 11 units.", lines[0]);
        // Tier 0 is priority 1: people count from 1 (v12c).
        Assert.Equal("| household 4 | 1 | 2 | 3 | 3 | in full | need met: priority 1 fully served |", lines[4]);
        // The max-min level as a sentence with units, not a formula ("level 1/3 = 0.333 units per weight unit").
        Assert.Equal("| household 1 | 2 | 3 | 6 | 2 | rationed | Stock ran short for priority 2 (3 units for the 8 units it needs), so it was shared by weight, "
            + "about 0.33 units per unit of weight. With weight 3 this household's part is exactly 1 unit; the units left over went one each to households "
            + "in the order they registered, this one among them: 2 units. |", lines[5]);
        Assert.Equal("| household 3 | 2 | 1 | 0 | 0 | no need | needed nothing |", lines[7]);
        Assert.Equal("| **total** |   |   | 11 | **6** |   |   |", lines[8]);
    }
    [Fact]
    public void A_donation_split_reads_with_post_names_and_units_in_english_and_chinese_where_describe_shows_ids()
    {
        var north = new Id<Post>(1);
        var south = new Id<Post>(4);
        var split = DonationSplit.Split(101, [new PostHours(north, Duration.FromSeconds(299)), new PostHours(south, Duration.FromSeconds(1485))]);
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var names = new Dictionary<Id<Post>, string> { [north] = "North gate", [south] = "South gate" };
        var en = new Labels(CultureInfo.GetCultureInfo("en"), zone, posts: names);
        var zh = new Labels(CultureInfo.GetCultureInfo("zh-CN"), zone, posts: names,
            localNames: new Dictionary<string, string> { ["North gate"] = "北门岗", ["South gate"] = "南门岗" });

        Assert.Equal("North gate: 17 units; South gate: 84 units", AllocationTable.Split(split, en));
        Assert.Equal("北门岗：17份、南门岗：84份", AllocationTable.Split(split, zh));
        Assert.Equal("post 1: 1 unit", AllocationTable.Split([(north, 1)]));
        Assert.Equal(string.Empty, AllocationTable.Split([], en));
        Assert.Contains("#1", DonationSplit.Describe(split), StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("split", () => AllocationTable.Split(null!, en));
    }
}
