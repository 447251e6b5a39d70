using System.Globalization;
using System.Text;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Allocation;

namespace CommunityDomain.Views;

/// <summary>
/// An allocation plan as a table: each household's priority, weight, need, share and a short reason, then one
/// line per priority and the totals.
/// </summary>
/// <remarks>
/// Households appear by address with their compound first ("Meiyuan › Building 1, Unit 1, Room 101" / "梅苑小区1号楼1单元101室")
/// when the <see cref="Labels"/> come from the community, else by number; never by a resident's name. Always with the
/// compound, not only when a plan spans several: the table is posted and sent at the community office, where every
/// compound has a "1号楼", and a row must say which door to knock on however the plan's rows were chosen. Ordered by tier and id (so the order of the claims does not matter). The
/// reason says why the share is what it is: need met in full, rationed at the tier's level (max-min: units per
/// weight unit; Hamilton and Webster: share of need), nothing left after earlier tiers, or no need;
/// <see cref="AllocationPlan.Explain"/> gives the long form. The totals row equals <see cref="AllocationPlan.Allocated"/>.
/// Quantities are in the plan's units ("units" / "份"). Pure rendering, fixed line ends: the same plan and labels
/// give byte-identical text. Priorities are counted as people count, from 1: the plan's tier 0 (served first) shows as
/// priority 1 ("第1优先级"), tier 1 as priority 2, in every cell and reason.
/// </remarks>
public static class AllocationTable
{
    /// <summary>Renders the plan in Markdown: a summary line, the per-household table, the per-tier table.</summary>
    /// <param name="plan">The allocation plan (<see cref="SupplyAllocator"/>).</param>
    /// <param name="labels">Culture and names (e.g. <see cref="Labels.For"/>); null for <see cref="Labels.Default"/>.</param>
    /// <returns>The Markdown text, ending with a line break.</returns>
    /// <exception cref="ArgumentException"><paramref name="plan"/> is null.</exception>
    public static string Markdown(AllocationPlan plan, Labels? labels = null)
    {
        Guard.Against.Null(plan);
        var l = labels ?? Labels.Default;
        var sb = new StringBuilder();
        sb.Append(l.Text("allocation.caption", ("policy", l.Text("policy." + plan.Policy.ToString())), ("allocated", l.Count(plan.Allocated, "units")),
            ("supply", l.Count(plan.Supply, "units")), ("households", l.Count(plan.Shares.Count, "households")),
            ("need", l.Count(plan.Shares.Sum(s => (long)s.Need), "units"))));
        sb.Append(ViewText.Line).Append(ViewText.Line);
        ViewText.Header(sb, [l.Text("allocation.household"), l.Text("allocation.tier"), l.Text("allocation.weight"), l.Text("allocation.need"),
            l.Text("allocation.share"), l.Text("allocation.outcome"), l.Text("allocation.reason")], i => i is >= 1 and <= 4);
        foreach (var s in Ordered(plan))
        {
            ViewText.Row(sb, [l.HouseholdWithCompound(s.Household), Priority(s.Tier), l.Number(s.Weight), l.Number(s.Need), l.Number(s.Allocated),
                l.Text("outcome." + s.Outcome.ToString()), Reason(l, plan, s)]);
        }

        ViewText.Row(sb, [ViewText.Strong(l.Text("allocation.total")), " ", " ", l.Number(plan.Shares.Sum(s => (long)s.Need)), ViewText.Strong(l.Number(plan.Allocated)), " ", " "]);
        sb.Append(ViewText.Line);
        ViewText.Header(sb, [l.Text("allocation.tier"), l.Text("allocation.households"), l.Text("allocation.need"), l.Text("allocation.supplied"), l.Text("allocation.level")], i => i <= 3);
        foreach (var t in plan.Tiers.OrderBy(t => t.Tier))
        {
            ViewText.Row(sb, [Priority(t.Tier), l.Number(plan.Shares.Count(s => s.Tier == t.Tier)), l.Number(t.Need), l.Number(t.Supplied), Level(l, plan.Policy, t)]);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Renders the plan as RFC 4180 CSV, one record per household:
    /// <c>household,priority,weight,need,share,outcome,reason</c> (the household by address, no internal id: the CSV is a
    /// spreadsheet for the office; a program reads <see cref="AllocationPlan.Shares"/>), in tier and id order; headers and
    /// texts in the labels' culture.
    /// </summary>
    /// <param name="plan">The allocation plan.</param>
    /// <param name="labels">Culture and names; null for <see cref="Labels.Default"/>.</param>
    /// <returns>The CSV text (CRLF line ends).</returns>
    /// <exception cref="ArgumentException"><paramref name="plan"/> is null.</exception>
    public static string Csv(AllocationPlan plan, Labels? labels = null)
    {
        Guard.Against.Null(plan);
        var l = labels ?? Labels.Default;
        var sb = new StringBuilder();
        ViewText.CsvRow(sb, [l.Text("allocation.household"), l.Text("allocation.tier"), l.Text("allocation.weight"), l.Text("allocation.need"),
            l.Text("allocation.share"), l.Text("allocation.outcome"), l.Text("allocation.reason")]);
        foreach (var s in Ordered(plan))
        {
            ViewText.CsvRow(sb, [l.HouseholdWithCompound(s.Household), Priority(s.Tier), ViewText.Int(s.Weight), ViewText.Int(s.Need),
                ViewText.Int(s.Allocated), l.Text("outcome." + s.Outcome.ToString()), Reason(l, plan, s)]);
        }

        return sb.ToString();
    }

    /// <summary>
    /// One household's share in plain sentences, for a text read on its own (a notebook, a reply to the household): where
    /// it lives (with its compound), what it needs and gets, and the reason as the table gives it, with the rule that made the
    /// share a whole number of units ("东方小区1号楼1单元101室：需要9份，分得8份。第2优先级物资不足……").
    /// </summary>
    /// <param name="plan">The allocation plan (<see cref="SupplyAllocator"/>).</param>
    /// <param name="household">A household with a claim in the plan.</param>
    /// <param name="labels">Culture and names; null for <see cref="Labels.Default"/>.</param>
    /// <returns>One or two sentences, no resident's name.</returns>
    /// <exception cref="ArgumentException"><paramref name="plan"/> is null, or <paramref name="household"/> is the default id or had no claim in the plan.</exception>
    public static string Explain(AllocationPlan plan, Id<Household> household, Labels? labels = null)
    {
        Guard.Against.Null(plan);
        Guard.Against.DefaultId(household);
        var l = labels ?? Labels.Default;
        var s = plan.Shares.FirstOrDefault(x => x.Household == household);
        if (s.Household != household)
        {
            throw new ArgumentException("The household had no claim in the plan.", nameof(household));
        }

        var reason = l.Sentence(Reason(l, plan, s));
        if (!reason.EndsWith(l.Text("sentence.end"), StringComparison.Ordinal))
        {
            reason += l.Text("sentence.end");
        }

        return l.Sentence(l.Text("allocation.explain", ("household", l.HouseholdWithCompound(household)), ("need", l.Count(s.Need, "units")),
            ("share", l.Count(s.Allocated, "units")), ("reason", reason)));
    }

    // A tier as people count it: tier 0, served first, is priority 1 ("第1优先级").
    private static string Priority(int tier) => ViewText.Int(tier + 1L);

    private static IEnumerable<Share> Ordered(AllocationPlan plan) => plan.Shares.OrderBy(s => s.Tier).ThenBy(s => s.Household);

    private static string Reason(Labels l, AllocationPlan plan, Share s)
    {
        var tier = plan.Tiers.First(t => t.Tier == s.Tier);
        return s.Outcome switch
        {
            ShareOutcome.NoNeed => l.Text("reason.no-need"),
            ShareOutcome.FullNeed => l.Text("reason.full", ("tier", Priority(s.Tier))),
            ShareOutcome.TierNotReached => l.Text("reason.not-reached"),
            _ when plan.Policy == AllocationPolicy.MaxMin && tier.Supplied > 0 => l.Text("reason.rationed.per-weight", ("tier", Priority(s.Tier)),
                ("supplied", l.Count(tier.Supplied, "units")), ("need", l.Count(tier.Need, "units")), ("per", PerWeight(l, tier)),
                ("part", Part(l, tier, s))),
            _ => l.Text("reason.rationed.of-need", ("tier", Priority(s.Tier)), ("supplied", l.Count(tier.Supplied, "units")), ("need", l.Count(tier.Need, "units")),
                ("level", Level(l, plan.Policy, tier)), ("share", l.Count(s.Allocated, "units"))),
        };
    }

    // The household's part at the tier's water level (weight x level, exact) and the rule that made it a whole number of
    // units: a part with a fraction is rounded up; a whole part is given as it is, or one more to the households that
    // come first in registration order (the allocator's tie rule, smaller ids first) while units are left.
    private static string Part(Labels l, TierOutcome tier, Share s)
    {
        var weight = ("weight", l.Count(s.Weight, "weight"));
        var share = ("share", l.Count(s.Allocated, "units"));
        if (tier.LevelDenominator <= 0)
        {
            return l.Text("reason.part.plain", weight, share);
        }

        var product = (Int128)s.Weight * tier.LevelNumerator;
        var whole = product / tier.LevelDenominator;
        var exact = product % tier.LevelDenominator == 0;
        var ceiling = exact ? whole : whole + 1;
        var part = ("exact", exact ? l.Count((long)whole, "units") : l.Amount(Approximate((long)whole, (decimal)s.Weight * tier.LevelNumerator / tier.LevelDenominator), "units"));
        return exact && s.Allocated == whole ? l.Text("reason.part.exact", weight, part, share)
            : exact && s.Allocated == whole + 1 ? l.Text("reason.part.one-more", weight, part, share)
            : !exact && s.Allocated == whole + 1 ? l.Text("reason.part.rounded-up", weight, part, share)
            : s.Allocated == s.Need && ceiling >= s.Need ? l.Text("reason.part.capped", weight, part, share)
            : l.Text("reason.part.plain", weight, share);
    }

    // A part with a fraction to two decimals, never shown as a whole number (7.001 shows as 7.01, 6.999 as 6.99), so "about
    // 7.01, rounded up: 8" reads right.
    private static decimal Approximate(long whole, decimal value)
    {
        var shown = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return shown <= whole ? whole + 0.01m : shown >= whole + 1 ? whole + 0.99m : shown;
    }

    // The water level as a quantity people read: units for each point of weight, "about" only when it was rounded ("about
    // 2.33 units", but "1 unit" for a level of exactly 1).
    private static string PerWeight(Labels l, TierOutcome t)
    {
        var exact = t.LevelDenominator == 0 ? 0m : (decimal)t.LevelNumerator / t.LevelDenominator;
        var shown = Math.Round(exact, 2, MidpointRounding.AwayFromZero);
        var amount = l.Amount(shown, "units");
        return t.LevelDenominator == 0 || t.LevelNumerator % t.LevelDenominator == 0 ? amount : l.Text("amount.about", ("amount", amount));
    }

    private static string Level(Labels l, AllocationPolicy policy, TierOutcome t) =>
        t.FullyServed ? l.Text("level.full")
        : t.Supplied == 0 ? l.Text("level.none")
        : policy == AllocationPolicy.MaxMin
            ? l.Text("level.per-weight", ("per", PerWeight(l, t)))
            : l.Text("level.of-need", ("percent", (100 * t.Level).ToString("0.#", CultureInfo.InvariantCulture)));
    /// <summary>
    /// A donation's split among duty posts (<see cref="Supplies.DonationSplit.Split"/>) as people read it: each post by the
    /// office's name with its units, in the split's order ("North gate: 17 units; South gate: 84 units" /
    /// "北门岗：17份、南门岗：84份"); <see cref="Supplies.DonationSplit.Describe"/> is the log form with post ids.
    /// </summary>
    /// <param name="split">The split, one entry per post.</param>
    /// <param name="labels">Culture and post names (e.g. <see cref="Labels.For"/>); null for <see cref="Labels.Default"/>.</param>
    /// <returns>One line; empty for an empty split.</returns>
    /// <exception cref="ArgumentException"><paramref name="split"/> is null.</exception>
    public static string Split(IReadOnlyList<(Id<Post> Post, int Units)> split, Labels? labels = null)
    {
        Guard.Against.Null(split);
        var l = labels ?? Labels.Default;
        return l.List(split.Select(s => l.Text("split.item", ("post", l.Post(s.Post)), ("units", l.Count(s.Units, "units")))));
    }
}
