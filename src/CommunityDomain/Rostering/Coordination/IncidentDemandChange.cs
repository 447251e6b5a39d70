using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>
/// What <see cref="IncidentRaisesDemand"/> and <see cref="IncidentLowersDemand"/> share: an incident's post, window and
/// extra people, and which of the post's shifts its window overlaps.
/// </summary>
/// <remarks>
/// A shift on date d runs from d at its start time in <see cref="Zone"/> for its duration (it may cross midnight);
/// it overlaps a window when it starts before the window ends (never, for a window without an end) and ends after
/// the window starts.
/// </remarks>
public abstract record IncidentDemandChange : RosterChange
{
    private protected IncidentDemandChange(Id<Post> post, Interval window, bool resolved, int extra, DateTimeZone zone, string? qualification)
    {
        Post = Guard.Against.DefaultId(post);
        Window = resolved
            ? Guard.Against.InvalidInput(window, nameof(window), static w => w.HasStart && w.HasEnd, "A resolved incident's window has a start and an end.")
            : Guard.Against.InvalidInput(window, nameof(window), static w => w.HasStart, "An incident's window has a start.");
        Extra = Guard.Against.OutOfRange(extra, nameof(extra), 1, 20, "An incident adds 1 to 20 people.");
        Zone = Guard.Against.Null(zone);
        Qualification = qualification is null ? null : Guard.Against.Blank(qualification);
    }

    /// <summary>The post.</summary>
    public Id<Post> Post { get; }

    /// <summary>When the incident is or was open: start inclusive, end exclusive (unbounded while unresolved).</summary>
    public Interval Window { get; }

    /// <summary>The extra people the incident's report asked for (1 to 20).</summary>
    public int Extra { get; }

    /// <summary>The time zone the shifts' local times are in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The qualification of the demands changed, or null for the unqualified ones.</summary>
    public string? Qualification { get; }

    /// <summary>The shift's time window on a date, in the zone (lenient across clock changes).</summary>
    /// <param name="date">The date the shift starts on.</param>
    /// <param name="shift">The shift.</param>
    /// <returns>The shift's interval.</returns>
    public Interval ShiftWindow(LocalDate date, ShiftDefinition shift) => shift.On(date, Zone);

    /// <summary>True when a shift on a date overlaps the incident's window.</summary>
    /// <param name="date">The date the shift starts on.</param>
    /// <param name="shift">The shift.</param>
    /// <returns>Whether the two intervals share an instant.</returns>
    public bool Overlaps(LocalDate date, ShiftDefinition shift) => Overlaps(Window, date, shift);

    /// <summary>True when a shift on a date overlaps <paramref name="window"/> (no end: open to the end of time).</summary>
    private protected bool Overlaps(Interval window, LocalDate date, ShiftDefinition shift)
    {
        var s = ShiftWindow(date, shift);
        return s.Start < (window.HasEnd ? window.End : Instant.MaxValue) && window.Start < s.End;
    }

    /// <summary>
    /// The problem with <paramref name="change"/> applied to each demand of <see cref="Post"/> with <see cref="Qualification"/>
    /// whose shift <paramref name="selects"/> picks; every other demand stays as it was.
    /// </summary>
    private protected RosterProblem ChangeDemands(RosterProblem problem, Func<LocalDate, ShiftDefinition, bool> selects, Func<Demand, Demand> change)
    {
        var shifts = problem.Shifts.ToDictionary(s => s.Code, StringComparer.Ordinal);
        return problem.With(demands: problem.Demands.Select(d =>
            d.Post == Post && d.Qualification == Qualification && selects(d.Date, shifts[d.ShiftCode]) ? change(d) : d));
    }
}
