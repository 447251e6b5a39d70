using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace CommunityDomain.Rostering;

/// <summary>A planned roster: who works which shift where, and its score with breakdown.</summary>
public sealed class Roster
{
    [JsonConstructor]
    internal Roster(IReadOnlyList<RosterAssignment> assignments, RosterScore score)
    {
        Assignments = assignments;
        Score = score;
    }

    /// <summary>The assignments, ordered by date, post, shift and worker.</summary>
    public IReadOnlyList<RosterAssignment> Assignments { get; }

    /// <summary>The score and its breakdown.</summary>
    public RosterScore Score { get; }

    /// <summary>
    /// From <see cref="RosterPlanner.Plan"/>: no roster of the problem that keeps the pins and every hard rule has a soft
    /// score below this (so <c>Score.Soft - LowerBound</c> is how far from optimal this roster can still be);
    /// null when not computed (a scored or repaired roster, a stored one) or when the relaxation proves that
    /// no roster keeps every hard rule. See <see cref="RosterPlanner.LowerBound"/>.
    /// </summary>
    [JsonIgnore] // a property of the problem at planning time, not of the stored roster
    public long? LowerBound { get; private init; }

    /// <summary>This roster with a bound attached.</summary>
    internal Roster WithLowerBound(long? bound) => new(Assignments, Score) { LowerBound = bound };

    /// <summary>A readable account: totals, totals per rule, then every score line.</summary>
    /// <returns>Multi-line English text.</returns>
    public string Explain()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Assignments.Count} assignments; score {Score}{(Score.IsFeasible ? " (feasible)" : " (INFEASIBLE)")}").AppendLine();
        foreach (var (rule, part) in Score.ByRule.OrderBy(p => p.Key))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {rule}: {part}").AppendLine();
        }

        foreach (var item in Score.Items.Where(i => i.Hard > 0))
        {
            sb.Append("  hard: ").AppendLine(item.Description);
        }

        return sb.ToString();
    }

    /// <summary>The count and score.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Roster of {Assignments.Count} assignments, {Score}");
}
