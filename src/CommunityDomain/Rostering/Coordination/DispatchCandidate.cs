using System.Globalization;
using System.Text.Json.Serialization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>A worker who can take an ad-hoc need without breaking any rule, with the score change it causes and why.</summary>
public sealed class DispatchCandidate
{
    [JsonConstructor]
    internal DispatchCandidate(Id<Worker> worker, RosterAssignment assignment, Roster roster, long softChange, IReadOnlyDictionary<RuleKind, long> changeByRule)
    {
        Worker = worker;
        Assignment = assignment;
        Roster = roster;
        SoftChange = softChange;
        ChangeByRule = changeByRule;
    }

    /// <summary>The worker.</summary>
    public Id<Worker> Worker { get; }

    /// <summary>The ad-hoc assignment (in <see cref="DispatchRanking.Problem"/>).</summary>
    public RosterAssignment Assignment { get; }

    /// <summary>The roster with the assignment added, scored in <see cref="DispatchRanking.Problem"/>.</summary>
    public Roster Roster { get; }

    /// <summary>Soft score change against the roster before the need (lower is better; the hard part never rises).</summary>
    public long SoftChange { get; }

    /// <summary>The non-zero soft change per rule; adds up to <see cref="SoftChange"/>.</summary>
    public IReadOnlyDictionary<RuleKind, long> ChangeByRule { get; }

    /// <summary>Why, in a readable line, e.g. <c>OwnCompound +2, Fairness +5</c>.</summary>
    public string Why => ChangeByRule.Count == 0
        ? "no score change"
        : string.Join(", ", ChangeByRule.OrderBy(kv => kv.Key).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:+0;-0}")));

    /// <summary>E.g. <c>Worker#3: +7 (OwnCompound +2, Fairness +5)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Worker}: {SoftChange:+0;-0;0} ({Why})");
}
