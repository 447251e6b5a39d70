using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Views;

namespace Pubai;

/// <summary>One compound's line of the scenario's summary.</summary>
/// <param name="Compound">The compound.</param>
/// <param name="Buildings">Its buildings.</param>
/// <param name="Households">Its households.</param>
/// <param name="Needs">Its members' needs-relevant counts.</param>
/// <param name="Level">The effective control level of its households (the highest if they differ).</param>
/// <param name="Posts">Its duty posts.</param>
public sealed record CompoundSummary(Compound Compound, int Buildings, int Households, HouseholdNeeds Needs, ControlLevel Level, int Posts)
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
            return new CompoundSummary(compound, compound.Buildings.Count, households.Count, needs, level, compound.Posts.Count);
        })];
    }

    /// <summary>A Markdown table of summaries with a total line: compound names as the office writes them, units in the headers.</summary>
    /// <param name="rows">The summaries.</param>
    /// <param name="labels">Names and culture.</param>
    /// <param name="words">The sample's texts in the same language.</param>
    /// <returns>The table text.</returns>
    public static string Table(IReadOnlyList<CompoundSummary> rows, Labels labels, Words words)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(words);
        var header = words.Say("summary.header").Split('|');
        var lines = new List<string>
        {
            "| " + string.Join(" | ", header) + " |",
            "| --- |" + string.Concat(Enumerable.Repeat(" ---: |", header.Length - 2)) + " --- |",
        };
        foreach (var r in rows)
        {
            lines.Add(Line(labels, labels.Compound(r.Compound.Id), r.Buildings, r.Households, r.Needs, r.Posts, words.Say("level." + r.Level)));
        }

        var total = rows.Aggregate(default(HouseholdNeeds), (sum, r) => sum + r.Needs);
        lines.Add(Line(labels, words.Say("summary.total"), rows.Sum(r => r.Buildings), rows.Sum(r => r.Households), total, rows.Sum(r => r.Posts), " "));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Line(Labels labels, string name, int buildings, int households, HouseholdNeeds n, int posts, string level) =>
        "| " + name + " | " + string.Join(" | ", new long[] { buildings, households, n.Members, n.Present, n.Aged60Plus, n.Aged80Plus, n.InfantsUnder3, n.Disabled,
            n.ChronicallyIll, n.Pregnant, n.Bedridden, posts }.Select(x => labels.Number(x))) + " | " + level + " |";
}
