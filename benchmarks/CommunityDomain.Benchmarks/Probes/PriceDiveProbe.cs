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
        var p = ProblemCompiler.Compile(problem);
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
                solver.Solve();
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
                    if (!dp.SolveAt(view, w, dual, row))
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

            solver.Solve();
            lpSolves++;
            return objective.Value();
        }

        var root = Generate();
        Console.WriteLine($"root LP {root:F1} columns {columns.Count} lp {lpSolves} pricings {pricings} invalid {invalid} {clock.Elapsed.TotalSeconds:F1}s");
        var fixedCount = 0;
        while (fixedCount < p.WorkerCount)
        {
            // fix every column at >= 0.99 and the largest fractional one
            var best = -1;
            var bestValue = -1.0;
            var fixedNow = 0;
            for (var i = 0; i < columns.Count; i++)
            {
                var (w, _, _, v) = columns[i];
                if (isFixed[w])
                {
                    continue;
                }

                var x = v.SolutionValue();
                if (x >= settle)
                {
                    v.SetLb(1);
                    isFixed[w] = true;
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
                    Console.WriteLine("no column to fix");
                    break;
                }

                columns[best].Var.SetLb(1);
                isFixed[columns[best].Worker] = true;
                fixedNow = 1;
            }

            fixedCount += fixedNow;
            var value = Generate();
            Console.WriteLine($"fixed {fixedCount} LP {value:F1} columns {columns.Count} {clock.Elapsed.TotalSeconds:F1}s");
        }

        var roster = new int[p.WorkerCount * p.Days];
        Array.Fill(roster, -1);
        foreach (var (w, r, _, v) in columns)
        {
            if (v.SolutionValue() > 0.5)
            {
                Array.Copy(r, 0, roster, p.WorkerDay(w, 0), p.Days);
            }
        }

        var score = RosterEvaluator.FullScore(p, roster);
        Console.WriteLine($"dive roster hard {score.Hard} soft {score.Soft} in {clock.Elapsed.TotalSeconds:F1}s (lp {lpSolves}, pricings {pricings}, invalid {invalid})");
        return 0;
    }
}
