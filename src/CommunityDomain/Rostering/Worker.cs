using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Text.Json.Serialization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering;

/// <summary>A person who can be rostered: staff, a volunteer or a medical worker.</summary>
/// <remarks>
/// A confined worker (e.g. a volunteer trapped in a sealed compound) can serve only at posts of
/// <see cref="ConfinedTo"/>, on duties dated from <see cref="ConfinedFrom"/> on (every date when it is null). Unavailable dates are hard; availability windows restrict the dates they
/// start on (see <see cref="AvailabilityWindow"/>). <see cref="Rules"/> overrides the problem's
/// rules for the worker's kind when set.
/// <para>
/// <see cref="DisplayName"/> is the name the host gives the worker for texts people read (the roster on the
/// wall, a volunteer's notice, a dispatch list): the views show it, while <see cref="ToString"/>, exception
/// messages and events keep to the id. The library never takes it from the resident register: a worker who is
/// also a resident (<see cref="Resident"/>) shows only what the office itself chose to post (e.g. a surname and
/// a role, "李 (志愿者)"), so a resident's registered name, ID number or phone never reaches a roster by way of
/// the link.
/// </para>
/// </remarks>
public sealed class Worker
{
    /// <summary>Creates a worker.</summary>
    /// <param name="id">The worker's id.</param>
    /// <param name="kind">Who the worker is.</param>
    /// <param name="home">The compound where the worker lives.</param>
    /// <param name="qualifications">The worker's qualifications (e.g. <c>scanner</c>); none when null.</param>
    /// <param name="confinedTo">The only compound the worker may serve in, or null.</param>
    /// <param name="availability">Availability windows; none when null.</param>
    /// <param name="unavailableDates">Dates the worker cannot serve at all; none when null.</param>
    /// <param name="rules">Work rules for this worker alone; null to use the problem's rules for the kind.</param>
    /// <param name="displayName">The name posted on rosters and notices (as the office writes it), or null to show the worker by number.</param>
    /// <param name="resident">The resident the worker is, when they are one (a resident volunteer), or null.</param>
    /// <param name="confinedFrom">The date of the first duty the confinement applies to (the day the compound was
    /// sealed), or null for every date; duties dated before it are judged as served before the sealing.</param>
    /// <exception cref="ArgumentException">An id is default, a qualification is blank, the display name is blank (but not null), or
    /// <paramref name="confinedFrom"/> is given without <paramref name="confinedTo"/>.</exception>
    public Worker(
        Id<Worker> id,
        WorkerKind kind,
        Id<Compound> home,
        IEnumerable<string>? qualifications = null,
        Id<Compound>? confinedTo = null,
        IEnumerable<AvailabilityWindow>? availability = null,
        IEnumerable<LocalDate>? unavailableDates = null,
        WorkRules? rules = null,
        string? displayName = null,
        Id<Resident>? resident = null,
        LocalDate? confinedFrom = null)
    {
        Id = Guard.Against.DefaultId(id);
        Kind = Guard.Against.EnumOutOfRange(kind);
        Home = Guard.Against.DefaultId(home);
        Qualifications = CheckQualifications(qualifications);
        if (confinedTo is { } c)
        {
            Guard.Against.DefaultId(c, nameof(confinedTo));
        }

        ConfinedTo = confinedTo;
        if (confinedFrom is not null && confinedTo is null)
        {
            throw new ArgumentException("A confinement date needs the compound the worker is confined to.", nameof(confinedFrom));
        }

        ConfinedFrom = confinedFrom;
        Availability = CheckWindows(availability);
        UnavailableDates = (unavailableDates ?? []).ToFrozenSet();
        Rules = rules;
        DisplayName = displayName is null ? null : Guard.Against.Blank(displayName, nameof(displayName)).Trim();
        if (resident is { } r)
        {
            Guard.Against.DefaultId(r, nameof(resident));
        }

        Resident = resident;
    }

    /// <summary>The qualifications as a set (none when null), each checked not blank.</summary>
    private static FrozenSet<string> CheckQualifications(IEnumerable<string>? qualifications)
    {
        var quals = (qualifications ?? []).ToList();
        foreach (var q in quals)
        {
            Guard.Against.Blank(q, nameof(qualifications));
        }

        return quals.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The availability windows as a read-only list (none when null), each checked to end after it starts.</summary>
    private static ReadOnlyCollection<AvailabilityWindow> CheckWindows(IEnumerable<AvailabilityWindow>? availability)
    {
        var windows = (availability ?? []).ToList();
        foreach (var w in windows)
        {
            Guard.Against.InvalidInput(w, nameof(availability), static x => x.End > x.Start, "An availability window must end after it starts.");
        }

        return windows.AsReadOnly();
    }

    /// <summary>
    /// Rebuilds a stored worker through the public constructor's checks (parameter types as the properties, for JSON).
    /// The display name, resident and confinement date are optional so that version-1 documents written before they existed still read.
    /// </summary>
    [JsonConstructor]
    internal Worker(
        Id<Worker> id,
        WorkerKind kind,
        Id<Compound> home,
        IReadOnlySet<string> qualifications,
        Id<Compound>? confinedTo,
        IReadOnlyList<AvailabilityWindow> availability,
        IReadOnlySet<LocalDate> unavailableDates,
        WorkRules? rules,
        string? displayName = null,
        Id<Resident>? resident = null,
        LocalDate? confinedFrom = null)
        : this(id, kind, home, (IEnumerable<string>)qualifications, confinedTo, (IEnumerable<AvailabilityWindow>)availability, (IEnumerable<LocalDate>)unavailableDates, rules, displayName, resident, confinedFrom)
    {
    }

    /// <summary>The worker's id.</summary>
    public Id<Worker> Id { get; }

    /// <summary>Who the worker is.</summary>
    public WorkerKind Kind { get; }

    /// <summary>The compound where the worker lives.</summary>
    public Id<Compound> Home { get; }

    /// <summary>The worker's qualifications.</summary>
    public IReadOnlySet<string> Qualifications { get; }

    /// <summary>The only compound the worker may serve in, or null.</summary>
    public Id<Compound>? ConfinedTo { get; }

    /// <summary>The first duty date <see cref="ConfinedTo"/> applies to, or null for every date.</summary>
    public LocalDate? ConfinedFrom { get; }

    /// <summary>Whether the confinement keeps this worker from a duty dated <paramref name="date"/> at <paramref name="compound"/>.</summary>
    internal bool ConfinedAway(LocalDate date, Id<Compound> compound) =>
        ConfinedTo is { } c && c != compound && (ConfinedFrom is not { } from || date >= from);

    /// <summary>Availability windows (see <see cref="AvailabilityWindow"/>).</summary>
    public IReadOnlyList<AvailabilityWindow> Availability { get; }

    /// <summary>Dates the worker cannot serve.</summary>
    public IReadOnlySet<LocalDate> UnavailableDates { get; }

    /// <summary>Rules for this worker alone, or null.</summary>
    public WorkRules? Rules { get; }

    /// <summary>The name posted on rosters and notices, or null (texts then show the worker by number).</summary>
    /// <remarks>Display text only: never in <see cref="ToString"/>, exception messages or events.</remarks>
    public string? DisplayName { get; }

    /// <summary>The resident the worker is, or null (staff, medical workers, volunteers from outside).</summary>
    public Id<Resident>? Resident { get; }

    /// <summary>Kind and id (never the display name).</summary>
    public override string ToString() => $"{Kind} {Id}";
}
