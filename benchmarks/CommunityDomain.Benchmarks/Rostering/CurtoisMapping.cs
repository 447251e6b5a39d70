using System.Globalization;
using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using NodaTime;

namespace CommunityDomain.Benchmarks.Rostering;

/// <summary>
/// Maps a Curtois &amp; Qu instance onto the library's public <see cref="RosterProblem"/> and a
/// <see cref="Roster"/> back onto a <see cref="CurtoisSolution"/>. Day 0 is Monday 2024-01-01; one post
/// in one compound; one shift definition per shift type (start 00:00, so rest never binds; the
/// cannot-follow lists become forbidden successions); cover lines become demands with their weights;
/// staff lines become per-worker rules (a maximum of 0 forbids the shift); days off become unavailable
/// dates; requests become wishes.
/// </summary>
public static class CurtoisMapping
{
    /// <summary>The date of day 0 (a Monday).</summary>
    public static readonly LocalDate DayZero = new(2024, 1, 1);

    /// <summary>The single post every demand belongs to.</summary>
    public static readonly Id<Post> Post = new(1);

    /// <summary>The single compound.</summary>
    public static readonly Id<Compound> Compound = new(1);

    /// <summary>Builds the rostering problem of an instance.</summary>
    /// <exception cref="NotSupportedException">A well-formed shift or staff line the planner's model refuses (a shift
    /// over 24 h, <c>MaxConsecutiveShifts</c> 0, a maximum below its minimum); the message names the line's id.</exception>
    /// <remarks>Plain loops rather than LINQ: each LINQ operator over a new element type is a generic instantiation the
    /// JIT compiles on a cold start, and the <c>curtois</c> command counts the mapping in its time limit.</remarks>
    public static RosterProblem ToProblem(CurtoisInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var horizon = new DateInterval(DayZero, DayZero.PlusDays(instance.Days - 1));
        var shifts = new List<ShiftDefinition>(instance.Shifts.Count);
        var successions = new List<ForbiddenSuccession>();
        foreach (var s in instance.Shifts)
        {
            shifts.Add(Refusing($"shift type {s.Id}", () => new ShiftDefinition(s.Id, LocalTime.Midnight, Duration.FromMinutes(s.LengthMinutes))));
            foreach (var n in s.CannotFollow)
            {
                successions.Add(new ForbiddenSuccession(s.Id, instance.Shifts[n].Id));
            }
        }

        return RosterProblem.Create(horizon, shifts, Demands(instance), Workers(instance, successions), wishes: Wishes(instance));
    }

    /// <summary>One worker per staff line. Staff with the same contract share one <see cref="WorkRules"/>: the planner
    /// compiles one rule set per rules object, and a district instance has hundreds of staff on a few dozen contracts, each
    /// with every cannot-follow pair.</summary>
    private static List<Worker> Workers(CurtoisInstance instance, List<ForbiddenSuccession> successions)
    {
        var contracts = new Dictionary<string, WorkRules>(StringComparer.Ordinal);
        var workers = new List<Worker>(instance.Staff.Count);
        for (var e = 0; e < instance.Staff.Count; e++)
        {
            var s = instance.Staff[e];
            var daysOff = new LocalDate[s.DaysOff.Count];
            for (var i = 0; i < daysOff.Length; i++)
            {
                daysOff[i] = DayZero.PlusDays(s.DaysOff[i]);
            }

            workers.Add(new Worker(WorkerId(e), WorkerKind.Staff, Compound, unavailableDates: daysOff, rules: RulesOf(instance, s, successions, contracts)));
        }

        return workers;
    }

    /// <summary>One demand per cover line, with its weights; the benchmark prices over-cover, never forbids it.</summary>
    private static List<Demand> Demands(CurtoisInstance instance)
    {
        var demands = new List<Demand>(instance.Cover.Count);
        foreach (var c in instance.Cover)
        {
            demands.Add(new Demand(
                Post, Compound, DayZero.PlusDays(c.Day), instance.Shifts[c.Shift].Id, c.Requirement, c.WeightUnder, c.WeightOver,
                maximum: Math.Max(c.Requirement, instance.Staff.Count)));
        }

        return demands;
    }

    /// <summary>The shift-on requests, then the shift-off requests, as wishes.</summary>
    private static List<ShiftWish> Wishes(CurtoisInstance instance)
    {
        var wishes = new List<ShiftWish>(instance.OnRequests.Count + instance.OffRequests.Count);
        foreach (var r in instance.OnRequests)
        {
            wishes.Add(new ShiftWish(WorkerId(r.Employee), DayZero.PlusDays(r.Day), instance.Shifts[r.Shift].Id, WishKind.ShiftOn, r.Weight));
        }

        foreach (var r in instance.OffRequests)
        {
            wishes.Add(new ShiftWish(WorkerId(r.Employee), DayZero.PlusDays(r.Day), instance.Shifts[r.Shift].Id, WishKind.ShiftOff, r.Weight));
        }

        return wishes;
    }

    /// <summary>Maps a roster of <see cref="ToProblem"/>'s problem back onto the instance.</summary>
    public static CurtoisSolution ToSolution(CurtoisInstance instance, Roster roster)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(roster);
        var cells = new int[instance.Staff.Count, instance.Days];
        for (var e = 0; e < instance.Staff.Count; e++)
        {
            for (var d = 0; d < instance.Days; d++)
            {
                cells[e, d] = CurtoisSolution.Off;
            }
        }

        foreach (var a in roster.Assignments)
        {
            var e = a.Worker.Value - 1;
            var d = Period.DaysBetween(DayZero, a.Date);
            var t = instance.ShiftIndex(a.ShiftCode);
            if (t < 0)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Unknown shift code {a.ShiftCode}."));
            }

            cells[e, d] = t;
        }

        return new CurtoisSolution(cells);
    }

    private static Id<Worker> WorkerId(int employee) => new(employee + 1);

    private static WorkRules RulesOf(CurtoisInstance instance, CurtoisStaff s, List<ForbiddenSuccession> successions, Dictionary<string, WorkRules> contracts)
    {
        var key = string.Join(',', s.MaxShifts.Select(m => m.ToString(CultureInfo.InvariantCulture))) + string.Create(CultureInfo.InvariantCulture,
            $"|{s.MinTotalMinutes}|{s.MaxTotalMinutes}|{s.MaxConsecutiveShifts}|{s.MinConsecutiveShifts}|{s.MinConsecutiveDaysOff}|{s.MaxWeekends}");
        if (!contracts.TryGetValue(key, out var rules))
        {
            rules = Refusing($"staff {s.Id}", () => new WorkRules(
                maxShiftsPerCode: MaxShiftsPerCode(instance, s),
                minTotalMinutes: s.MinTotalMinutes,
                maxTotalMinutes: s.MaxTotalMinutes,
                maxConsecutiveDays: s.MaxConsecutiveShifts,
                minConsecutiveDays: Math.Max(1, s.MinConsecutiveShifts),
                minConsecutiveDaysOff: Math.Max(1, s.MinConsecutiveDaysOff),
                maxWeekends: s.MaxWeekends,
                forbiddenSuccessions: successions));
            contracts[key] = rules;
        }

        return rules;
    }

    /// <summary>
    /// Builds one piece of the planner's model; a well-formed line the model refuses (a shift over 24 h, a
    /// <c>MaxConsecutiveShifts</c> of 0, a maximum below a minimum) becomes a <see cref="NotSupportedException"/> naming
    /// the line's id, so the <c>curtois</c> command can tell an instance this planner cannot take from a solver fault.
    /// </summary>
    private static T Refusing<T>(string what, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex)
        {
            // The guard's own sentence without .NET's " (Parameter 'x')": the parameter is the model's, not a column of the file.
            var reason = ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : ex.Message;
            throw new NotSupportedException($"{what}: the planner's model refuses it ({reason.TrimEnd('.')})", ex);
        }
    }

    private static Dictionary<string, int> MaxShiftsPerCode(CurtoisInstance instance, CurtoisStaff s)
    {
        var perCode = new Dictionary<string, int>(instance.Shifts.Count, StringComparer.Ordinal);
        for (var t = 0; t < instance.Shifts.Count; t++)
        {
            perCode[instance.Shifts[t].Id] = s.MaxShifts[t];
        }

        return perCode;
    }
}
