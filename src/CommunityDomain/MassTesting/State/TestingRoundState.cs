using System.Globalization;

namespace CommunityDomain.MassTesting.State;

/// <summary>
/// Everything a testing round holds, as plain data: its must-test list, sites, tubes with their pools and
/// results (late ones included), re-samples, exemptions with their reasons, door-to-door tubes, assisted
/// registrations and antigen reports. <see cref="TestingSeries.Restore"/> rebuilds the round from it.
/// </summary>
/// <remarks>
/// Sites are in id order and tubes in opening order; who was sampled, who was re-sampled and which tubes are
/// still open follow from the tubes and are not stored. Excusals are in resident id order and assisted
/// residents ascending. Two states are equal when every list holds equal items in the same order.
/// </remarks>
public sealed record TestingRoundState
{
    /// <summary>The round's number in its series (1 for the first day).</summary>
    public required int Number { get; init; }

    /// <summary>The round's date.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>The round's version.</summary>
    public required long Version { get; init; }

    /// <summary>Pool size for the general population.</summary>
    public required int GeneralPool { get; init; }

    /// <summary>Pool size for key groups.</summary>
    public required int KeyGroupPool { get; init; }

    /// <summary>The must-test list fixed at the start.</summary>
    public required MustTestListState MustTest { get; init; }

    /// <summary>The sites, in id order.</summary>
    public required IReadOnlyList<SamplingSiteState> Sites { get; init; }

    /// <summary>Every tube, in opening order.</summary>
    public required IReadOnlyList<TubeState> Tubes { get; init; }

    /// <summary>Residents marked away or exempt after the start, in resident id order.</summary>
    public required IReadOnlyList<ExcusalState> Excused { get; init; }

    /// <summary>Resident id values whose registration was assisted, ascending.</summary>
    public required IReadOnlyList<int> Assisted { get; init; }

    /// <summary>Antigen self-test reports, in recording order.</summary>
    public required IReadOnlyList<AntigenReportState> AntigenReports { get; init; }

    /// <summary>The latest sampling instant, if anyone was sampled.</summary>
    public Instant? LastSample { get; init; }

    /// <inheritdoc />
    public bool Equals(TestingRoundState? other) =>
        other is not null
        && Number == other.Number
        && Date == other.Date
        && Version == other.Version
        && GeneralPool == other.GeneralPool
        && KeyGroupPool == other.KeyGroupPool
        && MustTest.Equals(other.MustTest)
        && Sites.SequenceEqual(other.Sites)
        && Tubes.SequenceEqual(other.Tubes)
        && Excused.SequenceEqual(other.Excused)
        && Assisted.SequenceEqual(other.Assisted)
        && AntigenReports.SequenceEqual(other.AntigenReports)
        && LastSample == other.LastSample;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Number, Date, Version, Sites.Count, Tubes.Count, Excused.Count);

    /// <summary>Number, date, version and counts; no names, no reasons.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"TestingRoundState {Number} on {Date:yyyy-MM-dd} v{Version}: {MustTest.Entries.Count} listed, {Sites.Count} sites, {Tubes.Count} tubes, {Excused.Count} excused");
}
