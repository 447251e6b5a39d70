using System.Runtime.InteropServices;

namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// A roster read off the column formulation by price-and-dive: each worker a convex combination of whole rows (columns),
/// cover under and over as priced slack; column generation prices rows with the one-worker DP at the cover rows' duals
/// (<see cref="WorkerScheduleDp.SolveAt"/>), then the dive fixes the column of largest value (every column at
/// <see cref="Settled"/> or more at once; the worker's other columns close), prices again for a few rounds
/// (<see cref="NodeRounds"/>), and so on until every worker has a row. Then a large neighbourhood search re-dives a share
/// of the workers at a time (<see cref="Redive"/>) and keeps what lowers the roster's score: a dive alone loses whole
/// persons near its end, on a path any change of the LP moves (Instance8: 1,311 to 1,534; re-dived 1,320; best known
/// 1,300).
/// </summary>
/// <remarks>
/// The diving heuristic of branch and price (Desaulniers, Desrosiers and Solomon (eds.), <i>Column Generation</i>, 2005;
/// Joncour, Michel, Sadykov, Sverdlov and Vanderbeck, "Column generation based primal heuristics", 2010), with the
/// master solved exactly by <see cref="MasterLp"/>, where <see cref="LagrangianDive"/> reads the Lagrangian ascent's
/// averages; the re-dives are a large neighbourhood search (Shaw, "Using constraint programming and local search methods
/// to solve vehicle routing problems", CP 1998) whose repair is the dive itself. Every column is a row the worker's own
/// rules accept (no hard amount of its own, <see cref="WorkerScoring"/>), so the roster breaks no worker rule; a worker
/// left without one keeps its pins (off elsewhere). The DP prices minutes and per-shift maxima heuristically, so the
/// master's value is no bound (<see cref="LagrangianBound"/> is). Only masters of at most <see cref="MaxRows"/> rows (a
/// dense basis inverse). Deterministic: no random draw; <c>stop</c> ends it with
/// every unfixed worker on its column of largest value (during a re-dive: the columns before it).
/// </remarks>
internal sealed class PriceAndDive
{
    // Cover rows plus one convexity row per worker: above this the Lagrangian dive starts the diving search instead. The
    // dive's time grows fast with the rows and columns (one core, session 56: Instance8, 142 rows, 10 s; Instance10, 180
    // rows, about 30 s; Instance14, 200 rows, 30 s; Instance12, 340 rows, over 100 s in the root's pricing alone).
    // Curtois Instances 1-10, 14 and 16 fit.
    internal const int MaxRows = 200;

    // Rounds of pricing at the root; each prices every unfixed worker once. Pricing stops earlier when no row prices below 0.
    private const int MaxRounds = 200;

    // Rounds of pricing after a fix: the dive needs a good master, not its optimum. Instance8's dive alone (one core,
    // session 56): 200 rounds 1,331 in 21 s; 5: 1,311 in 10 s.
    private const int NodeRounds = 5;

    // A column this near one is fixed without a choice (the master already takes it whole).
    private const double Settled = 0.99;

    // The share of the workers (per cent) a re-dive frees at once. Dives alone, one core (session 57, on session 56's
    // look-ahead dive): Instance8 1,521 -> 1,429 freeing 10 of 28 workers, 1,333 freeing 15; freeing 5 gave the same rows
    // back every time (with the others fixed, the freed workers' master is integral at them). Instance14 1,425 -> 1,294
    // freeing half within 36 s.
    private const int RedivePercent = 50;

    // Re-dives in a row that lower nothing end the search (each starts half a share further along the fix order).
    private const int RediveStall = 6;

    // The most re-dives in all (four passes of the fix order at a half), and the most rounds of pricing they may spend
    // in all, as a multiple of the rounds the root and the dive took: without a time limit, or on a clock that moves
    // slowly, the re-dives must end on their own, each kept one lowering the score by a point at least. Instance8's
    // re-dives took about three times the dive's time, Instance14's about one; neither bound changes their rosters.
    private const int RediveMostTries = 16;
    private const int RediveRoundsPerDiveRound = 3;
    private int _roundsPriced;

    // Far above any soft score a row can change: a convexity row's slack (a worker without a row, or with two).
    private const double Unassigned = 1e7;

    // A row enters the master when its reduced cost is below this. Scores are whole points and column costs carry shifts
    // of 1e-5 to 2e-5 (CostShift): at -1e-6 Instance12's root priced about 48 tied rows a round for over 50 rounds
    // without moving the master (4,040.015); at -1e-3 it ends there (session 57).
    private const double NegativeReducedCost = -1e-3;

    // Each row column's cost is shifted up by this many times its Perturbation (1e-5 to 2e-5 points, all different): the
    // columns' integer costs tie by the thousand, and the dual simplex after a fix stalled on those ties (Instance6's dive
    // without: 2,053 in 12 s with 27 cold restarts; with: 1,952 in 1 s).
    private const double CostShift = 10;

    private readonly CompiledProblem _p;
    private readonly Func<bool> _stop;
    private readonly MasterLp _lp;
    private readonly WorkerScheduleDp _dp;
    private readonly EmptyCover _empty = new();
    private readonly int[] _coverRow;
    private readonly int _firstWorkerRow;
    private readonly List<(int Worker, int[] Row)> _columns = [];
    private readonly HashSet<string> _seen = [];
    private readonly List<int>[] _byWorker;
    private readonly int[] _fixed;
    private readonly double[] _dual;
    private readonly int[] _row;
    private readonly int[] _assign;
    private readonly int[] _shiftScratch;
    private readonly int[] _weekScratch;
    private readonly List<(int Row, double Value)> _entries = [];

    // The fixed workers in the order of their fixing (a re-dive frees a stretch of it).
    private readonly List<int> _fixOrder = [];
    private int _slackCount;

    private PriceAndDive(CompiledProblem p, Func<bool> stop)
    {
        _p = p;
        _stop = stop;
        _coverRow = new int[p.Days * p.SlotCount];
        var rhs = new List<double>();
        for (var ds = 0; ds < _coverRow.Length; ds++)
        {
            _coverRow[ds] = p.Required[ds] < 0 ? -1 : rhs.Count;
            if (p.Required[ds] >= 0)
            {
                rhs.Add(p.Required[ds] - Perturbation(rhs.Count));
            }
        }

        _firstWorkerRow = rhs.Count;
        for (var w = 0; w < p.WorkerCount; w++)
        {
            rhs.Add(1 - Perturbation(rhs.Count));
        }

        _lp = new MasterLp([.. rhs]);
        _dp = new WorkerScheduleDp(p);
        _byWorker = new List<int>[p.WorkerCount];
        for (var w = 0; w < p.WorkerCount; w++)
        {
            _byWorker[w] = [];
        }

        _fixed = new int[p.WorkerCount];
        Array.Fill(_fixed, -1);
        _dual = new double[p.Days * p.SlotCount];
        _row = new int[p.Days];
        _assign = new int[p.WorkerCount * p.Days];
        Array.Fill(_assign, -1);
        _shiftScratch = new int[Math.Max(1, p.ShiftCount)];
        _weekScratch = new int[Math.Max(1, p.WeekCount)];
        AddSlacks();
    }

    /// <summary>
    /// Whether <paramref name="p"/>'s master (cover rows plus a row per worker) is small enough to dive (<see cref="MaxRows"/>)
    /// and asks no hard minimum of any demand. A hard minimum's slack costs the hard price (a million points a person), and
    /// at duals of that size the DP's rows break their workers' rules and are left out: on the notebook's 14-date gate
    /// roster (144 rows, every demand a minimum of one) the master stayed at tens of millions and the dive took minutes.
    /// </summary>
    public static bool Fits(CompiledProblem p) => MasterRows(p) <= MaxRows && Array.TrueForAll(p.Minimum, m => m == 0);

    private static int MasterRows(CompiledProblem p) => p.Required.Count(r => r >= 0) + p.WorkerCount;

    /// <summary>
    /// The dived roster of <paramref name="p"/> (per worker-date: the slot, or -1 off), empty without a worker or a date;
    /// null when the master does not fit (<see cref="Fits"/>) or <paramref name="stop"/> ends it before the first master.
    /// </summary>
    /// <param name="p">The compiled problem.</param>
    /// <param name="stop">Asked between rounds of pricing and every <see cref="MasterLp.StopEvery"/> steps of a master solve; true ends the dive with the columns the master holds.</param>
    /// <param name="redive">False: the dive alone, without the re-dives (<see cref="Redive"/>), which tests compare against.</param>
    public static int[]? Cells(CompiledProblem p, Func<bool> stop, bool redive = true)
    {
        if (p.WorkerCount == 0 || p.Days == 0)
        {
            return [];
        }

        if (!Fits(p) || stop())
        {
            return null;
        }

        var dive = new PriceAndDive(p, stop);
        dive.Generate(MaxRounds);
        dive.Dive();
        if (redive)
        {
            dive.Redive();
        }

        return dive.Read();
    }

    /// <summary>
    /// Each cover row's under (priced at the demand's under weight down to its hard minimum, below it at the hard price)
    /// and over (at the over weight up to the hard maximum, above it at the hard price); each worker row's slack both ways.
    /// </summary>
    private void AddSlacks()
    {
        var p = _p;
        for (var ds = 0; ds < _coverRow.Length; ds++)
        {
            var row = _coverRow[ds];
            if (row < 0)
            {
                continue;
            }

            var (required, minimum, maximum) = (p.Required[ds], p.Minimum[ds], p.Maximum[ds]);
            AddSlack(row, 1, p.Under[ds], required - minimum);
            AddSlack(row, 1, p.CoverHardPrice, minimum);
            AddSlack(row, -1, p.Over[ds], maximum == int.MaxValue ? double.PositiveInfinity : maximum - required);
            AddSlack(row, -1, p.CoverHardPrice, double.PositiveInfinity);
        }

        for (var w = 0; w < p.WorkerCount; w++)
        {
            AddSlack(_firstWorkerRow + w, 1, Unassigned, double.PositiveInfinity);
            AddSlack(_firstWorkerRow + w, -1, Unassigned, double.PositiveInfinity);
        }
    }

    private void AddSlack(int row, double sign, double cost, double upper)
    {
        if (upper > 0)
        {
            _lp.AddColumn(cost, upper, [(row, sign)]);
            _slackCount++;
        }
    }

    /// <summary>
    /// Column generation at this node: solve the master, price every unfixed worker at its duals, add each row whose reduced
    /// cost is negative, until none is (or after <paramref name="rounds"/> rounds, or the stop). The master is left solved.
    /// </summary>
    private void Generate(int rounds = NodeRounds)
    {
        for (var round = 0; round < rounds && !_stop(); round++)
        {
            _roundsPriced++;
            _lp.Solve(stop: _stop);
            for (var ds = 0; ds < _dual.Length; ds++)
            {
                _dual[ds] = _coverRow[ds] < 0 ? 0 : _lp.Dual(_coverRow[ds]);
            }

            var added = 0;
            for (var w = 0; w < _p.WorkerCount; w++)
            {
                if (_fixed[w] < 0 && Price(w))
                {
                    added++;
                }
            }

            if (added == 0)
            {
                return;
            }
        }

        _lp.Solve(stop: _stop);
    }

    /// <summary>Prices worker <paramref name="w"/> at the current duals; adds its row when it prices below 0 and is new and valid.</summary>
    private bool Price(int w)
    {
        var p = _p;
        if (!_dp.SolveAt(_empty, w, _dual, _row))
        {
            return false;
        }

        var reduced = -_lp.Dual(_firstWorkerRow + w);
        for (var d = 0; d < p.Days; d++)
        {
            reduced += p.ChoiceSoft[p.ChoiceIndex(w, d, _row[d] + 1)] - (_row[d] >= 0 ? _dual[p.DaySlot(d, _row[d])] : 0);
        }

        return reduced < NegativeReducedCost && AddColumn(w, _row);
    }

    /// <summary>Adds worker <paramref name="w"/>'s <paramref name="row"/> as a column at its own soft cost; false when seen or when it breaks a rule of the worker's.</summary>
    private bool AddColumn(int w, int[] row)
    {
        var p = _p;
        if (!_seen.Add(w + ":" + string.Join(',', row)))
        {
            return false;
        }

        var at = p.WorkerDay(w, 0);
        Array.Copy(row, 0, _assign, at, p.Days);
        var sink = default(NullSink);
        WorkerScoring.Score(p, w, _assign, _shiftScratch, _weekScratch, ref sink, out var hard, out var soft, out _);
        Array.Fill(_assign, -1, at, p.Days);
        if (hard > 0)
        {
            return false;
        }

        _entries.Clear();
        _entries.Add((_firstWorkerRow + w, 1));
        for (var d = 0; d < p.Days; d++)
        {
            if (row[d] >= 0)
            {
                _entries.Add((_coverRow[p.DaySlot(d, row[d])], 1));
            }
        }

        _lp.AddColumn(soft + (CostShift * Perturbation(_columns.Count)), 1, CollectionsMarshal.AsSpan(_entries));
        _byWorker[w].Add(_columns.Count);
        _columns.Add((w, (int[])row.Clone()));
        return true;
    }

    // The master's index of the i-th row column: every slack comes first.
    private int ColumnIndex(int i) => _slackCount + i;

    /// <summary>
    /// Fixes columns until every worker has one: all those at <see cref="Settled"/> at once, else the one of largest value
    /// (ties to the lowest column), pricing again after each. Ends early when every unfixed worker rests on its slack (no
    /// row of theirs in the master's solution) or on the stop.
    /// </summary>
    private void Dive()
    {
        while (Array.IndexOf(_fixed, -1) >= 0 && !_stop())
        {
            var (largest, largestValue, settled) = (-1, 1e-9, false);
            for (var i = 0; i < _columns.Count; i++)
            {
                var x = _lp.Value(ColumnIndex(i));
                if (_fixed[_columns[i].Worker] >= 0 || x <= 1e-9)
                {
                    continue;
                }

                if (x >= Settled)
                {
                    Fix(i);
                    settled = true;
                }
                else if (x > largestValue)
                {
                    (largest, largestValue) = (i, x);
                }
            }

            if (!settled && largest < 0)
            {
                return;
            }

            if (!settled)
            {
                Fix(largest);
            }

            Generate();
        }
    }

    /// <summary>
    /// The large neighbourhood search after the dive: frees <see cref="RedivePercent"/> of the workers, a stretch of the fix
    /// order ending where the last stretch started plus half a stretch (the last fixed first), prices and dives them
    /// again, and keeps the re-dive when every worker has a row and the roster's score (<see cref="RosterEvaluator"/>: the
    /// master's value leaves out fairness) fell, else fixes the freed workers' rows back. Ends after
    /// <see cref="RediveStall"/> re-dives in a row that keep nothing, after <see cref="RediveMostTries"/> or
    /// <see cref="RediveRoundsPerDiveRound"/> times the dive's rounds of pricing, or on the stop. Nothing when the dive left a worker
    /// without a row.
    /// </summary>
    private void Redive()
    {
        var count = _fixOrder.Count;
        if (count < _p.WorkerCount)
        {
            return;
        }

        var size = Math.Max(1, count * RedivePercent / 100);
        var best = RosterEvaluator.FullScore(_p, Read());
        var roundsEnd = _roundsPriced * (1L + RediveRoundsPerDiveRound);
        for (var (tried, stall) = (0, 0); stall < RediveStall && tried < RediveMostTries && _roundsPriced < roundsEnd && !_stop(); tried++)
        {
            // A stretch ending (tried x half a stretch) before the end of the current order, wrapping at its start.
            var end = count - (int)((long)tried * Math.Max(1, size / 2) % count);
            var freed = Enumerable.Range(end - size + count, size).Select(i => _fixOrder[i % count]).ToArray();
            if (TryRedive(freed, ref best))
            {
                stall = 0;
            }
            else
            {
                stall++;
            }
        }
    }

    /// <summary>Frees the fixed workers <paramref name="freed"/> (distinct) and dives them again; true (and <paramref name="best"/> the new score) when that scores below <paramref name="best"/>, else their columns are fixed back.</summary>
    private bool TryRedive(int[] freed, ref ScorePart best)
    {
        var kept = Array.ConvertAll(freed, w => _fixed[w]);
        foreach (var column in kept)
        {
            Unfix(column);
        }

        Generate();
        Dive();
        var score = Array.IndexOf(_fixed, -1) < 0 ? RosterEvaluator.FullScore(_p, Read()) : best;
        if (score < best)
        {
            best = score;
            return true;
        }

        foreach (var w in freed)
        {
            if (_fixed[w] >= 0)
            {
                Unfix(_fixed[w]);
            }
        }

        foreach (var column in kept)
        {
            Fix(column);
        }

        _lp.Solve(stop: _stop);
        return false;
    }

    // Fixing a worker's column closes the worker's other columns (bounds [0, 0]): the worker's row holds them at 0 anyway,
    // and a closed column costs the simplex's pricing and ratio tests nothing.
    private void Fix(int i)
    {
        var w = _columns[i].Worker;
        foreach (var c in _byWorker[w])
        {
            var value = c == i ? 1 : 0;
            _lp.SetBounds(ColumnIndex(c), value, value);
        }

        _fixed[w] = i;
        _fixOrder.Add(w);
    }

    private void Unfix(int i)
    {
        var w = _columns[i].Worker;
        foreach (var c in _byWorker[w])
        {
            _lp.SetBounds(ColumnIndex(c), 0, 1);
        }

        _fixed[w] = -1;
        _fixOrder.Remove(w);
    }

    /// <summary>
    /// A tiny shift per row, all different, taken off its right-hand side: master LPs of 0/1 columns are highly degenerate,
    /// and a primal simplex on them stalls in long runs of steps that move nothing (Instance5's dive: 764,000 pivots
    /// without, 11,700 with). Taken off, never added: a cover row of required 0 that nobody can serve has only its over
    /// slacks, so a row asking a millionth of a person more made the master infeasible (phase 1's duals priced the dive).
    /// The shift moves values by millionths of a person, far below the fix threshold.
    /// </summary>
    private static double Perturbation(int row) => 1e-6 * (1 + ((row * 7919L) % 1009 / 1009.0));

    /// <summary>The roster: each worker's fixed column, else its column of largest value in the master, else its pins (off elsewhere).</summary>
    private int[] Read()
    {
        var p = _p;
        var cells = (int[])p.Pinned.Clone();
        var chosen = (int[])_fixed.Clone();
        var most = new double[p.WorkerCount];
        for (var i = 0; i < _columns.Count; i++)
        {
            var w = _columns[i].Worker;
            var x = _lp.Value(ColumnIndex(i));
            if (_fixed[w] < 0 && x > 1e-9 && x > most[w])
            {
                (chosen[w], most[w]) = (i, x);
            }
        }

        for (var w = 0; w < p.WorkerCount; w++)
        {
            if (chosen[w] >= 0)
            {
                Array.Copy(_columns[chosen[w]].Row, 0, cells, p.WorkerDay(w, 0), p.Days);
            }
        }

        return cells;
    }

    /// <summary>The DP's view of the roster when it prices at duals: nobody else on any slot (<see cref="WorkerScheduleDp.SolveAt"/> reads it only to splice rows).</summary>
    private sealed class EmptyCover : ICoverView
    {
        public int Count(int day, int slot) => 0;

        public int Assigned(int w, int day) => -1;
    }
}
