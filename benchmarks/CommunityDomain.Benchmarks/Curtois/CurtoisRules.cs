using System.Globalization;
using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// The hard rules of <c>FORMAT.md</c> as per-employee checks over one employee's row of days: the single place
/// where their meaning lives (the evaluator and the greedy baseline both call these).
/// </summary>
/// <remarks>
/// Each check returns how many violations it found and, when given a sink, appends one
/// <see cref="CurtoisViolation"/> per violation; without a sink it allocates nothing. Counting:
/// <list type="bullet">
/// <item><see cref="CurtoisRule.ShiftRotation"/>: one per day d whose shift forbids the shift of day d+1.</item>
/// <item><see cref="CurtoisRule.MaxShiftsPerType"/>: one per shift type whose count exceeds its maximum.</item>
/// <item><see cref="CurtoisRule.MinTotalMinutes"/>, <see cref="CurtoisRule.MaxTotalMinutes"/>: at most one each per employee.</item>
/// <item><see cref="CurtoisRule.MaxConsecutiveShifts"/>: one per window start, i.e. per window of
/// <c>MaxConsecutiveShifts + 1</c> consecutive days all worked (a run of L working days gives L - max).</item>
/// <item><see cref="CurtoisRule.MinConsecutiveShifts"/>: one per maximal block of working days that has a day
/// off on both sides inside the horizon and is shorter than the minimum; blocks touching day 0 or day h-1 are free.</item>
/// <item><see cref="CurtoisRule.MinConsecutiveDaysOff"/>: the same for maximal blocks of days off between two working days.</item>
/// <item><see cref="CurtoisRule.MaxWeekends"/>: at most one per employee; weekend w is worked when day 7w+5 or 7w+6 is.</item>
/// <item><see cref="CurtoisRule.DaysOff"/>: one per required day off that is worked.</item>
/// </list>
/// </remarks>
public static class CurtoisRules
{
    // Declared before All: static initializers run in text order.
    private static readonly CurtoisRule[] Rules = Enum.GetValues<CurtoisRule>();

    /// <summary>Every rule, in <see cref="CurtoisRule"/> order.</summary>
    public static IReadOnlyList<CurtoisRule> All { get; } = Array.AsReadOnly(Rules);

    /// <summary>Checks every hard rule for one employee.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="employee">Employee index.</param>
    /// <param name="row">The employee's shift index or -1 per day; length <see cref="CurtoisInstance.Days"/>.</param>
    /// <param name="sink">Receives the violations when not null.</param>
    /// <returns>The number of violations.</returns>
    /// <exception cref="ArgumentException">The employee, row length or a row value is out of range.</exception>
    public static int CheckAll(CurtoisInstance instance, int employee, ReadOnlySpan<int> row, ICollection<CurtoisViolation>? sink = null)
    {
        Validate(instance, employee, row);
        var count = 0;
        foreach (var rule in Rules)
        {
            count += CheckValidated(rule, instance, employee, row, sink);
        }

        return count;
    }

    /// <summary>Checks one hard rule for one employee.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="instance">The instance.</param>
    /// <param name="employee">Employee index.</param>
    /// <param name="row">The employee's shift index or -1 per day; length <see cref="CurtoisInstance.Days"/>.</param>
    /// <param name="sink">Receives the violations when not null.</param>
    /// <returns>The number of violations.</returns>
    /// <exception cref="ArgumentException">The rule, employee, row length or a row value is out of range.</exception>
    public static int Check(CurtoisRule rule, CurtoisInstance instance, int employee, ReadOnlySpan<int> row, ICollection<CurtoisViolation>? sink = null)
    {
        Guard.Against.EnumOutOfRange(rule);
        Validate(instance, employee, row);
        return CheckValidated(rule, instance, employee, row, sink);
    }

    // Trusted entry for callers that validated the row once (the evaluator).
    internal static int CheckValidated(CurtoisRule rule, CurtoisInstance instance, int employee, ReadOnlySpan<int> row, ICollection<CurtoisViolation>? sink) =>
        rule switch
        {
            CurtoisRule.ShiftRotation => Rotation(instance, employee, row, sink),
            CurtoisRule.MaxShiftsPerType => MaxShiftsPerType(instance, employee, row, sink),
            CurtoisRule.MinTotalMinutes => TotalMinutes(instance, employee, row, sink, lower: true),
            CurtoisRule.MaxTotalMinutes => TotalMinutes(instance, employee, row, sink, lower: false),
            CurtoisRule.MaxConsecutiveShifts => MaxConsecutive(instance, employee, row, sink),
            CurtoisRule.MinConsecutiveShifts => MinBlocks(instance, employee, row, sink, working: true),
            CurtoisRule.MinConsecutiveDaysOff => MinBlocks(instance, employee, row, sink, working: false),
            CurtoisRule.MaxWeekends => Weekends(instance, employee, row, sink),
            CurtoisRule.DaysOff => DaysOff(instance, employee, row, sink),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown rule."),
        };

    /// <summary>The number of weekends worked in a row (weekend w: day 7w+5 or 7w+6 worked).</summary>
    /// <param name="days">The row of one employee: shift index or -1 per day.</param>
    public static int WeekendsWorked(ReadOnlySpan<int> days)
    {
        var count = 0;
        for (var sat = 5; sat < days.Length; sat += 7)
        {
            if (days[sat] >= 0 || (sat + 1 < days.Length && days[sat + 1] >= 0))
            {
                count++;
            }
        }

        return count;
    }

    private static void Validate(CurtoisInstance instance, int employee, ReadOnlySpan<int> row)
    {
        Guard.Against.Null(instance);
        Guard.Against.OutOfRange(employee, nameof(employee), 0, instance.Staff.Count - 1);
        if (row.Length != instance.Days)
        {
            throw new ArgumentException($"The row has {row.Length} days; the instance has {instance.Days}.", nameof(row));
        }

        foreach (var v in row)
        {
            if (v < CurtoisSolution.Off || v >= instance.Shifts.Count)
            {
                throw new ArgumentException($"Shift index {v} is out of range.", nameof(row));
            }
        }
    }

    private static int Rotation(CurtoisInstance instance, int employee, ReadOnlySpan<int> row, ICollection<CurtoisViolation>? sink)
    {
        var count = 0;
        for (var d = 0; d + 1 < row.Length; d++)
        {
            if (row[d] >= 0 && row[d + 1] >= 0 && instance.CannotFollowFast(row[d], row[d + 1]))
            {
                count++;
                sink?.Add(Make(instance, CurtoisRule.ShiftRotation, employee, d, d + 1,
                    $"shift {instance.Shifts[row[d + 1]].Id} cannot follow {instance.Shifts[row[d]].Id}"));
            }
        }

        return count;
    }

    private static int MaxShiftsPerType(CurtoisInstance instance, int employee, ReadOnlySpan<int> row, ICollection<CurtoisViolation>? sink)
    {
        var staff = instance.Staff[employee];
        var types = instance.Shifts.Count;
        // One pass over the row; shift type counts are few (at most 32 in the published instances).
        Span<int> worked = types <= 64 ? stackalloc int[types] : new int[types];
        foreach (var v in row)
        {
            if (v >= 0)
            {
                worked[v]++;
            }
        }

        var count = 0;
        for (var t = 0; t < types; t++)
        {
            if (worked[t] > staff.MaxShifts[t])
            {
                count++;
                sink?.Add(Make(instance, CurtoisRule.MaxShiftsPerType, employee, -1, -1,
                    $"{worked[t]} shifts of type {instance.Shifts[t].Id}, max {staff.MaxShifts[t]}"));
            }
        }

        return count;
    }

    private static int TotalMinutes(CurtoisInstance instance, int employee, ReadOnlySpan<int> row, ICollection<CurtoisViolation>? sink, bool lower)
    {
        var staff = instance.Staff[employee];
        long minutes = 0;
        foreach (var v in row)
        {
            if (v >= 0)
            {
                minutes += instance.Shifts[v].LengthMinutes;
            }
        }

        var broken = lower ? minutes < staff.MinTotalMinutes : minutes > staff.MaxTotalMinutes;
        if (!broken)
        {
            return 0;
        }

        sink?.Add(lower
            ? Make(instance, CurtoisRule.MinTotalMinutes, employee, -1, -1, $"{minutes} minutes worked, min {staff.MinTotalMinutes}")
            : Make(instance, CurtoisRule.MaxTotalMinutes, employee, -1, -1, $"{minutes} minutes worked, max {staff.MaxTotalMinutes}"));
        return 1;
    }

    private static int MaxConsecutive(CurtoisInstance instance, int employee, ReadOnlySpan<int> row, ICollection<CurtoisViolation>? sink)
    {
        var max = instance.Staff[employee].MaxConsecutiveShifts;
        var count = 0;
        var run = 0;
        for (var d = 0; d < row.Length; d++)
        {
            run = row[d] >= 0 ? run + 1 : 0;
            if (run > max)
            {
                // The window of max+1 worked days ending today.
                count++;
                sink?.Add(Make(instance, CurtoisRule.MaxConsecutiveShifts, employee, d - max, d,
                    $"{max + 1} consecutive working days, max {max}"));
            }
        }

        return count;
    }

    private static int MinBlocks(CurtoisInstance instance, int employee, ReadOnlySpan<int> row, ICollection<CurtoisViolation>? sink, bool working)
    {
        var staff = instance.Staff[employee];
        var min = working ? staff.MinConsecutiveShifts : staff.MinConsecutiveDaysOff;
        var count = 0;
        var d = 0;
        while (d < row.Length)
        {
            var start = d;
            var isWorking = row[d] >= 0;
            while (d < row.Length && (row[d] >= 0) == isWorking)
            {
                d++;
            }

            var end = d - 1;
            var length = d - start;
            // Only blocks with a neighbour of the other kind on both sides inside the horizon are constrained.
            if (isWorking == working && start > 0 && end < row.Length - 1 && length < min)
            {
                count++;
                sink?.Add(working
                    ? Make(instance, CurtoisRule.MinConsecutiveShifts, employee, start, end, $"block of {length} working day(s), min {min}")
                    : Make(instance, CurtoisRule.MinConsecutiveDaysOff, employee, start, end, $"block of {length} day(s) off, min {min}"));
            }
        }

        return count;
    }

    private static int Weekends(CurtoisInstance instance, int employee, ReadOnlySpan<int> row, ICollection<CurtoisViolation>? sink)
    {
        var max = instance.Staff[employee].MaxWeekends;
        var worked = WeekendsWorked(row);
        if (worked <= max)
        {
            return 0;
        }

        sink?.Add(Make(instance, CurtoisRule.MaxWeekends, employee, -1, -1, $"{worked} weekends worked, max {max}"));
        return 1;
    }

    private static int DaysOff(CurtoisInstance instance, int employee, ReadOnlySpan<int> row, ICollection<CurtoisViolation>? sink)
    {
        var count = 0;
        foreach (var d in instance.Staff[employee].DaysOff)
        {
            if (row[d] >= 0)
            {
                count++;
                sink?.Add(Make(instance, CurtoisRule.DaysOff, employee, d, d, $"shift {instance.Shifts[row[d]].Id} on a required day off"));
            }
        }

        return count;
    }

    private static CurtoisViolation Make(CurtoisInstance instance, CurtoisRule rule, int employee, int first, int last, FormattableString detail) =>
        new(rule, employee, instance.Staff[employee].Id, first, last, detail.ToString(CultureInfo.InvariantCulture));
}
