namespace CommunityDomain.Rostering;

/// <summary>The rule a part of a roster's score comes from. Hard rules count violations; soft rules add penalty.</summary>
/// <remarks>
/// Hard amounts: one per assignment for <see cref="Unavailable"/>, <see cref="Qualification"/>,
/// <see cref="Confinement"/>; one per pair of successive duties for <see cref="ForbiddenSuccession"/>,
/// <see cref="Rest"/> and <see cref="Overlap"/>; one per shift above the maximum for
/// <see cref="MaxShiftsOfCode"/> and per weekend above it for <see cref="MaxWeekends"/>; one per started
/// hour beyond a bound for the minute rules; one per day beyond the limit (or missing from a block)
/// for the consecutive-day rules; one per missing person for <see cref="CoverMinimum"/> and per person
/// too many for <see cref="CoverMaximum"/>. New values are only ever appended.
/// </remarks>
public enum RuleKind
{
    /// <summary>Hard: on duty at a moment the worker cannot serve: any moment of an unavailable date, or outside the windows on a restricted date (see <see cref="AvailabilityWindow"/>).</summary>
    Unavailable,

    /// <summary>Hard: assigned without the demand's qualification.</summary>
    Qualification,

    /// <summary>Hard: a confined worker assigned outside their compound.</summary>
    Confinement,

    /// <summary>Hard: a shift pair the rules forbid on consecutive dates (<see cref="WorkRules.ForbiddenSuccessions"/>).</summary>
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

    /// <summary>Hard: less than <see cref="WorkRules.MinRest"/> between the end of a duty and the start of the worker's next duty, however many dates apart.</summary>
    Rest,

    /// <summary>Hard: two duties of a worker overlap in time (a long shift still running when the next starts).</summary>
    Overlap,

    /// <summary>Hard: more people than a demand's maximum (through pins, or in the best roster of a problem that has no roster keeping every hard rule).</summary>
    CoverMaximum,
}
