using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// One employee: a line of <c>SECTION_STAFF</c> together with the employee's <c>SECTION_DAYS_OFF</c> days.
/// </summary>
/// <remarks>
/// <see cref="MaxShifts"/> is indexed by shift type; a shift type the file's <c>MaxShifts</c> field does not
/// list gets the bound <see cref="int.MaxValue"/> (no limit).
/// </remarks>
public sealed class CurtoisStaff
{
    /// <summary>Creates an employee.</summary>
    /// <param name="id">The staff id of the file (<c>A</c>, <c>AB</c> ...); not blank.</param>
    /// <param name="maxShifts">Per shift type index, the maximum number of such shifts; non-negative.</param>
    /// <param name="maxTotalMinutes">Maximum total minutes worked; non-negative.</param>
    /// <param name="minTotalMinutes">Minimum total minutes worked; non-negative.</param>
    /// <param name="maxConsecutiveShifts">Maximum consecutive working days; non-negative.</param>
    /// <param name="minConsecutiveShifts">Minimum length of a bounded block of working days; non-negative.</param>
    /// <param name="minConsecutiveDaysOff">Minimum length of a bounded block of days off; non-negative.</param>
    /// <param name="maxWeekends">Maximum worked weekends; non-negative.</param>
    /// <param name="daysOff">Days that must not be worked; non-negative and distinct (stored sorted).</param>
    /// <exception cref="ArgumentException">An argument breaks the rules above.</exception>
    public CurtoisStaff(
        string id,
        IEnumerable<int> maxShifts,
        int maxTotalMinutes,
        int minTotalMinutes,
        int maxConsecutiveShifts,
        int minConsecutiveShifts,
        int minConsecutiveDaysOff,
        int maxWeekends,
        IEnumerable<int> daysOff)
    {
        Id = Guard.Against.NullOrWhiteSpace(id);
        Guard.Against.Null(maxShifts);
        var max = maxShifts.ToArray();
        if (max.Any(m => m < 0))
        {
            throw new ArgumentException("Shift maxima must be non-negative.", nameof(maxShifts));
        }

        MaxShifts = Array.AsReadOnly(max);
        MaxTotalMinutes = Guard.Against.Negative(maxTotalMinutes);
        MinTotalMinutes = Guard.Against.Negative(minTotalMinutes);
        MaxConsecutiveShifts = Guard.Against.Negative(maxConsecutiveShifts);
        MinConsecutiveShifts = Guard.Against.Negative(minConsecutiveShifts);
        MinConsecutiveDaysOff = Guard.Against.Negative(minConsecutiveDaysOff);
        MaxWeekends = Guard.Against.Negative(maxWeekends);
        Guard.Against.Null(daysOff);
        var off = daysOff.ToArray();
        if (off.Any(d => d < 0) || off.Distinct().Count() != off.Length)
        {
            throw new ArgumentException("Days off must be non-negative and distinct.", nameof(daysOff));
        }

        Array.Sort(off);
        DaysOff = Array.AsReadOnly(off);
    }

    /// <summary>The staff id as written in the file.</summary>
    public string Id { get; }

    /// <summary>Per shift type index, the maximum number of shifts of that type over the horizon.</summary>
    public IReadOnlyList<int> MaxShifts { get; }

    /// <summary>Maximum total minutes worked over the horizon.</summary>
    public int MaxTotalMinutes { get; }

    /// <summary>Minimum total minutes worked over the horizon.</summary>
    public int MinTotalMinutes { get; }

    /// <summary>Maximum number of consecutive working days.</summary>
    public int MaxConsecutiveShifts { get; }

    /// <summary>Minimum length of a block of working days bounded by days off on both sides.</summary>
    public int MinConsecutiveShifts { get; }

    /// <summary>Minimum length of a block of days off bounded by working days on both sides.</summary>
    public int MinConsecutiveDaysOff { get; }

    /// <summary>Maximum number of worked weekends.</summary>
    public int MaxWeekends { get; }

    /// <summary>The days that must not be worked, ascending.</summary>
    public IReadOnlyList<int> DaysOff { get; }

    /// <summary>Returns the id, e.g. <c>A</c>.</summary>
    public override string ToString() => Id;
}
