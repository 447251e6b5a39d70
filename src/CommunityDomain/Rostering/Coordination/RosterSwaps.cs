using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>Checks a swap requested by two workers against every rule of the problem.</summary>
public static class RosterSwaps
{
    /// <summary>
    /// Checks that <paramref name="first"/> and <paramref name="second"/> exchange what they do on each of
    /// <paramref name="dates"/> (a shift or a day off), e.g. one date for a same-day swap, or two dates when
    /// one takes the other's Monday and gives their Thursday.
    /// </summary>
    /// <param name="problem">The problem the roster belongs to.</param>
    /// <param name="assignments">The published roster.</param>
    /// <param name="first">One worker of the problem.</param>
    /// <param name="second">Another worker of the problem.</param>
    /// <param name="dates">The dates exchanged; at least one, inside the horizon.</param>
    /// <returns>
    /// Accepted when no hard rule's violation amount rises (so a valid roster stays valid) and no pinned duty
    /// moves; otherwise refused, naming the rules that rise (with the swapped roster's lines for them) and
    /// the pinned duties the swap would move.
    /// </returns>
    /// <remarks>
    /// The check is by the planner's own scoring, so every rule of the problem counts, and it compares
    /// amounts before and after: on a roster that already breaks rules (an understaffed week), a swap that
    /// breaks nothing new is accepted. A pin is the coordinator's fixed decision: to swap a pinned duty,
    /// unpin it first.
    /// </remarks>
    /// <exception cref="ArgumentException">A worker is unknown, both are the same, no date is given, or a date is outside the horizon.</exception>
    public static SwapVerdict Check(RosterProblem problem, IEnumerable<RosterAssignment> assignments, Id<Worker> first, Id<Worker> second, params LocalDate[] dates)
    {
        Guard.Against.Null(problem);
        Guard.Against.Null(assignments);
        Guard.Against.Null(dates);
        if (problem.Workers.All(x => x.Id != first))
        {
            throw new ArgumentException("The worker is not part of the problem.", nameof(first));
        }

        if (second == first || problem.Workers.All(x => x.Id != second))
        {
            throw new ArgumentException("The worker is unknown or the same as the first.", nameof(second));
        }

        if (dates.Length == 0 || dates.Any(x => !problem.Horizon.Contains(x)))
        {
            throw new ArgumentException("Give at least one date inside the horizon.", nameof(dates));
        }

        var list = assignments.ToList();
        var days = dates.ToHashSet();
        var swapped = list.Select(a =>
            !days.Contains(a.Date) ? a
            : a.Worker == first ? new RosterAssignment(second, a.Date, a.Post, a.ShiftCode, a.Qualification)
            : a.Worker == second ? new RosterAssignment(first, a.Date, a.Post, a.ShiftCode, a.Qualification)
            : a).ToList();

        var before = RosterPlanner.Score(problem, list);
        var after = RosterPlanner.Score(problem, swapped);
        var broken = RisenHardRules(before.Score, after.Score);
        var reasons = after.Score.Items
            .Where(i => i.Hard > 0 && broken.Contains(i.Rule)
                && (i.Worker == first || i.Worker == second || (i.Date is { } d && days.Contains(d))))
            .ToList();
        // A pin is the coordinator's fixed decision: a swap may not move it, whatever the rules say.
        var pins = problem.Pins.ToHashSet();
        var pinnedMoved = list.Where(a => days.Contains(a.Date) && (a.Worker == first || a.Worker == second) && pins.Contains(a)).ToList();
        return new SwapVerdict(first, second, before, after, broken, reasons, pinnedMoved);
    }

    /// <summary>The hard rules whose amount is higher in <paramref name="after"/> than in <paramref name="before"/>.</summary>
    internal static IReadOnlyList<RuleKind> RisenHardRules(RosterScore before, RosterScore after) =>
        after.ByRule.Where(kv => kv.Value.Hard > before.ByRule.GetValueOrDefault(kv.Key).Hard)
            .Select(kv => kv.Key).OrderBy(k => k).ToList();
}
