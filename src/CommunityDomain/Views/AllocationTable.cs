using System.Globalization;
using System.Text;
using CommunityDomain.Supplies.Allocation;

namespace CommunityDomain.Views;

/// <summary>
/// An allocation plan as a table: each household's tier, weight, need, share and a short reason, then one
/// line per tier and the totals.
/// </summary>
/// <remarks>
/// Households appear by id only, ordered by tier and id (so the order of the claims does not matter). The
/// reason says why the share is what it is: need met in full, rationed at the tier's level (max-min: units per
/// weight unit; Hamilton and Webster: share of need), nothing left after earlier tiers, or no need;
/// <see cref="AllocationPlan.Explain"/> gives the long form. The totals row equals <see cref="AllocationPlan.Allocated"/>.
/// Pure rendering, invariant culture, fixed line ends: the same plan gives byte-identical text.
/// </remarks>
public static class AllocationTable
{
    /// <summary>Renders the plan in Markdown: a summary line, the per-household table, the per-tier table.</summary>
    /// <param name="plan">The allocation plan (<see cref="SupplyAllocator"/>).</param>
    /// <returns>The Markdown text, ending with a line break.</returns>
    /// <exception cref="ArgumentException"><paramref name="plan"/> is null.</exception>
    public static string Markdown(AllocationPlan plan)
    {
        Guard.Against.Null(plan);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"{plan.Policy} allocation: {plan.Allocated} of {plan.Supply} units to {plan.Shares.Count} households (need {plan.Shares.Sum(s => (long)s.Need)}).");
        sb.Append(ViewText.Line).Append(ViewText.Line);
        ViewText.Header(sb, ["household", "tier", "weight", "need", "share", "outcome", "reason"], i => i is >= 1 and <= 4);
        foreach (var s in Ordered(plan))
        {
            ViewText.Row(sb, [s.Household.ToString(), ViewText.Int(s.Tier), ViewText.Int(s.Weight), ViewText.Int(s.Need), ViewText.Int(s.Allocated), s.Outcome.ToString(), Reason(plan, s)]);
        }

        ViewText.Row(sb, ["**total**", " ", " ", ViewText.Int(plan.Shares.Sum(s => (long)s.Need)), "**" + ViewText.Int(plan.Allocated) + "**", " ", " "]);
        sb.Append(ViewText.Line);
        ViewText.Header(sb, ["tier", "households", "need", "supplied", "level"], i => i <= 3);
        foreach (var t in plan.Tiers.OrderBy(t => t.Tier))
        {
            ViewText.Row(sb, [ViewText.Int(t.Tier), ViewText.Int(plan.Shares.Count(s => s.Tier == t.Tier)), ViewText.Int(t.Need), ViewText.Int(t.Supplied), Level(plan.Policy, t)]);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Renders the plan as RFC 4180 CSV, one record per household:
    /// <c>household,tier,weight,need,share,outcome,reason</c> (household id value), in tier and id order.
    /// </summary>
    /// <param name="plan">The allocation plan.</param>
    /// <returns>The CSV text (CRLF line ends).</returns>
    /// <exception cref="ArgumentException"><paramref name="plan"/> is null.</exception>
    public static string Csv(AllocationPlan plan)
    {
        Guard.Against.Null(plan);
        var sb = new StringBuilder();
        ViewText.CsvRow(sb, ["household", "tier", "weight", "need", "share", "outcome", "reason"]);
        foreach (var s in Ordered(plan))
        {
            ViewText.CsvRow(sb, [ViewText.Int(s.Household.Value), ViewText.Int(s.Tier), ViewText.Int(s.Weight), ViewText.Int(s.Need), ViewText.Int(s.Allocated), s.Outcome.ToString(), Reason(plan, s)]);
        }

        return sb.ToString();
    }

    private static IEnumerable<Share> Ordered(AllocationPlan plan) => plan.Shares.OrderBy(s => s.Tier).ThenBy(s => s.Household);

    private static string Reason(AllocationPlan plan, Share s)
    {
        var tier = plan.Tiers.First(t => t.Tier == s.Tier);
        return s.Outcome switch
        {
            ShareOutcome.NoNeed => "needed nothing",
            ShareOutcome.FullNeed => string.Create(CultureInfo.InvariantCulture, $"need met: tier {s.Tier} fully served"),
            ShareOutcome.TierNotReached => "nothing left after earlier tiers",
            _ => string.Create(CultureInfo.InvariantCulture, $"rationed: tier {s.Tier} got {tier.Supplied} of {tier.Need}, {Level(plan.Policy, tier)}"),
        };
    }

    private static string Level(AllocationPolicy policy, TierOutcome t) =>
        t.FullyServed ? "full"
        : t.Supplied == 0 ? "none"
        : policy == AllocationPolicy.MaxMin
            ? string.Create(CultureInfo.InvariantCulture, $"level {t.LevelNumerator}/{t.LevelDenominator} = {t.Level:0.###} per weight unit")
            : string.Create(CultureInfo.InvariantCulture, $"{100 * t.Level:0.#}% of need");
}
