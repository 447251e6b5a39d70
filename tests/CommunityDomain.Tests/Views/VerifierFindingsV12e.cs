using System.Globalization;
using System.Text.RegularExpressions;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Views;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// What the fifth issue 12 verifier (v12e) read: the notebook's allocation explained in notation with ids
/// ("Household#217 ... ceil(weight x level)"); allocation reasons whose arithmetic did not give the share ("about 1 per unit
/// of weight ... weight 1, gets 2": the rule that gave the extra unit was not said).
/// </summary>
public sealed partial class VerifierFindingsV12eTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    // D2. Three households share 7 units by weight 1, 1, 1 with needs 5: the level is 2 per unit of weight (2 each, whole),
    // and the one unit left goes to the first household: 3, 2, 2. The reason says "exactly 2" and that the unit left over
    // went to it, never "about 2 ... gets 3" alone.
    [Fact]
    public void Explain_whole_part_with_a_unit_left_over_says_the_unit_went_to_the_first_registered()
    {
        Claim[] claims = [new(new Id<Household>(1), 5, 1, 0), new(new Id<Household>(2), 5, 1, 0), new(new Id<Household>(3), 5, 1, 0)];
        var plan = SupplyAllocator.Allocate(claims, 7, AllocationPolicy.MaxMin);
        Assert.Equal([3, 2, 2], plan.Shares.OrderBy(s => s.Household).Select(s => s.Allocated));

        var first = AllocationTable.Explain(plan, new Id<Household>(1));
        Assert.Contains("part is exactly 2 units; the units left over went one each to households in the order they registered, this one among them: 3 units.", first, StringComparison.Ordinal);
        Assert.StartsWith("Household 1: needs 5 units, gets 3 units. Stock ran short for priority 1", first, StringComparison.Ordinal);
        Assert.Contains("part is exactly 2 units: 2 units.", AllocationTable.Explain(plan, new Id<Household>(2)), StringComparison.Ordinal);
        var zh = AllocationTable.Explain(plan, new Id<Household>(1), new Labels(Chinese, DateTimeZone.Utc));
        Assert.Contains("按比例正好应得2份；剩下的几份按登记先后每户再给1份，本户在内：分得3份。", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("ceil", zh + first, StringComparison.Ordinal);
        Assert.DoesNotContain("#", zh + first, StringComparison.Ordinal);
    }

    // D2. A part with a fraction: 7 units by weights 1 and 2 (needs 10): level 7/3, parts 2.33 and 4.67, rounded up: 3 and 4?
    // The allocator's rule decides; the text must name the rule that gave the number it shows.
    [Fact]
    public void Explain_part_with_a_fraction_says_it_was_rounded_up()
    {
        Claim[] claims = [new(new Id<Household>(1), 10, 1, 0), new(new Id<Household>(2), 10, 3, 0)];
        var plan = SupplyAllocator.Allocate(claims, 7, AllocationPolicy.MaxMin);
        var texts = plan.Shares.Select(s => AllocationTable.Explain(plan, s.Household)).ToList();
        Assert.Contains(texts, t => t.Contains("rounded up to whole units", StringComparison.Ordinal));
        foreach (var s in plan.Shares)
        {
            Assert.True(Reproduces(plan, s, AllocationTable.Explain(plan, s.Household)), AllocationTable.Explain(plan, s.Household));
        }
    }

    [Fact]
    public void Explain_household_without_a_claim_throws_naming_the_household()
    {
        var plan = SupplyAllocator.Allocate([new Claim(new Id<Household>(1), 5, 1, 0)], 3, AllocationPolicy.MaxMin);
        Assert.Equal("household", Assert.Throws<ArgumentException>(() => AllocationTable.Explain(plan, new Id<Household>(9))).ParamName);
        Assert.Equal("household", Assert.Throws<ArgumentException>(() => AllocationTable.Explain(plan, default)).ParamName);
        Assert.Equal("plan", Assert.Throws<ArgumentNullException>(() => AllocationTable.Explain(null!, new Id<Household>(1))).ParamName);
    }

    // D2 as a property, over lockdown-shaped claims (empty, one, all at the limit, identical, no need, huge, many): for every
    // rationed household of a max-min plan, the arithmetic its reason states (its part at the tier's level and the rule that
    // made it whole) gives the share the plan gave it, and the part shown is weight x level to the cent.
    [Property(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 60)]
    public void Every_rationed_households_explained_arithmetic_reproduces_its_share(LockdownAllocationCase c)
    {
        var plan = SupplyAllocator.Allocate(c.Claims, c.Supply, AllocationPolicy.MaxMin);
        foreach (var s in plan.Shares.Where(s => s.Outcome == ShareOutcome.Rationed && plan.Tiers.First(t => t.Tier == s.Tier).Supplied > 0).Take(200))
        {
            var text = AllocationTable.Explain(plan, s.Household);
            Assert.True(Reproduces(plan, s, text), text);
        }
    }

    // Reads the part and the rule from the English text and applies them, independently of how the text was made.
    private static bool Reproduces(AllocationPlan plan, Share s, string text)
    {
        var m = PartText().Match(text);
        if (!m.Success)
        {
            return false;
        }

        var weight = long.Parse(m.Groups["weight"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var part = decimal.Parse(m.Groups["part"].Value, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var share = long.Parse(m.Groups["share"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var tier = plan.Tiers.First(t => t.Tier == s.Tier);
        var exact = (decimal)s.Weight * tier.LevelNumerator / tier.LevelDenominator;
        var ruleGives = m.Groups["rule"].Value switch
        {
            ", rounded up to whole units" when m.Groups["about"].Value == "about" && part != decimal.Truncate(part) => decimal.Ceiling(part),
            "" when m.Groups["about"].Value == "exactly" && part == decimal.Truncate(part) => part,
            "; the units left over went one each to households in the order they registered, this one among them" when m.Groups["about"].Value == "exactly" && part == decimal.Truncate(part) => part + 1,
            ", more than it needs" when m.Groups["about"].Value == "would be" && decimal.Ceiling(part) >= s.Need => s.Need,
            _ => -1m,
        };
        return weight == s.Weight && share == s.Allocated && ruleGives == share && Math.Abs(part - exact) <= 0.01m;
    }

    [GeneratedRegex(@"With weight (?<weight>[\d,]+) this household's part (?:is )?(?<about>about|exactly|would be) (?<part>[\d,.]+) units?(?<rule>[^:]*): (?<share>[\d,]+) units?(?:, its whole need)?\.$")]
    private static partial Regex PartText();
}
