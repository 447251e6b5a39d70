using System.Globalization;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>
/// Which duties a repair must leave alone: those starting before <see cref="RepairOptions.FrozenBefore"/>, a duty's
/// start being its date at its shift's start time in the problem's zone (<see cref="ShiftDefinition.On"/>; the options'
/// zone for a problem in UTC, one created without a zone). Without a freeze instant nothing is frozen.
/// </summary>
internal sealed class RepairFreeze
{
    private readonly Instant? _before;
    private readonly DateTimeZone _zone;
    private readonly Dictionary<string, ShiftDefinition> _shifts;
    private readonly IReadOnlyList<ShiftDefinition> _ordered;

    public RepairFreeze(RosterProblem problem, RepairOptions options)
    {
        _before = options.FrozenBefore;
        // The problem's clock, unless it has none of its own (UTC: created without a zone) and the options name one.
        _zone = options.Zone is { } z && problem.HasOwnZone && !Kernel.ZoneClock.Same(z, problem.Zone)
            ? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The freeze is read in the problem's zone ({problem.Zone.Id}); the options name {z.Id}."), nameof(options))
            : options.Zone ?? problem.Zone;
        _ordered = problem.Shifts;
        _shifts = problem.Shifts.ToDictionary(s => s.Code, StringComparer.Ordinal);
        Date = _before is { } b ? b.InZone(_zone).Date : problem.Horizon.Start;
    }

    /// <summary>The date the freeze instant falls on in the zone (the horizon's start without one): changes apply from it.</summary>
    public LocalDate Date { get; }

    /// <summary>The instant a shift starts on a date.</summary>
    public Instant Start(LocalDate date, ShiftDefinition shift) => shift.On(date, _zone).Start;

    /// <summary>True when the duty of <paramref name="code"/> on <paramref name="date"/> starts before the freeze instant.</summary>
    public bool IsFrozen(LocalDate date, string code) => _before is { } b && Start(date, _shifts[code]) < b;

    /// <summary>True when the assignment's duty starts before the freeze instant.</summary>
    public bool IsFrozen(RosterAssignment a) => IsFrozen(a.Date, a.ShiftCode);

    /// <summary>True when every shift of <paramref name="date"/> starts before the freeze instant (a date wholly gone by).</summary>
    public bool IsPast(LocalDate date) => _before is not null && _ordered.All(s => IsFrozen(date, s.Code));

    /// <summary>
    /// On a date some of whose shifts start before the freeze instant and some at or after it, the earliest local start
    /// of those at or after it; null on other dates. The lenient mapping never runs backwards, so a shift of that date
    /// starts at or after the freeze instant exactly when its local start is at or after this.
    /// </summary>
    public LocalDateTime? OpenFrom(LocalDate date)
    {
        if (_before is null || IsPast(date) || !_ordered.Any(s => IsFrozen(date, s.Code)))
        {
            return null;
        }

        return _ordered.Where(s => !IsFrozen(date, s.Code)).Min(s => date.At(s.Start));
    }

    /// <summary>E.g. <c>2022-08-23 07:30 (Asia/Shanghai)</c>, or <c>the horizon's start</c>.</summary>
    public override string ToString() => _before is { } b
        ? string.Create(CultureInfo.InvariantCulture, $"{b.InZone(_zone).LocalDateTime:uuuu-MM-dd HH:mm} ({_zone.Id})")
        : "the horizon's start";
}
