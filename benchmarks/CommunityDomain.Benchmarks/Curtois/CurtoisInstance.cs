using System.Globalization;
using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// A Curtois &amp; Qu shift scheduling instance (see <c>benchmarks/roster-benchmark/FORMAT.md</c>), immutable and
/// checked for internal consistency: every index refers to an existing day, shift type or employee, and every
/// (day, shift type) pair has exactly one cover line.
/// </summary>
/// <remarks>
/// Day 0 is a Monday; weekend <c>w</c> is days <c>7w+5</c> (Saturday) and <c>7w+6</c> (Sunday); the horizon
/// has <see cref="Weekends"/> weekends whose Saturday lies inside it. Employees and shift types are referred to
/// by their index in <see cref="Staff"/> and <see cref="Shifts"/>, in file order.
/// </remarks>
public sealed class CurtoisInstance
{
    private readonly Dictionary<string, int> _shiftIndex;
    private readonly Dictionary<string, int> _staffIndex;
    private readonly CurtoisCover[] _coverByDayShift;
    private readonly bool[] _dayOff;
    private readonly bool[] _forbiddenNext;

    /// <summary>Creates an instance from already resolved parts.</summary>
    /// <param name="name">A display name, e.g. <c>Instance1</c>; not blank.</param>
    /// <param name="days">The horizon length in days; positive.</param>
    /// <param name="shifts">The shift types; at least one, ids distinct, cannot-follow indexes in range.</param>
    /// <param name="staff">The employees; ids distinct, one shift maximum per shift type, days off in range.</param>
    /// <param name="onRequests">Shift-on requests; indexes in range.</param>
    /// <param name="offRequests">Shift-off requests; indexes in range.</param>
    /// <param name="cover">Exactly one cover line per (day, shift type) pair, any order.</param>
    /// <exception cref="ArgumentException">An argument breaks the rules above.</exception>
    public CurtoisInstance(
        string name,
        int days,
        IEnumerable<CurtoisShift> shifts,
        IEnumerable<CurtoisStaff> staff,
        IEnumerable<CurtoisRequest> onRequests,
        IEnumerable<CurtoisRequest> offRequests,
        IEnumerable<CurtoisCover> cover)
    {
        Name = Guard.Against.NullOrWhiteSpace(name);
        Days = Guard.Against.NegativeOrZero(days);
        Shifts = Array.AsReadOnly(Guard.Against.Null(shifts).ToArray());
        Staff = Array.AsReadOnly(Guard.Against.Null(staff).ToArray());
        OnRequests = Array.AsReadOnly(Guard.Against.Null(onRequests).ToArray());
        OffRequests = Array.AsReadOnly(Guard.Against.Null(offRequests).ToArray());
        Cover = Array.AsReadOnly(Guard.Against.Null(cover).ToArray());

        // Checks in named steps; each message is formatted only when its check fails (a district instance has thousands
        // of requests and cover lines, and formatting every message cost more than the checks on a cold start).
        Require(Shifts.Count > 0, nameof(shifts), "At least one shift type is required.");
        Require(Shifts.All(s => s is not null), nameof(shifts), "A shift type is null.");
        Require(Staff.All(s => s is not null), nameof(staff), "An employee is null.");
        (_shiftIndex, _forbiddenNext) = IndexShifts(Shifts);
        (_staffIndex, _dayOff) = IndexStaff(Staff, Shifts.Count, days);
        CheckRequests(OnRequests, nameof(onRequests));
        CheckRequests(OffRequests, nameof(offRequests));
        _coverByDayShift = IndexCover(Cover, Shifts, days);
    }

    /// <summary>The display name (the file name without extension for a loaded file).</summary>
    public string Name { get; }

    /// <summary>The horizon length in days; days are <c>0 .. Days-1</c>.</summary>
    public int Days { get; }

    /// <summary>The number of weekends whose Saturday (day <c>7w+5</c>) lies inside the horizon.</summary>
    public int Weekends => (Days + 1) / 7;

    /// <summary>The shift types in file order.</summary>
    public IReadOnlyList<CurtoisShift> Shifts { get; }

    /// <summary>The employees in file order.</summary>
    public IReadOnlyList<CurtoisStaff> Staff { get; }

    /// <summary>The shift-on requests in file order.</summary>
    public IReadOnlyList<CurtoisRequest> OnRequests { get; }

    /// <summary>The shift-off requests in file order.</summary>
    public IReadOnlyList<CurtoisRequest> OffRequests { get; }

    /// <summary>The cover lines in the order given.</summary>
    public IReadOnlyList<CurtoisCover> Cover { get; }

    /// <summary>The number of day-off entries over all employees (the size table counts these).</summary>
    public int DayOffEntries => Staff.Sum(s => s.DaysOff.Count);

    /// <summary>The cover line of a (day, shift type) pair.</summary>
    /// <param name="day">0-based day.</param>
    /// <param name="shift">Shift type index.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public CurtoisCover CoverAt(int day, int shift)
    {
        Guard.Against.OutOfRange(day, nameof(day), 0, Days - 1);
        Guard.Against.OutOfRange(shift, nameof(shift), 0, Shifts.Count - 1);
        return _coverByDayShift[(day * Shifts.Count) + shift];
    }

    /// <summary>True when the employee must not work on the day (<c>SECTION_DAYS_OFF</c>).</summary>
    /// <param name="employee">Employee index.</param>
    /// <param name="day">0-based day.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public bool IsDayOff(int employee, int day)
    {
        Guard.Against.OutOfRange(employee, nameof(employee), 0, Staff.Count - 1);
        Guard.Against.OutOfRange(day, nameof(day), 0, Days - 1);
        return _dayOff[(employee * Days) + day];
    }

    /// <summary>True when shift type <paramref name="next"/> must not be worked the day after <paramref name="shift"/>.</summary>
    /// <param name="shift">The shift type worked on day d.</param>
    /// <param name="next">The shift type considered for day d+1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public bool CannotFollow(int shift, int next)
    {
        Guard.Against.OutOfRange(shift, nameof(shift), 0, Shifts.Count - 1);
        Guard.Against.OutOfRange(next, nameof(next), 0, Shifts.Count - 1);
        return _forbiddenNext[(shift * Shifts.Count) + next];
    }

    /// <summary>The index of a shift type id, or -1 when there is none.</summary>
    /// <param name="id">The shift id as written in the file (case-sensitive).</param>
    public int ShiftIndex(string id) => _shiftIndex.TryGetValue(Guard.Against.Null(id), out var i) ? i : -1;

    /// <summary>The index of a staff id, or -1 when there is none.</summary>
    /// <param name="id">The staff id as written in the file (case-sensitive).</param>
    public int StaffIndex(string id) => _staffIndex.TryGetValue(Guard.Against.Null(id), out var i) ? i : -1;

    /// <summary>Returns <c>Name (D days, S staff, T shift types)</c> in the invariant culture.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} ({Days} days, {Staff.Count} staff, {Shifts.Count} shift types)");

    // Unchecked lookups for the evaluator's loops; callers have validated the indexes.
    internal bool DayOffFast(int employee, int day) => _dayOff[(employee * Days) + day];

    internal bool CannotFollowFast(int shift, int next) => _forbiddenNext[(shift * Shifts.Count) + next];

    internal CurtoisCover CoverFast(int day, int shift) => _coverByDayShift[(day * Shifts.Count) + shift];

    private static (Dictionary<string, int> Index, bool[] ForbiddenNext) IndexShifts(IReadOnlyList<CurtoisShift> shifts)
    {
        var t = shifts.Count;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var forbiddenNext = new bool[t * t];
        for (var i = 0; i < t; i++)
        {
            if (!index.TryAdd(shifts[i].Id, i))
            {
                throw new ArgumentException($"Duplicate shift id '{shifts[i].Id}'.", nameof(shifts));
            }
        }

        for (var i = 0; i < t; i++)
        {
            foreach (var next in shifts[i].CannotFollow)
            {
                if (next >= t)
                {
                    throw new ArgumentException($"Shift '{shifts[i].Id}' cannot-follow index {next} is out of range.", nameof(shifts));
                }

                forbiddenNext[(i * t) + next] = true;
            }
        }

        return (index, forbiddenNext);
    }

    private static (Dictionary<string, int> Index, bool[] DayOff) IndexStaff(IReadOnlyList<CurtoisStaff> staff, int t, int days)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var dayOff = new bool[staff.Count * days];
        for (var e = 0; e < staff.Count; e++)
        {
            var s = staff[e];
            if (!index.TryAdd(s.Id, e))
            {
                throw new ArgumentException($"Duplicate staff id '{s.Id}'.", nameof(staff));
            }

            if (s.MaxShifts.Count != t)
            {
                throw new ArgumentException($"Employee '{s.Id}' has {s.MaxShifts.Count} shift maxima for {t} shift types.", nameof(staff));
            }

            foreach (var d in s.DaysOff)
            {
                if (d >= days)
                {
                    throw new ArgumentException($"Employee '{s.Id}' day off {d} is outside the horizon.", nameof(staff));
                }

                dayOff[(e * days) + d] = true;
            }
        }

        return (index, dayOff);
    }

    private void CheckRequests(IReadOnlyList<CurtoisRequest> requests, string parameter)
    {
        foreach (var r in requests)
        {
            if (r.Employee >= Staff.Count || r.Day >= Days || r.Shift >= Shifts.Count)
            {
                throw new ArgumentException($"Request {r} is out of range.", parameter);
            }
        }
    }

    private static CurtoisCover[] IndexCover(IReadOnlyList<CurtoisCover> cover, IReadOnlyList<CurtoisShift> shifts, int days)
    {
        var t = shifts.Count;
        var byDayShift = new CurtoisCover[days * t];
        var seen = new bool[days * t];
        foreach (var c in cover)
        {
            if (c.Day >= days || c.Shift >= t)
            {
                throw new ArgumentException($"Cover {c} is out of range.", nameof(cover));
            }

            var k = (c.Day * t) + c.Shift;
            if (seen[k])
            {
                throw new ArgumentException($"Duplicate cover for day {c.Day}, shift '{shifts[c.Shift].Id}'.", nameof(cover));
            }

            seen[k] = true;
            byDayShift[k] = c;
        }

        var missing = Array.IndexOf(seen, false);
        Require(missing < 0, nameof(cover), missing < 0 ? string.Empty : $"No cover for day {missing / t}, shift '{shifts[missing % t].Id}'.");
        return byDayShift;
    }

    private static void Require(bool ok, string parameter, string message)
    {
        if (!ok)
        {
            throw new ArgumentException(message, parameter);
        }
    }
}
