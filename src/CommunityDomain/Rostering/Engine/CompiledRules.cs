namespace CommunityDomain.Rostering.Engine;

/// <summary>One worker's rules in dense form (shift indexes instead of codes).</summary>
internal sealed class CompiledRules
{
    public const int Unlimited = int.MaxValue;

    /// <summary>A <see cref="Timing"/> entry: too little rest between the two duties.</summary>
    public const byte RestCode = 1;

    /// <summary>A <see cref="Timing"/> entry: the two duties overlap.</summary>
    public const byte OverlapCode = 2;

    public required int[] MaxPerShift { get; init; }

    /// <summary>Row-major [first * shifts + next]: true when an explicit forbidden succession bans next the day after first.</summary>
    public required bool[] Forbidden { get; init; }

    /// <summary>
    /// [date of next][first * shifts + next], next on that date and first on the date before: 0, <see cref="RestCode"/> or
    /// <see cref="OverlapCode"/>, judged on their instants (<see cref="DutyTimings"/>). Dates without a clock change share one table.
    /// </summary>
    public required byte[][] Timing { get; init; }

    /// <summary>Same index, first two dates before next (a date off between them): 0, <see cref="RestCode"/>, or <see cref="OverlapCode"/> across a jump forward.</summary>
    public required byte[][] Timing2 { get; init; }

    /// <summary>Same index, first three dates before next: null on the dates where no such pair breaks a rule (every date but a few after a spring-forward change).</summary>
    public required byte[]?[] Timing3 { get; init; }

    /// <summary>[first * shifts + next]: a <see cref="Timing"/> rule only where it holds on every date (a relaxation, for the bound).</summary>
    public required byte[] LooseTiming { get; init; }

    /// <summary>Same index as <see cref="Timing"/>: next may not follow first on the date before for any reason (the search's view).</summary>
    public required bool[][] Blocked { get; init; }

    /// <summary>Same index as <see cref="Timing2"/>: next may not follow first two dates before.</summary>
    public required bool[][] Blocked2 { get; init; }

    /// <summary>The <see cref="Blocked"/> table of every date not in <see cref="ChangeDates"/> (the first date follows none, so it is one of them).</summary>
    public bool[] UsualBlocked => Blocked[0];

    /// <summary>The <see cref="Blocked2"/> table of every date not in <see cref="ChangeDates"/>.</summary>
    public bool[] UsualBlocked2 => Blocked2[0];

    /// <summary>Ascending dates with their own tables: the clock changed since one of the three dates before (none in most problems).</summary>
    public required int[] ChangeDates { get; init; }

    /// <summary>True when duties two dates apart overlap on some date (a 24-hour duty from 23:00 across a spring-forward jump): the checks of neighbours then look two dates away too.</summary>
    public required bool AnyOverlap2 { get; init; }

    /// <summary>True when some entry of <see cref="Blocked2"/> is set on some date (the one-worker search then tracks the last shift over a date off).</summary>
    public required bool AnyBlocked2 { get; init; }

    public required int MinMinutes { get; init; }

    public required int MaxMinutes { get; init; }

    public required int MaxWeekMinutes { get; init; }

    public required int MaxConsecutive { get; init; }

    public required int MinConsecutive { get; init; }

    public required int MinDaysOff { get; init; }

    public required int MaxWeekends { get; init; }
}
