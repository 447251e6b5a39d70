using System.Globalization;
using System.Text;
using CommunityDomain.Supplies.Allocation;

namespace CommunityDomain.Views;

/// <summary>
/// An allocation plan as a table: each household's priority, weight, need, share and a short reason, then one
/// line per priority and the totals.
/// </summary>
/// <remarks>
/// Households appear by address (building, unit, room) when the <see cref="Labels"/> come from the community, else
/// by number; never by a resident's name. Ordered by tier and id (so the order of the claims does not matter). The
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
            ViewText.Row(sb, [l.Household(s.Household), Priority(s.Tier), l.Number(s.Weight), l.Number(s.Need), l.Number(s.Allocated),
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
            ViewText.CsvRow(sb, [l.Household(s.Household), Priority(s.Tier), ViewText.Int(s.Weight), ViewText.Int(s.Need),
                ViewText.Int(s.Allocated), l.Text("outcome." + s.Outcome.ToString()), Reason(l, plan, s)]);
        }

        return sb.ToString();
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
                ("weight", l.Count(s.Weight, "weight")), ("share", l.Count(s.Allocated, "units"))),
            _ => l.Text("reason.rationed.of-need", ("tier", Priority(s.Tier)), ("supplied", l.Count(tier.Supplied, "units")), ("need", l.Count(tier.Need, "units")),
                ("level", Level(l, plan.Policy, tier)), ("share", l.Count(s.Allocated, "units"))),
        };
    }

    // The water level as a quantity people read: units for each point of weight ("2.33 units per point of weight").
    private static string PerWeight(Labels l, TierOutcome t) =>
        l.Amount(t.LevelDenominator == 0 ? 0m : Math.Round((decimal)t.LevelNumerator / t.LevelDenominator, 2, MidpointRounding.AwayFromZero), "units");

    private static string Level(Labels l, AllocationPolicy policy, TierOutcome t) =>
        t.FullyServed ? l.Text("level.full")
        : t.Supplied == 0 ? l.Text("level.none")
        : policy == AllocationPolicy.MaxMin
            ? l.Text("level.per-weight", ("per", PerWeight(l, t)))
            : l.Text("level.of-need", ("percent", (100 * t.Level).ToString("0.#", CultureInfo.InvariantCulture)));
}
