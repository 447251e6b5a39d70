using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// Simple deterministic rosters to compare solvers against. They use the hard rules of
/// <see cref="CurtoisRules"/> only; nothing here is tuned.
/// </summary>
public static class CurtoisBaselines
{
    // Rules a chronological construction can check at assignment time: adding a shift can only break them
    // (the min-days-off rule only for blocks already closed, which the prefix decides).
    private static readonly CurtoisRule[] ConstructionRules =
    [
        CurtoisRule.ShiftRotation, CurtoisRule.MaxShiftsPerType, CurtoisRule.MaxTotalMinutes,
        CurtoisRule.MaxConsecutiveShifts, CurtoisRule.MaxWeekends, CurtoisRule.DaysOff, CurtoisRule.MinConsecutiveDaysOff,
    ];

    /// <summary>The all-off roster.</summary>
    /// <param name="instance">The instance.</param>
    public static CurtoisSolution Empty(CurtoisInstance instance) => CurtoisSolution.Empty(instance);

    /// <summary>
    /// <see cref="Greedy"/> as a <see cref="CurtoisSolve"/> for <see cref="CurtoisCommand"/>: the token ends its
    /// repair phase; the time limit and seed are not used (the construction is deterministic).
    /// </summary>
    /// <param name="instance">The instance.</param>
    /// <param name="timeLimit">Unused; the command's token carries the deadline.</param>
    /// <param name="seed">Unused.</param>
    /// <param name="cancellationToken">Ends the repair phase early.</param>
    /// <returns>The greedy roster.</returns>
    public static CurtoisSolution GreedySolve(CurtoisInstance instance, TimeSpan timeLimit, int seed, CancellationToken cancellationToken) =>
        Greedy(instance, cancellationToken);

    /// <summary>
    /// A greedy roster: day by day and shift type by shift type, assigns the requirement to employees that the
    /// construction rules allow, adds shifts to employees below their minimum minutes where that breaks no
    /// further rule, then repairs remaining violations one employee-day at a time.
    /// </summary>
    /// <param name="instance">The instance.</param>
    /// <param name="cancellationToken">Ends the repair phase early (the roster so far is returned); phases 1
    /// and 2 always run to the end.</param>
    /// <returns>A roster; it may still break hard rules where no single-day change helps.</returns>
    /// <remarks>
    /// Deterministic. Phase 1 orders candidates for (day, shift) by: in a working block still shorter than their
    /// minimum, has a shift-on request for it, has no shift-off request for it, fewest minutes so far, file order.
    /// An assignment is kept when it adds no violation of rotation, shift maxima, maximum minutes, maximum
    /// consecutive shifts, maximum weekends, days off or (closed) minimum days off. Phase 2 then, per employee
    /// below the minimum minutes, sweeps the free employee-days in order of cover gain (filling a gap before a
    /// surplus) and adds each shift that raises no other rule's violation count, until the minimum is met or a
    /// sweep adds nothing. Phase 3, per employee with violations, applies
    /// the single-day change (other shift or day off) that most lowers (violation count, minutes outside the
    /// bounds), the cheapest in objective on ties, until no such change exists.
    /// </remarks>
    public static CurtoisSolution Greedy(CurtoisInstance instance, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(instance);
        var days = instance.Days;
        var shifts = instance.Shifts.Count;
        var staff = instance.Staff.Count;
        var rows = Enumerable.Range(0, staff).Select(_ => Enumerable.Repeat(CurtoisSolution.Off, days).ToArray()).ToArray();
        var minutes = new int[staff];
        var assigned = new int[days * shifts];
        var onWanted = new HashSet<(int, int, int)>(instance.OnRequests.Select(r => (r.Employee, r.Day, r.Shift)));
        var offWanted = new HashSet<(int, int, int)>(instance.OffRequests.Select(r => (r.Employee, r.Day, r.Shift)));

        for (var d = 0; d < days; d++)
        {
            for (var t = 0; t < shifts; t++)
            {
                var need = instance.CoverFast(d, t).Requirement;
                var day = d;
                var shift = t;
                var order = Enumerable.Range(0, staff)
                    .Where(e => rows[e][day] == CurtoisSolution.Off)
                    .OrderByDescending(e => InShortBlock(instance, rows[e], e, day))
                    .ThenByDescending(e => onWanted.Contains((e, day, shift)))
                    .ThenBy(e => offWanted.Contains((e, day, shift)))
                    .ThenBy(e => minutes[e])
                    .ThenBy(e => e)
                    .ToList();
                foreach (var e in order)
                {
                    if (assigned[(d * shifts) + t] >= need)
                    {
                        break;
                    }

                    if (TryAssign(instance, rows[e], e, d, t, ConstructionRules))
                    {
                        minutes[e] += instance.Shifts[t].LengthMinutes;
                        assigned[(d * shifts) + t]++;
                    }
                }
            }
        }

        var otherRules = CurtoisRules.All.Where(r => r != CurtoisRule.MinTotalMinutes).ToArray();
        var before = new int[otherRules.Length];
        for (var e = 0; e < staff; e++)
        {
            var row = rows[e];
            var added = true;
            // Sweeps over the candidates, best cover gain first (filling a gap, then the cheapest surplus; ties by
            // day, then shift), until the minimum is met or a sweep adds nothing.
            while (added && minutes[e] < instance.Staff[e].MinTotalMinutes)
            {
                added = false;
                var candidates = Enumerable.Range(0, days * shifts)
                    .Where(k => row[k / shifts] == CurtoisSolution.Off)
                    .OrderByDescending(k => Gain(instance, assigned, k / shifts, k % shifts))
                    .ThenBy(k => k)
                    .ToList();
                Counts(instance, row, e, otherRules, before);
                foreach (var k in candidates)
                {
                    var (d, t) = (k / shifts, k % shifts);
                    if (minutes[e] >= instance.Staff[e].MinTotalMinutes)
                    {
                        break;
                    }

                    if (row[d] == CurtoisSolution.Off && Fits(instance, row, e, d, t, otherRules, before))
                    {
                        row[d] = t;
                        minutes[e] += instance.Shifts[t].LengthMinutes;
                        assigned[k]++;
                        added = true;
                        Counts(instance, row, e, otherRules, before);
                    }
                }
            }
        }

        new CurtoisRepair(instance, rows, assigned).Run(cancellationToken);
        var cells = new int[staff * days];
        for (var e = 0; e < staff; e++)
        {
            rows[e].CopyTo(cells, e * days);
        }

        return CurtoisSolution.Own(staff, days, cells);
    }

    private static bool InShortBlock(CurtoisInstance instance, int[] row, int employee, int day)
    {
        var length = 0;
        for (var d = day - 1; d >= 0 && row[d] >= 0; d--)
        {
            length++;
        }

        // A block that starts on day 0 is free at the border; only a bounded one needs lengthening.
        return length > 0 && day - length > 0 && length < instance.Staff[employee].MinConsecutiveShifts;
    }

    private static bool TryAssign(CurtoisInstance instance, int[] row, int employee, int day, int shift, CurtoisRule[] rules)
    {
        var before = new int[rules.Length];
        Counts(instance, row, employee, rules, before);
        if (!Fits(instance, row, employee, day, shift, rules, before))
        {
            return false;
        }

        row[day] = shift;
        return true;
    }

    // True when putting the shift on the day adds no violation of any of the given rules (no trading one
    // rule's violation for another's).
    private static bool Fits(CurtoisInstance instance, int[] row, int employee, int day, int shift, CurtoisRule[] rules, int[] before)
    {
        row[day] = shift;
        var fits = true;
        for (var i = 0; i < rules.Length && fits; i++)
        {
            fits = CurtoisRules.CheckValidated(rules[i], instance, employee, row, sink: null) <= before[i];
        }

        row[day] = CurtoisSolution.Off;
        return fits;
    }

    private static void Counts(CurtoisInstance instance, int[] row, int employee, CurtoisRule[] rules, int[] counts)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            counts[i] = CurtoisRules.CheckValidated(rules[i], instance, employee, row, sink: null);
        }
    }

    private static int Gain(CurtoisInstance instance, int[] assigned, int day, int shift)
    {
        var c = instance.CoverFast(day, shift);
        return assigned[(day * instance.Shifts.Count) + shift] < c.Requirement ? c.WeightUnder : -c.WeightOver;
    }
}
