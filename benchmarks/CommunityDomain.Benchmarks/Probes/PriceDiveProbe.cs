using System.Diagnostics;
using System.Globalization;
using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Benchmarks.Rostering;
using CommunityDomain.Rostering.Engine;
using Google.OrTools.LinearSolver;

namespace CommunityDomain.Benchmarks.Probes;

/// <summary>Scratch probe (session 55): price-and-dive with GLOP as the master LP and the one-worker DP as pricing.</summary>
public static class PriceDiveProbe
{
    private sealed class EmptyView : ICoverView
    {
        public int Count(int day, int slot) => 0;

        public int Assigned(int w, int day) => -1;
    }

    public static int Run(string[] args)
    {
        var instance = CurtoisParser.Load(args[0]);
        var maxRounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var settle = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0.99;
        var problem = CurtoisMapping.ToProblem(instance);
        if (args.Length > 3 && args[3] == "plan")
        {
            var seconds = double.Parse(args[4], CultureInfo.InvariantCulture);
            var seed = int.Parse(args[5], CultureInfo.InvariantCulture);
            var on = args[6] == "on";
            _ = on;

            var clock0 = Stopwatch.StartNew();
            var result = CommunityDomain.Rostering.RosterPlanner.Plan(problem, new CommunityDomain.Rostering.PlannerOptions(seed, NodaTime.Duration.FromSeconds(seconds)));
            var roster = result.AsT0;
            Console.WriteLine($"plan {args[0]} seed {seed} dive {args[6]}: hard {roster.Score.Hard} soft {roster.Score.Soft} bound {roster.LowerBound} {clock0.Elapsed.TotalSeconds:F1}s");
            return 0;
        }

        var p = ProblemCompiler.Compile(problem);
        if (args.Length > 3 && args[3] == "lib")
        {
            Trace.Listeners.Add(new TextWriterTraceListener(Console.Out));
            var watch = Stopwatch.StartNew();
            var libCells = PriceAndDive.Cells(p, () => false);
            var libScore = RosterEvaluator.FullScore(p, libCells!);
            Console.WriteLine($"lib dive hard {libScore.Hard} soft {libScore.Soft} in {watch.Elapsed.TotalSeconds:F1}s lp {PriceAndDive.LpTicks / (double)Stopwatch.Frequency:F1}s first-solve {PriceAndDive.FirstTicks / (double)Stopwatch.Frequency:F1}s pivots first {PriceAndDive.FirstPivots} other {PriceAndDive.OtherPivots} in {PriceAndDive.OtherSolves} solves, {PriceAndDive.BigOther} over 300");
            return 0;
        }

        var cells = Dive(p, maxRounds, settle, () => false, quiet: false);
        var score = RosterEvaluator.FullScore(p, cells!);
        Console.WriteLine($"dive roster hard {score.Hard} soft {score.Soft}");
        return 0;
    }

    internal static int[]? Dive(CompiledProblem p, int maxRounds, double settle, Func<bool> stop, bool quiet)
    {
        var lnsIterations = int.Parse(Environment.GetEnvironmentVariable("LNS_IT") ?? "0", CultureInfo.InvariantCulture);
        var lnsFree = int.Parse(Environment.GetEnvironmentVariable("LNS_FREE") ?? "8", CultureInfo.InvariantCulture);
        var diveSpread = double.Parse(Environment.GetEnvironmentVariable("DIVE_SPREAD") ?? "0", CultureInfo.InvariantCulture);
        var diveRng = new Random(int.Parse(Environment.GetEnvironmentVariable("DIVE_SEED") ?? "1", CultureInfo.InvariantCulture));
        var lookahead = int.Parse(Environment.GetEnvironmentVariable("LOOKAHEAD") ?? "1", CultureInfo.InvariantCulture);
        var cellSettle = double.Parse(Environment.GetEnvironmentVariable("CELL_SETTLE") ?? "0.95", CultureInfo.InvariantCulture);
        var jump = double.Parse(Environment.GetEnvironmentVariable("JUMP") ?? "0", CultureInfo.InvariantCulture);
        var jumpTries = int.Parse(Environment.GetEnvironmentVariable("JUMP_TRIES") ?? "4", CultureInfo.InvariantCulture);
        var lnsSeed = int.Parse(Environment.GetEnvironmentVariable("LNS_SEED") ?? "1", CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        var dp = new WorkerScheduleDp(p);
        var view = new EmptyView();
        var solver = Solver.CreateSolver("GLOP");
        var objective = solver.Objective();
        objective.SetMinimization();
        const double Big = 100_000;
        var cover = new Constraint?[p.Days * p.SlotCount];
        for (var ds = 0; ds < cover.Length; ds++)
        {
            var req = p.Required[ds];
            if (req < 0)
            {
                continue;
            }

            var c = solver.MakeConstraint(req, req, $"c{ds}");
            var under = solver.MakeNumVar(0, req, $"u{ds}");
            var over = solver.MakeNumVar(0, double.PositiveInfinity, $"o{ds}");
            c.SetCoefficient(under, 1);
            c.SetCoefficient(over, -1);
            objective.SetCoefficient(under, p.Under[ds]);
            objective.SetCoefficient(over, p.Over[ds]);
            cover[ds] = c;
        }

        var convex = new Constraint[p.WorkerCount];
        for (var w = 0; w < p.WorkerCount; w++)
        {
            convex[w] = solver.MakeConstraint(1, 1, $"w{w}");
            var art = solver.MakeNumVar(0, 1, $"a{w}");
            convex[w].SetCoefficient(art, 1);
            objective.SetCoefficient(art, Big);
        }

        var columns = new List<(int Worker, int[] Row, long Cost, Variable Var)>();
        var seen = new HashSet<string>();
        var isFixed = new bool[p.WorkerCount];
        var dual = new double[p.Days * p.SlotCount];
        var row = new int[p.Days];
        var sigma = new double[p.WorkerCount];
        var allowedNow = (bool[])p.Allowed.Clone();
        var dpClock = new Stopwatch();
        var lastValue = 0.0;
        var lpSolves = 0;
        var pricings = 0;
        var invalid = 0;

        long RowCost(int w, int[] r)
        {
            long cost = 0;
            for (var d = 0; d < p.Days; d++)
            {
                cost += p.ChoiceSoft[p.ChoiceIndex(w, d, r[d] + 1)];
            }

            return cost;
        }

        bool Valid(int w, int[] r)
        {
            var assign = new int[p.WorkerCount * p.Days];
            Array.Fill(assign, -1);
            Array.Copy(r, 0, assign, p.WorkerDay(w, 0), p.Days);
            var ev = new RosterEvaluator(p, assign);
            return ev.WorkerHard(w) == 0;
        }

        bool AddColumn(int w, int[] r)
        {
            var key = w + ":" + string.Join(',', r);
            if (!seen.Add(key))
            {
                return false;
            }

            var v = solver.MakeNumVar(0, 1, $"x{columns.Count}");
            var cost = RowCost(w, r);
            objective.SetCoefficient(v, cost);
            convex[w].SetCoefficient(v, 1);
            for (var d = 0; d < p.Days; d++)
            {
                if (r[d] >= 0)
                {
                    cover[p.DaySlot(d, r[d])]!.SetCoefficient(v, 1);
                }
            }

            columns.Add((w, (int[])r.Clone(), cost, v));
            return true;
        }

        double Generate()
        {
            for (var round = 0; round < maxRounds; round++)
            {
                if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
                {
                    solver.Reset();
                    solver.Solve();
                }

                lpSolves++;
                for (var ds = 0; ds < cover.Length; ds++)
                {
                    dual[ds] = cover[ds]?.DualValue() ?? 0;
                }

                for (var w = 0; w < p.WorkerCount; w++)
                {
                    sigma[w] = convex[w].DualValue();
                }

                var lp = objective.Value();
                lastValue = lp;

                var added = 0;
                for (var w = 0; w < p.WorkerCount; w++)
                {
                    if (isFixed[w])
                    {
                        continue;
                    }

                    pricings++;
                    dpClock.Start();
                    var solved = dp.SolveAt(view, w, dual, row, allowedNow);
                    dpClock.Stop();
                    if (!solved)
                    {
                        continue;
                    }

                    var rc = RowCost(w, row) - sigma[w];
                    for (var d = 0; d < p.Days; d++)
                    {
                        if (row[d] >= 0)
                        {
                            rc -= dual[p.DaySlot(d, row[d])];
                        }
                    }

                    if (rc < -1e-6)
                    {
                        if (!Valid(w, row))
                        {
                            invalid++;
                            continue;
                        }

                        if (AddColumn(w, row))
                        {
                            added++;
                        }
                    }
                }

                if (added == 0)
                {
                    break;
                }

            }

            var status = solver.Solve();
            if (status != Solver.ResultStatus.OPTIMAL)
            {
                solver.Reset();
                status = solver.Solve();
            }

            lpSolves++;
            if (status != Solver.ResultStatus.OPTIMAL && !quiet) Console.WriteLine($"LP status {status}");
            return objective.Value();
        }

        var root = Generate();
        if (!quiet) Console.WriteLine($"root LP {root:F1} columns {columns.Count} lp {lpSolves} pricings {pricings} invalid {invalid} {clock.Elapsed.TotalSeconds:F1}s");
        var fixedColumn = new int[p.WorkerCount];
        Array.Fill(fixedColumn, -1);

        void Fix(int i)
        {
            columns[i].Var.SetLb(1);
            isFixed[columns[i].Worker] = true;
            fixedColumn[columns[i].Worker] = i;
        }

        void CellDive()
        {
            var use = new double[p.WorkerCount * p.Days * p.Choices];
            var cellFixed = new bool[p.WorkerCount * p.Days];
            while (!stop())
            {
                Array.Clear(use);
                foreach (var (w, r, _, v) in columns)
                {
                    var x = v.SolutionValue();
                    if (x > 1e-9)
                    {
                        for (var d = 0; d < p.Days; d++)
                        {
                            use[p.ChoiceIndex(w, d, r[d] + 1)] += x;
                        }
                    }
                }

                // integral when every worker has one column at 1
                var fractional = columns.Any(c => c.Var.SolutionValue() is > 1e-6 and < 1 - 1e-6);
                if (!fractional)
                {
                    foreach (var (i, c) in columns.Select((c, i) => (i, c)))
                    {
                        if (c.Var.SolutionValue() > 0.5)
                        {
                            Fix(i);
                        }
                    }

                    return;
                }

                var pick = -1;
                var most = -1.0;
                var fixes = new List<int>();
                for (var cellIndex = 0; cellIndex < cellFixed.Length; cellIndex++)
                {
                    if (cellFixed[cellIndex])
                    {
                        continue;
                    }

                    for (var c = 0; c < p.Choices; c++)
                    {
                        var u = use[(cellIndex * p.Choices) + c];
                        if (u >= 1 - 1e-6)
                        {
                            continue; // settled already
                        }

                        if (u >= cellSettle)
                        {
                            fixes.Add((cellIndex * p.Choices) + c);
                        }
                        else if (u > most)
                        {
                            (most, pick) = (u, (cellIndex * p.Choices) + c);
                        }
                    }
                }

                if (fixes.Count == 0)
                {
                    if (pick < 0)
                    {
                        return;
                    }

                    fixes.Add(pick);
                }

                foreach (var choiceIndex in fixes)
                {
                    var cellIndex = choiceIndex / p.Choices;
                    cellFixed[cellIndex] = true;
                    for (var c = 0; c < p.Choices; c++)
                    {
                        if ((cellIndex * p.Choices) + c != choiceIndex)
                        {
                            allowedNow[(cellIndex * p.Choices) + c] = false;
                        }
                    }

                    var (w, d) = Math.DivRem(cellIndex, p.Days);
                    var keep = (choiceIndex % p.Choices) - 1;
                    foreach (var col in columns)
                    {
                        if (col.Worker == w && col.Row[d] != keep)
                        {
                            col.Var.SetUb(0);
                        }
                    }
                }

                var value = Generate();
                if (!quiet) Console.WriteLine($"cells fixed {cellFixed.Count(b => b)} LP {value:F1}");
            }
        }

        void DiveRest()
        {
            while (isFixed.Contains(false) && !stop())
            {
                var best = -1;
                var bestValue = -1.0;
                var fixedNow = 0;
                for (var i = 0; i < columns.Count; i++)
                {
                    var (w, _, _, v) = columns[i];
                    if (isFixed[w] || v.Ub() < 0.5)
                    {
                        continue;
                    }

                    var x = v.SolutionValue();
                    if (x >= settle)
                    {
                        Fix(i);
                        fixedNow++;
                    }
                    else if (x > bestValue)
                    {
                        (best, bestValue) = (i, x);
                    }
                }

                if (fixedNow == 0)
                {
                    if (best < 0)
                    {
                        break;
                    }

                    if (lookahead > 1)
                    {
                        var top = Enumerable.Range(0, columns.Count).Where(i => !isFixed[columns[i].Worker] && columns[i].Var.SolutionValue() > 1e-6)
                            .OrderByDescending(i => columns[i].Var.SolutionValue()).ThenBy(i => i).Take(lookahead).ToArray();
                        var bestLp = double.PositiveInfinity;
                        foreach (var i in top)
                        {
                            columns[i].Var.SetLb(1);
                            solver.Solve();
                            var v = objective.Value();
                            columns[i].Var.SetLb(0);
                            if (v < bestLp - 1e-6)
                            {
                                (bestLp, best) = (v, i);
                            }
                        }
                    }
                    else if (diveSpread > 0)
                    {
                        var near = Enumerable.Range(0, columns.Count).Where(i => !isFixed[columns[i].Worker] && columns[i].Var.SolutionValue() >= bestValue * diveSpread).ToArray();
                        best = near[diveRng.Next(near.Length)];
                    }

                    if (jump > 0)
                    {
                        var before = objective.Value();
                        var candidates = Enumerable.Range(0, columns.Count).Where(i => !isFixed[columns[i].Worker] && columns[i].Var.Ub() > 0.5 && columns[i].Var.SolutionValue() > 1e-6)
                            .OrderByDescending(i => columns[i].Var.SolutionValue()).ThenBy(i => i).Take(jumpTries).ToArray();
                        var chosen = -1;
                        var chosenValue = double.PositiveInfinity;
                        foreach (var i in candidates)
                        {
                            Fix(i);
                            var after = Generate();
                            if (after <= before + jump)
                            {
                                chosen = -2;
                                break;
                            }

                            if (after < chosenValue)
                            {
                                (chosen, chosenValue) = (i, after);
                            }

                            columns[i].Var.SetLb(0);
                            isFixed[columns[i].Worker] = false;
                            fixedColumn[columns[i].Worker] = -1;
                        }

                        if (chosen != -2)
                        {
                            Fix(chosen >= 0 ? chosen : best);
                            Generate();
                        }

                        continue;
                    }

                    Fix(best);
                }

                Generate();
            }
        }

        int[] Roster()
        {
            var cells = new int[p.WorkerCount * p.Days];
            Array.Fill(cells, -1);
            for (var w = 0; w < p.WorkerCount; w++)
            {
                if (fixedColumn[w] >= 0)
                {
                    Array.Copy(columns[fixedColumn[w]].Row, 0, cells, p.WorkerDay(w, 0), p.Days);
                }
            }

            return cells;
        }

        if (Environment.GetEnvironmentVariable("CELL") == "1")
        {
            CellDive();
        }

        DiveRest();
        var roster = Roster();
        var incumbent = RosterEvaluator.FullScore(p, roster);
        if (!quiet) Console.WriteLine($"dive {incumbent.Hard}/{incumbent.Soft} {clock.Elapsed.TotalSeconds:F1}s (dp {dpClock.Elapsed.TotalSeconds:F1}s, lp {lpSolves}, pricings {pricings}, columns {columns.Count})");
        var rng = new Random(lnsSeed);
        for (var it = 0; it < lnsIterations && !stop(); it++)
        {
            var free = Enumerable.Range(0, p.WorkerCount).OrderBy(_ => rng.Next()).Take(lnsFree).ToArray();
            var old = free.Select(w => fixedColumn[w]).ToArray();
            foreach (var w in free)
            {
                if (fixedColumn[w] >= 0)
                {
                    columns[fixedColumn[w]].Var.SetLb(0);
                }

                isFixed[w] = false;
                fixedColumn[w] = -1;
            }

            Generate();
            DiveRest();
            var cells = Roster();
            var score = RosterEvaluator.FullScore(p, cells);
            if (score.Hard < incumbent.Hard || (score.Hard == incumbent.Hard && score.Soft <= incumbent.Soft))
            {
                if (!quiet && score.Soft < incumbent.Soft) Console.WriteLine($"lns {it}: {score.Hard}/{score.Soft} {clock.Elapsed.TotalSeconds:F1}s");
                (incumbent, roster) = (score, cells);
            }
            else
            {
                for (var k = 0; k < free.Length; k++)
                {
                    var w = free[k];
                    if (fixedColumn[w] >= 0)
                    {
                        columns[fixedColumn[w]].Var.SetLb(0);
                    }

                    if (old[k] >= 0)
                    {
                        Fix(old[k]);
                    }
                }

                solver.Solve();
            }
        }

        if (!quiet) Console.WriteLine($"dive done in {clock.Elapsed.TotalSeconds:F1}s (lp {lpSolves}, pricings {pricings}, invalid {invalid})");
        return roster;
    }
}
