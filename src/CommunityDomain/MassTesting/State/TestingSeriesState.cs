using System.Globalization;

namespace CommunityDomain.MassTesting.State;

/// <summary>
/// Everything a testing series holds, its rounds included, as plain data: what a host stores, and what
/// <see cref="TestingSeries.Restore"/> rebuilds the series from.
/// </summary>
/// <remarks>Rounds are in date order. Two states are equal when every list holds equal items in the same order.</remarks>
public sealed record TestingSeriesState
{
    /// <summary>The series id's value.</summary>
    public required int Id { get; init; }

    /// <summary>The series' name.</summary>
    public required string Name { get; init; }

    /// <summary>The first day.</summary>
    public required LocalDate FirstDay { get; init; }

    /// <summary>The number of consecutive days (1-366).</summary>
    public required int Days { get; init; }

    /// <summary>The local time every round starts.</summary>
    public required LocalTime DailyStart { get; init; }

    /// <summary>The IANA id of the community's time zone, e.g. <c>Asia/Shanghai</c>.</summary>
    public required string ZoneId { get; init; }

    /// <summary>The series' version (one per round started).</summary>
    public required long Version { get; init; }

    /// <summary>The rounds started, in date order.</summary>
    public required IReadOnlyList<TestingRoundState> Rounds { get; init; }

    /// <inheritdoc />
    public bool Equals(TestingSeriesState? other) =>
        other is not null
        && Id == other.Id
        && Name == other.Name
        && FirstDay == other.FirstDay
        && Days == other.Days
        && DailyStart == other.DailyStart
        && ZoneId == other.ZoneId
        && Version == other.Version
        && Rounds.SequenceEqual(other.Rounds);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, FirstDay, Days, Version, Rounds.Count);

    /// <summary>Name, days, version and rounds.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"TestingSeriesState '{Name}' {FirstDay:yyyy-MM-dd} x{Days} v{Version}: {Rounds.Count} rounds");
}
