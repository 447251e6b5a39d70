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

    /// <summary>Same index, next one date after first: 0, <see cref="RestCode"/> or <see cref="OverlapCode"/>.</summary>
    public required byte[] Timing { get; init; }

    /// <summary>Same index, next two dates after first (a date off between them): 0 or <see cref="RestCode"/>.</summary>
    public required byte[] Timing2 { get; init; }

    /// <summary>Same index: next may not follow first on the next date for any reason (the search's view).</summary>
    public required bool[] Blocked { get; init; }

    /// <summary>Same index: next may not follow first two dates later.</summary>
    public required bool[] Blocked2 { get; init; }

    /// <summary>True when some entry of <see cref="Blocked2"/> is set (the one-worker search then tracks the last shift over a date off).</summary>
    public required bool AnyBlocked2 { get; init; }

    public required int MinMinutes { get; init; }

    public required int MaxMinutes { get; init; }

    public required int MaxWeekMinutes { get; init; }

    public required int MaxConsecutive { get; init; }

    public required int MinConsecutive { get; init; }

    public required int MinDaysOff { get; init; }

    public required int MaxWeekends { get; init; }
}
