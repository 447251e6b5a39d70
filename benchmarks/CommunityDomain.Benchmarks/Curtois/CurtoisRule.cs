namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// The hard rules of <c>benchmarks/roster-benchmark/FORMAT.md</c> that a roster array can break. Rule 1 (at most
/// one shift per employee-day) holds by construction of <see cref="CurtoisSolution"/> and has no member.
/// </summary>
public enum CurtoisRule
{
    /// <summary>Rule 2: a shift on day d+1 that is in the cannot-follow list of the shift on day d.</summary>
    ShiftRotation,

    /// <summary>Rule 3: more shifts of one type than the employee's <c>MaxShifts</c> for it.</summary>
    MaxShiftsPerType,

    /// <summary>Rule 4, lower side: total minutes below <c>MinTotalMinutes</c>.</summary>
    MinTotalMinutes,

    /// <summary>Rule 4, upper side: total minutes above <c>MaxTotalMinutes</c>.</summary>
    MaxTotalMinutes,

    /// <summary>Rule 5: <c>MaxConsecutiveShifts + 1</c> consecutive days all worked.</summary>
    MaxConsecutiveShifts,

    /// <summary>Rule 6: a block of working days bounded by days off on both sides is shorter than <c>MinConsecutiveShifts</c>.</summary>
    MinConsecutiveShifts,

    /// <summary>Rule 7: a block of days off bounded by working days on both sides is shorter than <c>MinConsecutiveDaysOff</c>.</summary>
    MinConsecutiveDaysOff,

    /// <summary>Rule 8: more worked weekends than <c>MaxWeekends</c>.</summary>
    MaxWeekends,

    /// <summary>Rule 9: a shift on a day of <c>SECTION_DAYS_OFF</c>.</summary>
    DaysOff,
}
