using System.Globalization;
using Ardalis.GuardClauses;
using CommunityDomain.Benchmarks.Curtois;

namespace CommunityDomain.Benchmarks.CommunityProblems;

/// <summary>
/// Generates district-scale lockdown rosters as Curtois instances, so the planner, the CP-SAT peer and the
/// independent <see cref="CurtoisEvaluator"/> all read the same problem.
/// </summary>
/// <remarks>
/// <para>Shape. Each compound has up to seven posts x shift times, each one a shift type:
/// gate early 06:00-14:00 (<c>c03E</c>), gate late 14:00-22:00 (<c>c03L</c>), gate night 22:00-06:00
/// (<c>c03N</c>), swab site 06:00-12:00 (<c>c03S</c>, qualified swabbers and medical workers only, busy every
/// other day when mass testing runs), patrol 08:00-16:00 (<c>c03P</c>), delivery 08:00-12:00 and 14:00-18:00
/// (<c>c03A</c>, <c>c03B</c>; twice the load in a sealed compound). One district shift type, the fever clinic
/// 09:00-17:00 (<c>md</c>), takes medical workers only. For <c>T</c> shift types there are
/// <c>ceil((T-1)/7)</c> compounds; the last one may have fewer posts. Cannot-follow lists come from the clock:
/// a shift may not follow another when fewer than 11 hours of rest lie between them.</para>
/// <para>People. A quarter of the workers are staff (gates and patrols within two compounds of home, at least
/// 60 % of a 40-hour week), a tenth medical (swab sites within two compounds, the clinic; at least 40 %),
/// the rest volunteers (gates, patrol, delivery at home and next door; nights for 30 %, swabbing for 20 %;
/// at most 30 hours a week, four nights a fortnight). About a quarter of the compounds (at least one) are
/// sealed: volunteers and medical workers living there are confined to their compound's posts. Each worker is
/// unavailable on about one day in ten, and one in twenty is quarantined for a block of 3-7 days.</para>
/// <para>Demand. Each shift type asks for <see cref="CommunityShape.Tightness"/> times the minutes its
/// eligible workers can give it (a worker's capacity split equally over the shift types it may work, at most
/// its maximum of each), spread over the days by the post's pattern (swabbing every other day, double delivery
/// in sealed compounds, 70 % on weekends) and rounded at random; under-cover costs 100 per person, over-cover 1.
/// Requests: about one shift-on and one shift-off request per worker and week, weights 1-3.</para>
/// <para>Same shape and seed, same instance (byte for byte through <see cref="CurtoisWriter"/>); no clock,
/// no shared randomness.</para>
/// </remarks>
public static class CommunityInstanceGenerator
{
    /// <summary>The shortest rest between two shifts on consecutive days, in minutes (11 hours).</summary>
    public const int MinRestMinutes = 11 * 60;

    private static readonly PostTime[] CompoundPosts =
    [
        new("E", 6 * 60, 8 * 60, 2, Post.Gate),
        new("L", 14 * 60, 8 * 60, 2, Post.Gate),
        new("N", 22 * 60, 8 * 60, 1, Post.GateNight),
        new("S", 6 * 60, 6 * 60, 3, Post.Swab),
        new("P", 8 * 60, 8 * 60, 1, Post.Patrol),
        new("A", 8 * 60, 4 * 60, 2, Post.Delivery),
        new("B", 14 * 60, 4 * 60, 1, Post.Delivery),
    ];

    private static readonly PostTime Clinic = new("md", 9 * 60, 8 * 60, 2, Post.Clinic);

    private enum Post
    {
        Gate,
        GateNight,
        Swab,
        Patrol,
        Delivery,
        Clinic,
    }

    /// <summary>The default number of shift types for a number of workers: 7 per 50 workers plus the clinic, 43-120.</summary>
    /// <param name="workers">Number of workers; positive.</param>
    public static int DefaultShiftTypes(int workers) =>
        (7 * Math.Clamp((int)Math.Round(Guard.Against.NegativeOrZero(workers) / 50.0), 6, 17)) + 1;

    /// <summary>Generates the instance of <paramref name="shape"/>.</summary>
    /// <param name="shape">Workers, days, shift types, tightness and seed.</param>
    /// <returns>An instance named <c>community-W-D-T-sS</c>.</returns>
    public static CurtoisInstance Create(CommunityShape shape) => Generate(shape).Instance;

    /// <summary>Generates the instance of <paramref name="shape"/> with who its workers are (for checks).</summary>
    /// <param name="shape">Workers, days, shift types, tightness and seed.</param>
    public static GeneratedCommunity Generate(CommunityShape shape)
    {
        Guard.Against.Null(shape);
        var rng = new Random(shape.Seed);
        var days = shape.Days;
        var weeks = days / 7.0;
        var compounds = (shape.ShiftTypes - 1 + CompoundPosts.Length - 1) / CompoundPosts.Length;

        // Shift types: compound posts in order, then the clinic.
        var types = new List<(string Id, PostTime Time, int Compound)>();
        for (var c = 0; c < compounds; c++)
        {
            foreach (var pt in CompoundPosts.Take(Math.Min(CompoundPosts.Length, shape.ShiftTypes - 1 - (c * CompoundPosts.Length))))
            {
                types.Add((string.Create(CultureInfo.InvariantCulture, $"c{c + 1:D2}{pt.Code}"), pt, c));
            }
        }

        types.Add((Clinic.Code, Clinic, -1));
        var t = types.Count;
        var shifts = types.Select(x => new CurtoisShift(
            x.Id,
            x.Time.Minutes,
            Enumerable.Range(0, t).Where(n => Rest(x.Time, types[n].Time) < MinRestMinutes))).ToList();

        var sealedCompound = new bool[compounds];
        for (var c = 0; c < compounds; c++)
        {
            sealedCompound[c] = rng.Next(4) == 0;
        }

        sealedCompound[rng.Next(compounds)] = true;

        var weekends = (days + 1) / 7;
        var staff = new List<CurtoisStaff>();
        var capacity = new double[t];
        var workers = new List<(CommunityWorkerKind Kind, int Home, bool[] Eligible)>();
        var people = new List<CommunityWorker>();
        for (var i = 0; i < shape.Workers; i++)
        {
            var roll = rng.Next(20);
            var kind = roll < 5 ? CommunityWorkerKind.Staff : roll < 7 ? CommunityWorkerKind.Medical : CommunityWorkerKind.Volunteer;
            var home = rng.Next(compounds);
            var confined = kind != CommunityWorkerKind.Staff && sealedCompound[home];
            var nights = rng.Next(10) < 3;
            var swabber = rng.Next(10) < 2;
            var eligible = new bool[t];
            var max = new int[t];
            for (var k = 0; k < t; k++)
            {
                var (_, time, c) = types[k];
                var distance = c < 0 ? 0 : Math.Min(Math.Abs(c - home), compounds - Math.Abs(c - home));
                var reach = confined ? (c == home) : c < 0 || distance <= (kind == CommunityWorkerKind.Volunteer ? 1 : 2);
                eligible[k] = reach && kind switch
                {
                    CommunityWorkerKind.Staff => time.Post is Post.Gate or Post.GateNight or Post.Patrol,
                    CommunityWorkerKind.Medical => time.Post is Post.Swab or Post.Clinic,
                    _ => time.Post switch
                    {
                        Post.Gate or Post.Patrol or Post.Delivery => true,
                        Post.GateNight => nights,
                        Post.Swab => swabber,
                        _ => false,
                    },
                };
                max[k] = !eligible[k] ? 0 : kind == CommunityWorkerKind.Volunteer && time.Post == Post.GateNight ? (int)Math.Ceiling(2 * weeks) : days;
            }

            var daysOff = new SortedSet<int>(Enumerable.Range(0, days).Where(_ => rng.Next(10) == 0));
            if (rng.Next(20) == 0)
            {
                var start = rng.Next(days);
                var length = 3 + rng.Next(5);
                for (var d = start; d < Math.Min(days, start + length); d++)
                {
                    daysOff.Add(d);
                }
            }

            var (maxTotal, minShare, maxCons, minCons, minOff, maxWeekends) = kind switch
            {
                CommunityWorkerKind.Staff => ((int)(2400 * weeks), 0.6, 6, 2, 2, (int)Math.Ceiling(weekends * 2 / 3.0)),
                CommunityWorkerKind.Medical => ((int)(2400 * weeks), 0.4, 6, 1, 2, (int)Math.Ceiling(weekends * 2 / 3.0)),
                _ => ((int)(1800 * weeks), 0.0, 5, 1, 1, (int)Math.Ceiling(weekends / 2.0)),
            };
            var eligibleMinutes = Enumerable.Range(0, t).Where(k => eligible[k]).Select(k => types[k].Time.Minutes).DefaultIfEmpty(0).ToArray();
            // Leave room for days off: a minimum that the available days cannot reach would make every roster infeasible.
            var reachable = (days - daysOff.Count) * maxCons / (maxCons + 1) * eligibleMinutes.Max();
            var minTotal = (int)Math.Min(maxTotal * minShare, reachable * 0.5);
            minTotal -= minTotal % 60;
            staff.Add(new CurtoisStaff(StaffId(i), max, maxTotal, minTotal, maxCons, minCons, minOff, maxWeekends, daysOff));
            workers.Add((kind, home, eligible));
            people.Add(new CommunityWorker(kind, home, confined, nights, swabber));

            // Capacity: the minutes the worker can give, shared equally over the shift types it may work
            // (at most its maximum of each).
            var give = Math.Min(maxTotal, (days - daysOff.Count) * maxCons / (maxCons + 1.0) * eligibleMinutes.Average());
            var served = Enumerable.Range(0, t).Where(k => eligible[k]).ToArray();
            foreach (var k in served)
            {
                capacity[k] += Math.Min(give / served.Length, max[k] * types[k].Time.Minutes);
            }
        }

        var testing = rng.Next(2);
        var cover = new List<CurtoisCover>();
        var weight = new double[days * t];
        var area = new double[t];
        for (var d = 0; d < days; d++)
        {
            for (var k = 0; k < t; k++)
            {
                var (_, time, c) = types[k];
                double w = time.Weight;
                if (time.Post == Post.Swab && d % 2 != testing)
                {
                    w = 0;
                }
                else if (time.Post == Post.Delivery && sealedCompound[c])
                {
                    w *= 2;
                }

                // Weekends ask for less: fewer people may work them (weekend limits), and fewer pass the gates.
                weight[(d * t) + k] = d % 7 >= 5 ? 0.7 * w : w;
                area[k] += w * time.Minutes;
            }
        }

        for (var d = 0; d < days; d++)
        {
            for (var k = 0; k < t; k++)
            {
                var scale = area[k] == 0 ? 0 : shape.Tightness * capacity[k] / area[k];
                var want = weight[(d * t) + k] * scale;
                var requirement = (int)Math.Floor(want) + (rng.NextDouble() < want - Math.Floor(want) ? 1 : 0);
                cover.Add(new CurtoisCover(d, k, requirement, 100, 1));
            }
        }

        var on = new List<CurtoisRequest>();
        var off = new List<CurtoisRequest>();
        for (var i = 0; i < workers.Count; i++)
        {
            var eligible = Enumerable.Range(0, t).Where(k => workers[i].Eligible[k]).ToArray();
            if (eligible.Length == 0)
            {
                continue;
            }

            var free = Enumerable.Range(0, days).Except(staff[i].DaysOff).ToArray();
            var asked = new HashSet<int>();
            for (var r = 0; r < (int)Math.Round(weeks) && free.Length > 0; r++)
            {
                var day = free[rng.Next(free.Length)];
                if (asked.Add(day))
                {
                    on.Add(new CurtoisRequest(i, day, eligible[rng.Next(eligible.Length)], 1 + rng.Next(3)));
                }

                day = free[rng.Next(free.Length)];
                if (asked.Add(day))
                {
                    off.Add(new CurtoisRequest(i, day, eligible[rng.Next(eligible.Length)], 1 + rng.Next(3)));
                }
            }
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"community-{shape.Workers}-{days}-{t}-s{shape.Seed}");
        var instance = new CurtoisInstance(name, days, shifts, staff, on, off, cover);
        return new GeneratedCommunity(
            instance,
            people,
            Enumerable.Range(0, compounds).Where(c => sealedCompound[c]).ToList(),
            types.Select(x => x.Compound).ToList());
    }

    /// <summary>Minutes of rest between <paramref name="first"/> on one day and <paramref name="next"/> on the next.</summary>
    private static int Rest(PostTime first, PostTime next) => (24 * 60) + next.Start - (first.Start + first.Minutes);

    /// <summary>Curtois-style staff ids: A ... Z, AA, AB ...</summary>
    private static string StaffId(int i)
    {
        var s = string.Empty;
        i++;
        while (i > 0)
        {
            i--;
            s = (char)('A' + (i % 26)) + s;
            i /= 26;
        }

        return s;
    }

    private sealed record PostTime(string Code, int Start, int Minutes, int Weight, Post Post);
}

/// <summary>The size and seed of a generated community problem.</summary>
public sealed class CommunityShape
{
    /// <summary>Creates a shape.</summary>
    /// <param name="workers">Number of workers; 1-5,000.</param>
    /// <param name="days">Horizon in days; a positive multiple of 7, at most 364.</param>
    /// <param name="shiftTypes">Number of shift types; 2-500 (the last is the district clinic).</param>
    /// <param name="seed">Seed of every random choice.</param>
    /// <param name="tightness">Demanded minutes over the minutes the eligible workers can give; 0.1-2 (1 = no slack).</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public CommunityShape(int workers, int days, int shiftTypes, int seed, double tightness = DefaultTightness)
    {
        Workers = Guard.Against.OutOfRange(workers, nameof(workers), MinWorkers, MaxWorkers);
        Days = Guard.Against.OutOfRange(days, nameof(days), 7, MaxDays);
        if (days % 7 != 0)
        {
            throw new ArgumentException("The horizon must be whole weeks (day 0 is a Monday).", nameof(days));
        }

        ShiftTypes = Guard.Against.OutOfRange(shiftTypes, nameof(shiftTypes), MinShiftTypes, MaxShiftTypes);
        Seed = seed;
        Tightness = Guard.Against.OutOfRange(tightness, nameof(tightness), MinTightness, MaxTightness);
    }

    /// <summary>The fewest workers.</summary>
    public const int MinWorkers = 1;

    /// <summary>The most workers.</summary>
    public const int MaxWorkers = 5000;

    /// <summary>The longest horizon in days (52 weeks); the shortest is one week.</summary>
    public const int MaxDays = 364;

    /// <summary>The fewest shift types.</summary>
    public const int MinShiftTypes = 2;

    /// <summary>The most shift types.</summary>
    public const int MaxShiftTypes = 500;

    /// <summary>The least tightness.</summary>
    public const double MinTightness = 0.1;

    /// <summary>The greatest tightness.</summary>
    public const double MaxTightness = 2.0;

    /// <summary>The default tightness: demand asks for 90 % of what the workers can give.</summary>
    public const double DefaultTightness = 0.9;

    /// <summary>Number of workers.</summary>
    public int Workers { get; }

    /// <summary>Horizon in days.</summary>
    public int Days { get; }

    /// <summary>Number of shift types.</summary>
    public int ShiftTypes { get; }

    /// <summary>Seed.</summary>
    public int Seed { get; }

    /// <summary>Demanded over available minutes.</summary>
    public double Tightness { get; }
}

/// <summary>A generated community problem: the instance and, for checks, who its workers are.</summary>
/// <param name="Instance">The Curtois instance.</param>
/// <param name="Workers">Per employee index: kind, home compound (0-based), confinement and skills.</param>
/// <param name="SealedCompounds">The sealed compounds (0-based), ascending.</param>
/// <param name="ShiftCompound">Per shift type index, its compound (0-based), or -1 for the district clinic.</param>
public sealed record GeneratedCommunity(
    CurtoisInstance Instance,
    IReadOnlyList<CommunityWorker> Workers,
    IReadOnlyList<int> SealedCompounds,
    IReadOnlyList<int> ShiftCompound);

/// <summary>One generated worker.</summary>
/// <param name="Kind">Staff, medical or volunteer.</param>
/// <param name="Home">Home compound, 0-based.</param>
/// <param name="Confined">Lives in a sealed compound and is not staff: works only at home.</param>
/// <param name="Nights">A volunteer who may take gate nights.</param>
/// <param name="Swabber">A volunteer trained to swab.</param>
public sealed record CommunityWorker(CommunityWorkerKind Kind, int Home, bool Confined, bool Nights, bool Swabber);

/// <summary>The kinds of generated workers.</summary>
public enum CommunityWorkerKind
{
    /// <summary>Community staff: gates and patrols within two compounds of home.</summary>
    Staff,

    /// <summary>Medical workers: swab sites within two compounds, the district clinic.</summary>
    Medical,

    /// <summary>Volunteers: gates, patrol and delivery at home and next door.</summary>
    Volunteer,
}
