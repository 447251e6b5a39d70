using System.Globalization;
using System.Text.Json.Serialization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>The answer to a requested swap: accepted, or refused with the rules the swapped roster breaks.</summary>
public sealed class SwapVerdict
{
    [JsonConstructor]
    internal SwapVerdict(Id<Worker> first, Id<Worker> second, Roster before, Roster after, IReadOnlyList<RuleKind> brokenRules, IReadOnlyList<ScoreItem> reasons, IReadOnlyList<RosterAssignment> pinnedMoved)
    {
        PinnedMoved = pinnedMoved;
        First = first;
        Second = second;
        Before = before;
        After = after;
        BrokenRules = brokenRules;
        Reasons = reasons;
    }

    /// <summary>The first worker.</summary>
    public Id<Worker> First { get; }

    /// <summary>The second worker.</summary>
    public Id<Worker> Second { get; }

    /// <summary>True when the swap moves no pinned assignment and breaks no hard rule that the roster did not already break as much.</summary>
    public bool Accepted => BrokenRules.Count == 0 && PinnedMoved.Count == 0;

    /// <summary>Pinned assignments the swap would move (a swap never moves a pin); empty when none.</summary>
    public IReadOnlyList<RosterAssignment> PinnedMoved { get; }

    /// <summary>The hard rules whose violation amount the swap raises; empty when accepted.</summary>
    public IReadOnlyList<RuleKind> BrokenRules { get; }

    /// <summary>The swapped roster's hard score lines of <see cref="BrokenRules"/> that concern the two workers or the swapped dates.</summary>
    public IReadOnlyList<ScoreItem> Reasons { get; }

    /// <summary>The roster before the swap, scored.</summary>
    public Roster Before { get; }

    /// <summary>The roster after the swap, scored (whether or not accepted).</summary>
    public Roster After { get; }

    /// <summary>The score change the swap causes (hard part may only fall when accepted).</summary>
    public (int Hard, long Soft) Change => (After.Score.Hard - Before.Score.Hard, After.Score.Soft - Before.Score.Soft);

    /// <summary>E.g. <c>swap Worker#1/Worker#2 refused: MinRest ...</c>.</summary>
    public override string ToString() => Accepted
        ? string.Create(CultureInfo.InvariantCulture, $"swap {First}/{Second} accepted, soft change {Change.Soft}")
        : PinnedMoved.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"swap {First}/{Second} refused: it would move pinned {string.Join(", ", PinnedMoved)}")
            : string.Create(CultureInfo.InvariantCulture, $"swap {First}/{Second} refused: {string.Join("; ", Reasons.Select(r => r.Description).DefaultIfEmpty(string.Join(", ", BrokenRules)))}");
}
