namespace CommunityDomain.Rostering;

/// <summary>One worker's rules in dense form (shift indexes instead of codes).</summary>
internal sealed class CompiledRules
{
    public const int Unlimited = int.MaxValue;

    public required int[] MaxPerShift { get; init; }

    /// <summary>Row-major [first * shifts + next]: true when next may not follow first on the next day.</summary>
    public required bool[] Forbidden { get; init; }

    public required int MinMinutes { get; init; }

    public required int MaxMinutes { get; init; }

    public required int MaxWeekMinutes { get; init; }

    public required int MaxConsecutive { get; init; }

    public required int MinConsecutive { get; init; }

    public required int MinDaysOff { get; init; }

    public required int MaxWeekends { get; init; }
}
