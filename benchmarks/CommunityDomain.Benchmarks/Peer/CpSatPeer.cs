using System.Diagnostics;
using System.Globalization;
using CommunityDomain.Benchmarks.Curtois;
using Google.OrTools.Sat;

namespace CommunityDomain.Benchmarks.Peer;

/// <summary>
/// The peer of the roster benchmark: a plain CP-SAT model (Google OR-Tools 9.15, two search workers) of a
/// Curtois instance, the whole of <c>FORMAT.md</c>.
/// </summary>
/// <remarks>
/// <para>Modelled exactly: one boolean per employee, day and shift type the employee may work (a maximum of 0
/// or a day off leaves it out); at most one shift a day; cover shortfall and surplus (exact: shortfall =
/// max(0, requirement - assigned)) with their weights; shift-on
/// and shift-off requests with their weights; forbidden successions (the shifts sharing a cannot-follow set,
/// with that set on the next day, in one at-most-one); per-type maxima; minimum and maximum total minutes; maximum
/// consecutive working days (every window of max+1 days holds a day off); minimum consecutive working days and
/// days off for blocks bounded on both sides inside the horizon (the border is free, as in the evaluator);
/// maximum worked weekends (Saturday or Sunday). Nothing else: no symmetry breaking, no hint, no
/// decomposition, so it is the plain model a practitioner would write first.</para>
/// <para>The time limit covers model building. With two workers a run is not deterministic (a fixed seed is
/// passed, but the workers race). The bound is CP-SAT's best objective bound rounded up (objectives are
/// integers).</para>
/// </remarks>
public static class CpSatPeer
{
    /// <summary>The number of CP-SAT search workers (the machine has two cores).</summary>
    public const int SearchWorkers = 2;

    /// <summary>Matches <see cref="CurtoisPeer"/>.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="timeLimit">Wall time, model building included.</param>
    /// <param name="seed">CP-SAT's random seed.</param>
    /// <param name="cancellationToken">Stops the search; the best roster so far is returned.</param>
    public static CurtoisPeerResult Solve(CurtoisInstance instance, TimeSpan timeLimit, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var watch = Stopwatch.StartNew();
        if (cancellationToken.IsCancellationRequested)
        {
            // StopSearch before Solve has started would be lost; nothing to report yet.
            return new CurtoisPeerResult("cp-sat", "UNKNOWN", null, null, null);
        }

        var model = Build(instance, out var x);
        var left = Math.Max(0.05, (timeLimit - watch.Elapsed).TotalSeconds);
        // COMMUNITYDOMAIN_CPSAT_LOG=1 prints CP-SAT's own search log on stdout (presolve, bounds, solutions).
        var log = Environment.GetEnvironmentVariable("COMMUNITYDOMAIN_CPSAT_LOG") == "1" ? "true" : "false";
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"num_search_workers:{SearchWorkers},max_time_in_seconds:{left:0.###},random_seed:{seed & int.MaxValue},log_search_progress:{log},log_to_stdout:{log}"),
        };
        CpSolverStatus status;
        using (cancellationToken.Register(solver.StopSearch))
        {
            status = solver.Solve(model);
        }

        var name = status.ToString().ToUpperInvariant();
        long? bound = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible or CpSolverStatus.Unknown
            ? (long)Math.Ceiling(solver.BestObjectiveBound - 1e-6)
            : null;
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new CurtoisPeerResult("cp-sat", name, null, null, status == CpSolverStatus.Infeasible ? null : bound);
        }

        var staff = instance.Staff.Count;
        var cells = new int[staff, instance.Days];
        for (var e = 0; e < staff; e++)
        {
            for (var d = 0; d < instance.Days; d++)
            {
                cells[e, d] = CurtoisSolution.Off;
                for (var t = 0; t < instance.Shifts.Count; t++)
                {
                    if (x[e, d, t] is { } v && solver.BooleanValue(v))
                    {
                        cells[e, d] = t;
                    }
                }
            }
        }

        return new CurtoisPeerResult("cp-sat", name, new CurtoisSolution(cells), (long)Math.Round(solver.ObjectiveValue), bound);
    }

    /// <summary>Builds the model; <paramref name="x"/>[e, d, t] is null where the employee may not work shift t on day d.</summary>
    internal static CpModel Build(CurtoisInstance instance, out BoolVar?[,,] x)
    {
        var model = new CpModel();
        var staff = instance.Staff.Count;
        var days = instance.Days;
        var types = instance.Shifts.Count;
        x = new BoolVar?[staff, days, types];
        var objective = LinearExpr.NewBuilder();
        var work = new BoolVar[staff, days];

        for (var e = 0; e < staff; e++)
        {
            var s = instance.Staff[e];
            for (var d = 0; d < days; d++)
            {
                var today = new List<BoolVar>();
                for (var t = 0; t < types; t++)
                {
                    if (s.MaxShifts[t] > 0 && !instance.DayOffFast(e, d))
                    {
                        var v = model.NewBoolVar(string.Empty);
                        x[e, d, t] = v;
                        today.Add(v);
                    }
                }

                // work[e, d] is the sum of the day's shift booleans: at most one shift a day (hard rule 1).
                work[e, d] = model.NewBoolVar(string.Empty);
                model.Add(LinearExpr.Sum(today) == work[e, d]);
            }

            AddEmployeeRules(model, instance, e, x, work);
        }

        // Cover: assigned - over + under = requirement, priced per person.
        for (var d = 0; d < days; d++)
        {
            for (var t = 0; t < types; t++)
            {
                var c = instance.CoverFast(d, t);
                var assigned = new List<BoolVar>();
                for (var e = 0; e < staff; e++)
                {
                    if (x[e, d, t] is { } v)
                    {
                        assigned.Add(v);
                    }
                }

                // under = max(0, requirement - assigned) exactly (not just >=), so that a feasible
                // solution's model objective is its true objective; over follows from under.
                var n = LinearExpr.Sum(assigned);
                var under = model.NewIntVar(0, c.Requirement, string.Empty);
                model.AddMaxEquality(under, [c.Requirement - n, LinearExpr.Constant(0)]);
                var over = model.NewIntVar(0, Math.Max(0, assigned.Count - c.Requirement), string.Empty);
                model.Add(n - over + under == c.Requirement);
                objective.AddTerm(under, c.WeightUnder).AddTerm(over, c.WeightOver);
            }
        }

        foreach (var r in instance.OnRequests)
        {
            objective.Add(r.Weight);
            if (x[r.Employee, r.Day, r.Shift] is { } v)
            {
                objective.AddTerm(v, -r.Weight);
            }
        }

        foreach (var r in instance.OffRequests)
        {
            if (x[r.Employee, r.Day, r.Shift] is { } v)
            {
                objective.AddTerm(v, r.Weight);
            }
        }

        model.Minimize(objective);
        return model;
    }

    private static void AddEmployeeRules(CpModel model, CurtoisInstance instance, int e, BoolVar?[,,] x, BoolVar[,] work)
    {
        var s = instance.Staff[e];
        var days = instance.Days;
        var types = instance.Shifts.Count;

        // Forbidden successions: the shifts of today that share one cannot-follow set, with that set tomorrow,
        // form a clique (at most one of them is worked): one at-most-one per group instead of one per shift.
        var groups = Enumerable.Range(0, types)
            .GroupBy(t => string.Join(',', instance.Shifts[t].CannotFollow.Order()))
            .Where(g => g.Key.Length > 0)
            .ToList();
        for (var d = 0; d + 1 < days; d++)
        {
            foreach (var group in groups)
            {
                var today = group.Select(t => x[e, d, t]).OfType<BoolVar>().ToList();
                var tomorrow = instance.Shifts[group.First()].CannotFollow.Select(n => x[e, d + 1, n]).OfType<BoolVar>().ToList();
                if (today.Count > 0 && tomorrow.Count > 0)
                {
                    model.AddAtMostOne(today.Concat(tomorrow));
                }
            }
        }

        // Per-type maxima and total minutes.
        var minutes = LinearExpr.NewBuilder();
        for (var t = 0; t < types; t++)
        {
            var row = Enumerable.Range(0, days).Select(d => x[e, d, t]).OfType<BoolVar>().ToList();
            if (row.Count > s.MaxShifts[t])
            {
                model.Add(LinearExpr.Sum(row) <= s.MaxShifts[t]);
            }

            foreach (var v in row)
            {
                minutes.AddTerm(v, instance.Shifts[t].LengthMinutes);
            }
        }

        model.Add(minutes <= s.MaxTotalMinutes);
        model.Add(minutes >= s.MinTotalMinutes);

        // Maximum consecutive working days: every window of max+1 days holds a day off.
        var maxCons = s.MaxConsecutiveShifts;
        for (var d = 0; d + maxCons < days; d++)
        {
            model.Add(LinearExpr.Sum(Enumerable.Range(d, maxCons + 1).Select(k => work[e, k])) <= maxCons);
        }

        // Minimum blocks, bounded on both sides inside the horizon: forbid off, k on, off (and on, k off, on).
        AddMinimumBlocks(model, days, s.MinConsecutiveShifts, d => work[e, d], d => work[e, d].Not());
        AddMinimumBlocks(model, days, s.MinConsecutiveDaysOff, d => work[e, d].Not(), d => work[e, d]);

        // Weekends: weekend w is worked when Saturday or Sunday is.
        var weekends = new List<BoolVar>();
        for (var w = 0; 7 * w + 5 < days; w++)
        {
            var worked = model.NewBoolVar(string.Empty);
            model.AddImplication(work[e, (7 * w) + 5], worked);
            if ((7 * w) + 6 < days)
            {
                model.AddImplication(work[e, (7 * w) + 6], worked);
            }

            weekends.Add(worked);
        }

        if (weekends.Count > s.MaxWeekends)
        {
            model.Add(LinearExpr.Sum(weekends) <= s.MaxWeekends);
        }
    }

    // Forbids every block of k < minimum days of one kind with a day of the other kind on both sides:
    // one of "the day before is not a bound", "a block day is not of the kind", "the day after is not a bound" holds.
    // For working blocks notBound(d) is "works on d" and notInBlock(d) "is off on d"; for days off, the reverse.
    private static void AddMinimumBlocks(CpModel model, int days, int minimum, Func<int, ILiteral> notBound, Func<int, ILiteral> notInBlock)
    {
        for (var k = 1; k < minimum; k++)
        {
            for (var d = 1; d + k < days; d++)
            {
                var clause = new List<ILiteral> { notBound(d - 1), notBound(d + k) };
                clause.AddRange(Enumerable.Range(d, k).Select(notInBlock));
                model.AddBoolOr(clause);
            }
        }
    }
}
