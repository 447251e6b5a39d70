using System.Globalization;
using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>One broken hard rule: which rule, whose schedule, which days and a readable detail.</summary>
/// <remarks>
/// <see cref="FirstDay"/> and <see cref="LastDay"/> are -1 for rules about the whole horizon (shift maxima,
/// total minutes, weekends). <c>default</c> is a <see cref="CurtoisRule.ShiftRotation"/> violation of employee 0
/// with empty id and detail, days 0..0; nothing produces it.
/// </remarks>
public readonly record struct CurtoisViolation
{
    /// <summary>Creates a violation.</summary>
    /// <param name="rule">The rule broken.</param>
    /// <param name="employee">Employee index; non-negative.</param>
    /// <param name="employeeId">The employee's id in the file; not blank.</param>
    /// <param name="firstDay">First day involved, or -1 for a horizon-wide rule.</param>
    /// <param name="lastDay">Last day involved (&gt;= <paramref name="firstDay"/>), or -1 for a horizon-wide rule.</param>
    /// <param name="detail">What is wrong, in English; not null.</param>
    /// <exception cref="ArgumentException">An argument breaks the rules above.</exception>
    public CurtoisViolation(CurtoisRule rule, int employee, string employeeId, int firstDay, int lastDay, string detail)
    {
        Rule = Guard.Against.EnumOutOfRange(rule);
        Employee = Guard.Against.Negative(employee);
        EmployeeId = Guard.Against.NullOrWhiteSpace(employeeId);
        FirstDay = Guard.Against.OutOfRange(firstDay, nameof(firstDay), -1, int.MaxValue);
        LastDay = Guard.Against.OutOfRange(lastDay, nameof(lastDay), firstDay, int.MaxValue);
        if ((firstDay < 0) != (lastDay < 0))
        {
            throw new ArgumentException("Both days are -1 or neither is.", nameof(lastDay));
        }

        Detail = Guard.Against.Null(detail);
    }

    /// <summary>The rule broken.</summary>
    public CurtoisRule Rule { get; }

    /// <summary>Employee index in <see cref="CurtoisInstance.Staff"/>.</summary>
    public int Employee { get; }

    /// <summary>The employee's id in the file.</summary>
    public string EmployeeId { get; }

    /// <summary>First day involved, or -1 for a horizon-wide rule.</summary>
    public int FirstDay { get; }

    /// <summary>Last day involved, or -1 for a horizon-wide rule.</summary>
    public int LastDay { get; }

    /// <summary>What is wrong, in English.</summary>
    public string Detail { get; }

    /// <summary>Returns e.g. <c>MinConsecutiveShifts, employee B, days 3-3: ...</c> in the invariant culture.</summary>
    public override string ToString()
    {
        var days = FirstDay < 0 ? "whole horizon"
            : FirstDay == LastDay ? string.Create(CultureInfo.InvariantCulture, $"day {FirstDay}")
            : string.Create(CultureInfo.InvariantCulture, $"days {FirstDay}-{LastDay}");
        return $"{Rule}, employee {EmployeeId}, {days}: {Detail}";
    }
}
