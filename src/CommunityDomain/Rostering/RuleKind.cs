namespace CommunityDomain.Rostering;

/// <summary>The rule a part of a roster's score comes from. Hard rules count violations; soft rules add penalty.</summary>
/// <remarks>
/// Hard amounts: one per assignment for <see cref="Unavailable"/>, <see cref="Qualification"/>,
/// <see cref="Confinement"/> and <see cref="ForbiddenSuccession"/>; one per shift above the maximum for
/// <see cref="MaxShiftsOfCode"/> and per weekend above it for <see cref="MaxWeekends"/>; one per started
/// hour beyond a bound for the minute rules; one per day beyond the limit (or missing from a block)
/// for the consecutive-day rules; one per missing person for <see cref="CoverMinimum"/>.
/// </remarks>
public enum RuleKind
{
    /// <summary>Hard: assigned on an unavailable date or outside the availability windows.</summary>
    Unavailable,

    /// <summary>Hard: assigned without the demand's qualification.</summary>
    Qualification,

    /// <summary>Hard: a confined worker assigned outside their compound.</summary>
    Confinement,

    /// <summary>Hard: a forbidden succession, too little rest, or overlapping shifts on consecutive dates.</summary>
    ForbiddenSuccession,

    /// <summary>Hard: more shifts of a code than allowed.</summary>
    MaxShiftsOfCode,

    /// <summary>Hard: fewer minutes than the minimum over the horizon.</summary>
    MinTotalMinutes,

    /// <summary>Hard: more minutes than the maximum over the horizon.</summary>
    MaxTotalMinutes,

    /// <summary>Hard: more minutes than allowed in an ISO week.</summary>
    MaxWeekMinutes,

    /// <summary>Hard: too many consecutive working dates.</summary>
    MaxConsecutiveDays,

    /// <summary>Hard: an inner block of working dates that is too short.</summary>
    MinConsecutiveDays,

    /// <summary>Hard: an inner block of dates off that is too short.</summary>
    MinConsecutiveDaysOff,

    /// <summary>Hard: too many worked weekends.</summary>
    MaxWeekends,

    /// <summary>Hard: fewer people than a demand's minimum.</summary>
    CoverMinimum,

    /// <summary>Soft: fewer people than required.</summary>
    CoverUnder,

    /// <summary>Soft: more people than required.</summary>
    CoverOver,

    /// <summary>Soft: a shift-on wish not granted.</summary>
    ShiftOnWish,

    /// <summary>Soft: a shift-off wish not granted.</summary>
    ShiftOffWish,

    /// <summary>Soft: an assignment outside the worker's home compound.</summary>
    OwnCompound,

    /// <summary>Soft: unbalanced minutes within a group of workers of the same kind and qualifications.</summary>
    Fairness,
}
