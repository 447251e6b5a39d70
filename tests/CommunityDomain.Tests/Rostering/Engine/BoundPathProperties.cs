using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The bound's one-worker path (<see cref="BoundPath"/>) against brute force: for random prices (some slots closed) and
/// random counters kept in the path (weekends, minutes, duties of a type), its value is the cheapest schedule that keeps
/// the relaxation's rules, checked by enumerating every schedule of the worker against those rules written out here
/// (eligibility, successions and rest between consecutive dates, run and day-off lengths with the start and the end
/// exempt from the minimums, and each kept counter's limits), with the predecessor sets and with sorted predecessors.
/// </summary>
[Properties(Arbitrary = new[] { typeof(BoundPathProperties) }, MaxTest = 300)]
public sealed class BoundPathProperties
{
    private static readonly int[] Hours = [4, 6, 8, 10, 12, 24];

    /// <summary>Problems of 1-2 workers, 1-7 dates, 1-3 shifts (24 h among them), drawn from a seed; they shrink as lockdown problems do.</summary>
    public static Arbitrary<TinyProblem> PathProblems() => Arb.From(
        Gen.Choose(0, int.MaxValue - 1).Select(seed => new TinyProblem(seed, Draw(seed))),
        t => RosterShrinkers.Smaller(t.Problem).Select(p => t with { Problem = p }));

    private static RosterProblem Draw(int seed)
    {
        var r = new Random(seed);
        var days = r.Next(1, 8);
        var start = new LocalDate(2022, 8, 18).PlusDays(r.Next(7)); // weekends fall anywhere
        var horizon = new DateInterval(start, start.PlusDays(days - 1));
        var shifts = Enumerable.Range(0, r.Next(1, 4))
            .Select(i => new ShiftDefinition("S" + i, new LocalTime(r.Next(24), 0), Duration.FromHours(Hours[r.Next(Hours.Length)]))).ToList();
        var compound = new Id<Compound>(1);
        var demands = (from date in horizon from s in shifts where r.Next(5) != 0 select new Demand(new Id<Post>(1), compound, date, s.Code, r.Next(0, 3), 10, 1)).ToList();
        var workers = Enumerable.Range(1, r.Next(1, 3)).Select(i => new Worker(new Id<Worker>(i), WorkerKind.Staff, compound, [], null, [],
            horizon.Where(_ => r.Next(7) == 0).ToList(), LockdownRosterGenerators.Rules(r, shifts, days))).ToList();
        var pins = new List<RosterAssignment>();
        if (demands.Count > 0 && r.Next(4) == 0)
        {
            var d = demands[r.Next(demands.Count)];
            pins.Add(new RosterAssignment(workers[0].Id, d.Date, d.Post, d.ShiftCode, d.Qualification));
        }

        return RosterProblem.Create(horizon, shifts, demands, workers, null, pins: pins);
    }

    [Property]
    public void The_path_is_the_cheapest_schedule_that_keeps_the_relaxations_rules(TinyProblem tiny)
    {
        var solver = new BoundPath(tiny.Problem.Compiled);
        foreach (var c in WorkerCases(tiny, r => r.Next(6) == 0 ? double.PositiveInfinity : Math.Round((r.NextDouble() * 40) - 20, 3), r => r.Next(3) == 0 ? 0 : Math.Round(r.NextDouble() * 10, 3)))
        {
            var (p, w, rules, open) = (c.Problem, c.Worker, c.Rules, c.Open);
            foreach (var sets in new[] { true, false })
            {
                var shape = c.Shape(predecessorSets: sets, nestSets: true);
                Assert.Equal(sets, shape.Predecessors is not null);
                var path = new int[p.Days];
                var value = solver.Solve(w, rules, open, c.Costs, c.WeekendPrice, shape, path);
                var cheapest = Cheapest(p, w, rules, open, c.Costs, c.WeekendPrice, c.Kept);
                Assert.True(double.IsPositiveInfinity(value) == double.IsPositiveInfinity(cheapest), $"worker {w}, sets {sets}: path {value}, brute force {cheapest}");
                if (!double.IsPositiveInfinity(value))
                {
                    Assert.Equal(cheapest, value, 6);
                    Assert.Equal(value, CostOf(p, w, rules, path, c.Costs, c.WeekendPrice, c.Kept), 6);
                }
            }
        }
    }

    /// <summary>
    /// Nested predecessor sets (each set's cheapest built on the set before) choose exactly as whole sets do: the same value
    /// and the same schedule, ties included (whole-number prices make many), so the bound's iterates are unchanged.
    /// </summary>
    [Property]
    public void Nested_predecessor_sets_choose_the_same_schedule_as_whole_sets(TinyProblem tiny)
    {
        var solver = new BoundPath(tiny.Problem.Compiled);
        foreach (var c in WorkerCases(tiny, r => r.Next(6) == 0 ? double.PositiveInfinity : r.Next(-2, 3), r => r.Next(2)))
        {
            var schedules = new[] { true, false }.Select(nest =>
            {
                var path = new int[c.Problem.Days];
                return (Value: solver.Solve(c.Worker, c.Rules, c.Open, c.Costs, c.WeekendPrice, c.Shape(predecessorSets: true, nestSets: nest), path), Path: path);
            }).ToArray();
            Assert.Equal(schedules[1].Value, schedules[0].Value);
            Assert.Equal(schedules[1].Path, schedules[0].Path);
        }
    }

    /// <summary>
    /// Each worker of <paramref name="tiny"/> with prices drawn from the problem's seed: per date and shift type by
    /// <paramref name="price"/> (infinity closes the slot), one weekend price, then the counters kept in the path.
    /// </summary>
    private static IEnumerable<WorkerCase> WorkerCases(TinyProblem tiny, Func<Random, double> price, Func<Random, double> weekendPrice)
    {
        var p = tiny.Problem.Compiled;
        var r = new Random(tiny.Seed);
        var setup = new BoundSetup(p, new int[p.Days * p.SlotCount], 1);
        var gcd = Math.Max(1, p.ShiftMinutes.Aggregate(0, Gcd));
        for (var w = 0; w < p.WorkerCount; w++)
        {
            var rules = p.Rules[p.WorkerRules[w]];
            var open = setup.OpenOf[w];
            var costs = Enumerable.Range(0, p.Days * p.ShiftCount).Select(_ => price(r)).ToArray();
            var weekend = weekendPrice(r);
            yield return new WorkerCase(p, w, rules, open, costs, weekend, Kept(r, p, rules, open, gcd), gcd);
        }
    }

    /// <summary>One worker of a tiny problem, the prices of their path and the counters it keeps.</summary>
    private sealed record WorkerCase(CompiledProblem Problem, int Worker, CompiledRules Rules, int[] Open, double[] Costs, double WeekendPrice,
        (int Weekends, int Units, List<(int Type, int Max)> Counted) Kept, int MinuteUnit)
    {
        public BoundPathShape Shape(bool predecessorSets, bool nestSets) =>
            BoundPathShape.Of(Rules, Open, [.. Problem.ShiftMinutes.Select(m => m / MinuteUnit)], MinuteUnit, Kept.Weekends, Kept.Units, Kept.Counted, predecessorSets, nestSets);
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>The counters kept in the path, each drawn when its limit binds: weekends, minute units, duties of types with a small maximum.</summary>
    private static (int Weekends, int Units, List<(int Type, int Max)> Counted) Kept(Random r, CompiledProblem p, CompiledRules rules, int[] open, int gcd)
    {
        var reachable = (long)p.Days * (open.Length == 0 ? 0 : open.Max(t => p.ShiftMinutes[t]));
        var weekends = rules.MaxWeekends < p.WeekendCount && r.Next(2) == 0 ? rules.MaxWeekends + 1 : 0;
        var units = (rules.MinMinutes > 0 || rules.MaxMinutes < reachable) && r.Next(4) != 0 ? (int)(Math.Min(rules.MaxMinutes, reachable) / gcd) + 1 : 0;
        var counted = open.Where(t => rules.MaxPerShift[t] <= p.Days && r.Next(2) == 0).Select(t => (t, rules.MaxPerShift[t])).ToList();
        return (weekends, units, counted);
    }

    /// <summary>The cheapest schedule's cost by enumeration (off, or any open type with a finite price, each date); infinity when none keeps the rules.</summary>
    private static double Cheapest(CompiledProblem p, int w, CompiledRules rules, int[] open, double[] costs, double weekendPrice, (int Weekends, int Units, List<(int Type, int Max)> Counted) kept)
    {
        var choices = Enumerable.Range(0, p.Days).Select(d => new[] { -1 }.Concat(open).ToArray()).ToArray();
        var pick = new int[p.Days];
        var schedule = new int[p.Days];
        var best = double.PositiveInfinity;
        while (true)
        {
            for (var d = 0; d < p.Days; d++)
            {
                schedule[d] = choices[d][pick[d]];
            }

            best = Math.Min(best, CostOf(p, w, rules, schedule, costs, weekendPrice, kept));
            var i = 0;
            while (i < pick.Length && ++pick[i] == choices[i].Length)
            {
                pick[i++] = 0;
            }

            if (i == pick.Length)
            {
                return best;
            }
        }
    }

    /// <summary>A schedule's priced cost (slots, days off, weekends worked), or infinity when it breaks a rule the path keeps.</summary>
    private static double CostOf(CompiledProblem p, int w, CompiledRules rules, int[] schedule, double[] costs, double weekendPrice, (int Weekends, int Units, List<(int Type, int Max)> Counted) kept)
    {
        var cost = 0.0;
        for (var d = 0; d < p.Days; d++)
        {
            var t = schedule[d];
            var off = p.ChoiceIndex(w, d, 0);
            cost += t < 0 ? (p.Allowed[off] ? p.ChoiceSoft[off] : double.PositiveInfinity) : costs[(d * p.ShiftCount) + t];
            if (d > 0 && t >= 0 && schedule[d - 1] >= 0)
            {
                var pair = (schedule[d - 1] * p.ShiftCount) + t;
                cost += rules.Forbidden[pair] || rules.LooseTiming[pair] != 0 ? double.PositiveInfinity : 0;
            }
        }

        var worked = Enumerable.Range(0, p.Days).Where(d => schedule[d] >= 0).ToList();
        var weekends = worked.Select(d => p.WeekendOfDay[d]).Where(x => x >= 0).Distinct().Count();
        var minutes = worked.Sum(d => p.ShiftMinutes[schedule[d]]);
        var keeps = RunsKeep(schedule, rules)
            && (kept.Weekends == 0 || weekends <= rules.MaxWeekends)
            && (kept.Units == 0 || (minutes >= rules.MinMinutes && minutes <= rules.MaxMinutes))
            && kept.Counted.All(c => worked.Count(d => schedule[d] == c.Type) <= c.Max);
        return keeps ? cost + (weekendPrice * weekends) : double.PositiveInfinity;
    }

    /// <summary>Runs of duties at most the maximum; runs of duties and of days off at least their minimum unless they touch the start or the end.</summary>
    private static bool RunsKeep(int[] schedule, CompiledRules rules)
    {
        var begin = 0;
        for (var d = 1; d <= schedule.Length; d++)
        {
            if (d < schedule.Length && (schedule[d] >= 0) == (schedule[begin] >= 0))
            {
                continue;
            }

            var length = d - begin;
            var inner = begin > 0 && d < schedule.Length;
            var work = schedule[begin] >= 0;
            if ((work && rules.MaxConsecutive != CompiledRules.Unlimited && length > rules.MaxConsecutive)
                || (inner && work && length < rules.MinConsecutive)
                || (inner && !work && length < rules.MinDaysOff))
            {
                return false;
            }

            begin = d;
        }

        return true;
    }
}
