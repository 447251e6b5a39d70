using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;

namespace Pubai;

/// <summary>One compound's line of the scenario's summary.</summary>
/// <param name="Name">The compound's name.</param>
/// <param name="Buildings">Its buildings.</param>
/// <param name="Households">Its households.</param>
/// <param name="Needs">Its members' needs-relevant counts.</param>
/// <param name="Level">The effective control level of its households (the highest if they differ).</param>
/// <param name="Posts">Its duty posts.</param>
public sealed record CompoundSummary(string Name, int Buildings, int Households, HouseholdNeeds Needs, ControlLevel Level, int Posts)
{
    /// <summary>Summarises every compound of a community at an instant.</summary>
    /// <param name="community">The community.</param>
    /// <param name="at">The instant for control levels and ages.</param>
    /// <returns>One summary per compound, in the order they were added.</returns>
    public static IReadOnlyList<CompoundSummary> Of(Community community, Instant at)
    {
        ArgumentNullException.ThrowIfNull(community);
        var today = at.InZone(community.Zone).Date;
        return [.. community.Compounds.Select(compound =>
        {
            var households = community.HouseholdsIn(compound.Id);
            var needs = households.Aggregate(default(HouseholdNeeds), (sum, h) => sum + community.NeedsOf(h, today));
            var level = households.Select(h => community.EffectiveLevel(h, at)).DefaultIfEmpty().Max();
            return new CompoundSummary(compound.Name, compound.Buildings.Count, households.Count, needs, level, compound.Posts.Count);
        })];
    }

    /// <summary>A fixed-width table of summaries with a total line.</summary>
    /// <param name="rows">The summaries.</param>
    /// <returns>The table text.</returns>
    public static string Table(IReadOnlyList<CompoundSummary> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var lines = new List<string>
        {
            "compound      bldgs  households  residents  present  60+   80+  <3   disabled  chronic  pregnant  bedridden  posts  control",
        };
        foreach (var r in rows)
        {
            lines.Add(Line(r.Name, r.Buildings, r.Households, r.Needs, r.Posts, r.Level.ToString()));
        }

        var total = rows.Aggregate(default(HouseholdNeeds), (sum, r) => sum + r.Needs);
        lines.Add(Line("total", rows.Sum(r => r.Buildings), rows.Sum(r => r.Households), total, rows.Sum(r => r.Posts), string.Empty));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Line(string name, int buildings, int households, HouseholdNeeds n, int posts, string level) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-12} {buildings,6} {households,11} {n.Members,10} {n.Present,8} {n.Aged60Plus,5} {n.Aged80Plus,5} {n.InfantsUnder3,4} {n.Disabled,9} {n.ChronicallyIll,8} {n.Pregnant,9} {n.Bedridden,10} {posts,6}  {level}");
}
