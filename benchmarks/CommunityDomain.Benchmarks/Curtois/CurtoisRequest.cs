using System.Globalization;
using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// One line of <c>SECTION_SHIFT_ON_REQUESTS</c> or <c>SECTION_SHIFT_OFF_REQUESTS</c>: an employee would
/// like (on) or would not like (off) a shift type on a day, with the penalty weight if not granted.
/// </summary>
/// <remarks><c>default</c> is employee 0 asking about shift 0 on day 0 with weight 0 (no penalty).</remarks>
public readonly record struct CurtoisRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="employee">Employee index; non-negative.</param>
    /// <param name="day">0-based day; non-negative.</param>
    /// <param name="shift">Shift type index; non-negative.</param>
    /// <param name="weight">Penalty when not granted; non-negative.</param>
    /// <exception cref="ArgumentException">A negative argument.</exception>
    public CurtoisRequest(int employee, int day, int shift, int weight)
    {
        Employee = Guard.Against.Negative(employee);
        Day = Guard.Against.Negative(day);
        Shift = Guard.Against.Negative(shift);
        Weight = Guard.Against.Negative(weight);
    }

    /// <summary>Employee index in <see cref="CurtoisInstance.Staff"/>.</summary>
    public int Employee { get; }

    /// <summary>0-based day.</summary>
    public int Day { get; }

    /// <summary>Shift type index in <see cref="CurtoisInstance.Shifts"/>.</summary>
    public int Shift { get; }

    /// <summary>Penalty when the request is not granted.</summary>
    public int Weight { get; }

    /// <summary>Returns <c>employee/day/shift weight w</c> with indexes, in the invariant culture.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"employee {Employee} day {Day} shift {Shift} weight {Weight}");
}
