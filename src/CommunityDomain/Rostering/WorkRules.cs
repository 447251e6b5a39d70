using System.Collections.Frozen;
using System.Text.Json.Serialization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering;

/// <summary>
/// The hard limits on one worker's schedule over the horizon. At most one shift per date always holds.
/// </summary>
/// <remarks>
/// Consecutive-day rules assume no history outside the horizon: a block of working days (or days off)
/// that touches the first or last date is not held to a minimum length, and a run is counted from the
/// first date. A weekend is worked when its Saturday or Sunday is worked. Every limit is optional; the
/// defaults impose nothing.
/// </remarks>
public sealed class WorkRules
{
    // Ten years, in minutes and in dates: more than any horizon holds. Minimums beyond any horizon cannot be met anyway;
    // unbounded (int.MaxValue), their shortfalls (hard points) overflowed the planner's score.
    private const int MaxMinimumMinutes = 3_660 * 24 * 60;
    private const int MaxMinimumDays = 3_660;

    /// <summary>Creates work rules.</summary>
    /// <param name="maxShiftsPerCode">Maximum number of shifts of each code over the horizon (0 = never that shift).</param>
    /// <param name="minTotalMinutes">Minimum minutes worked over the horizon; at most ten years' minutes (5,270,400).</param>
    /// <param name="maxTotalMinutes">Maximum minutes worked over the horizon, or null.</param>
    /// <param name="maxMinutesPerWeek">Maximum minutes worked in any ISO week (Monday-Sunday), or null.</param>
    /// <param name="maxConsecutiveDays">Maximum consecutive working dates, or null.</param>
    /// <param name="minConsecutiveDays">Minimum length of a block of working dates (1 = no rule); at most 3,660 (ten years).</param>
    /// <param name="minConsecutiveDaysOff">Minimum length of a block of dates off (1 = no rule); at most 3,660 (ten years).</param>
    /// <param name="maxWeekends">Maximum worked weekends, or null.</param>
    /// <param name="minRest">Minimum rest between the end of one shift and the start of the next, or null; at most 24 hours.</param>
    /// <param name="forbiddenSuccessions">Shift pairs that may not follow each other on consecutive dates.</param>
    /// <exception cref="ArgumentException">A count is negative, a maximum is below its minimum, or a limit is out of range.</exception>
    public WorkRules(
        IReadOnlyDictionary<string, int>? maxShiftsPerCode = null,
        int minTotalMinutes = 0,
        int? maxTotalMinutes = null,
        int? maxMinutesPerWeek = null,
        int? maxConsecutiveDays = null,
        int minConsecutiveDays = 1,
        int minConsecutiveDaysOff = 1,
        int? maxWeekends = null,
        Duration? minRest = null,
        IEnumerable<ForbiddenSuccession>? forbiddenSuccessions = null)
    {
        var perCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, max) in maxShiftsPerCode ?? new Dictionary<string, int>())
        {
            Guard.Against.Blank(code, nameof(maxShiftsPerCode));
            Guard.Against.Negative(max, nameof(maxShiftsPerCode));
            perCode[code] = max;
        }

        MaxShiftsPerCode = perCode.ToFrozenDictionary(StringComparer.Ordinal);
        MinTotalMinutes = Guard.Against.OutOfRange(minTotalMinutes, nameof(minTotalMinutes), 0, MaxMinimumMinutes, "The minimum total minutes lies between 0 and ten years' minutes (5,270,400).");
        if (maxTotalMinutes < minTotalMinutes)
        {
            throw new ArgumentException("The maximum total minutes is below the minimum.", nameof(maxTotalMinutes));
        }

        MaxTotalMinutes = maxTotalMinutes;
        MaxMinutesPerWeek = maxMinutesPerWeek is { } w ? Guard.Against.Negative(w, nameof(maxMinutesPerWeek)) : null;
        MaxConsecutiveDays = maxConsecutiveDays is { } mc ? Guard.Against.NegativeOrZero(mc, nameof(maxConsecutiveDays)) : null;
        MinConsecutiveDays = Guard.Against.OutOfRange(minConsecutiveDays, nameof(minConsecutiveDays), 1, MaxMinimumDays, "The minimum consecutive days lies between 1 and 3,660 (ten years).");
        if (maxConsecutiveDays < minConsecutiveDays)
        {
            throw new ArgumentException("The maximum consecutive days is below the minimum.", nameof(maxConsecutiveDays));
        }

        MinConsecutiveDaysOff = Guard.Against.OutOfRange(minConsecutiveDaysOff, nameof(minConsecutiveDaysOff), 1, MaxMinimumDays, "The minimum consecutive days off lies between 1 and 3,660 (ten years).");
        MaxWeekends = maxWeekends is { } mw ? Guard.Against.Negative(mw, nameof(maxWeekends)) : null;
        if (minRest is { } rest)
        {
            Guard.Against.InvalidInput(rest, nameof(minRest), static r => r >= Duration.Zero && r <= Duration.FromHours(24), "Minimum rest lies between 0 and 24 hours.");
        }

        MinRest = minRest;
        ForbiddenSuccessions = (forbiddenSuccessions ?? []).Distinct().ToList().AsReadOnly();
        foreach (var f in ForbiddenSuccessions)
        {
            Guard.Against.InvalidInput(f, nameof(forbiddenSuccessions), static x => x.First is not null && x.Next is not null, "A forbidden succession needs both codes.");
        }
    }

    /// <summary>Rebuilds stored rules through the public constructor's checks (parameter types as the properties, for JSON).</summary>
    [JsonConstructor]
    internal WorkRules(
        IReadOnlyDictionary<string, int> maxShiftsPerCode,
        int minTotalMinutes,
        int? maxTotalMinutes,
        int? maxMinutesPerWeek,
        int? maxConsecutiveDays,
        int minConsecutiveDays,
        int minConsecutiveDaysOff,
        int? maxWeekends,
        Duration? minRest,
        IReadOnlyList<ForbiddenSuccession> forbiddenSuccessions)
        : this(maxShiftsPerCode, minTotalMinutes, maxTotalMinutes, maxMinutesPerWeek, maxConsecutiveDays, minConsecutiveDays, minConsecutiveDaysOff,
            maxWeekends, minRest, (IEnumerable<ForbiddenSuccession>)forbiddenSuccessions)
    {
    }

    /// <summary>Rules that impose nothing beyond one shift per date.</summary>
    public static WorkRules None { get; } = new();

    /// <summary>Maximum shifts per shift code (codes not listed are unlimited; 0 = never).</summary>
    public IReadOnlyDictionary<string, int> MaxShiftsPerCode { get; }

    /// <summary>Minimum minutes over the horizon.</summary>
    public int MinTotalMinutes { get; }

    /// <summary>Maximum minutes over the horizon, or null.</summary>
    public int? MaxTotalMinutes { get; }

    /// <summary>Maximum minutes in any ISO week, or null.</summary>
    public int? MaxMinutesPerWeek { get; }

    /// <summary>Maximum consecutive working dates, or null.</summary>
    public int? MaxConsecutiveDays { get; }

    /// <summary>Minimum length of an inner block of working dates.</summary>
    public int MinConsecutiveDays { get; }

    /// <summary>Minimum length of an inner block of dates off.</summary>
    public int MinConsecutiveDaysOff { get; }

    /// <summary>Maximum worked weekends, or null.</summary>
    public int? MaxWeekends { get; }

    /// <summary>Minimum rest between consecutive shifts, or null.</summary>
    public Duration? MinRest { get; }

    /// <summary>Shift pairs that may not follow each other on consecutive dates.</summary>
    public IReadOnlyList<ForbiddenSuccession> ForbiddenSuccessions { get; }
}
