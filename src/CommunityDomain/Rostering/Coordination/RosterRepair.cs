using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering.Engine;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>Replans a published roster after a change, changing as few assignments as the per-change penalty asks.</summary>
public static class RosterRepair
{
    // The lists the private steps map are drawn from the published roster: a mismatch there is one of its assignments.
    private const string Published = "published";

    // A frozen shift a worker was off stays off: its shift-off wish weighs far above any real wish (tens to hundreds), so
    // a steered re-plan rarely puts a duty there (and the repair drops any it does: frozen duties come from the published roster).
    private const int PastOffWeight = 1_000_000;


    /// <summary>Repairs <paramref name="published"/> after <paramref name="change"/>.</summary>
    /// <param name="problem">The problem the roster was published for.</param>
    /// <param name="published">The published roster.</param>
    /// <param name="change">What happened, or null for nothing (the published roster comes back unchanged).</param>
    /// <param name="options">Per-change penalty, the freeze instant and zone, seed and moves.</param>
    /// <returns>The repaired roster in the changed problem, its number of changes and each person's notice.</returns>
    /// <remarks>
    /// <para>Candidates: the published roster minus the assignments the change makes impossible or ineligible
    /// and not frozen (unavailable, confined elsewhere; pins stay), the same
    /// keeping the ineligible ones (the fewest changes), that roster with short demands filled greedily one
    /// person at a time (each step a candidate), one re-plan per rung of a fixed ladder of change penalties
    /// (<c>0, 2, 10, 50, 250, 1000, 10000</c>), each pinning the past and the problem's pins and wishing every
    /// worker to keep their published duty (or day off) with that rung's weight, and the plain re-plan:
    /// <see cref="RosterPlanner.Plan"/> on the changed problem with the past frozen (every published
    /// assignment starting before <see cref="RepairOptions.FrozenBefore"/> pinned, nobody else placed on a shift that
    /// starts before it),
    /// with <see cref="RepairOptions.Seed"/> and <see cref="RepairOptions.IterationLimit"/> and no wishes to
    /// keep anything. Every candidate gets the published past back, then its duties back to their published workers
    /// where only the post differs (two unpinned duties of one shift on one date swap workers while that makes more
    /// duties as published and the score is not worse), and is scored in the changed problem; the
    /// result is the candidate with the fewest hard violations, then the lowest <c>soft + penalty x
    /// changes</c>, then the fewest changes.</para>
    /// <para>Frozen: a duty starts at its date and its shift's start time in the problem's zone (an instant,
    /// <see cref="ShiftDefinition.On"/>; in <see cref="RepairOptions.Zone"/> for a problem in UTC); one that starts before <see cref="RepairOptions.FrozenBefore"/>,
    /// including one in progress, is frozen. Every candidate gets the published frozen duties back and loses any
    /// other duty starting before that instant.</para>
    /// <para>What holds, for a published roster that keeps the problem's pins: no duty that is not frozen keeps a
    /// worker who cannot serve it in the changed problem
    /// (unavailable at any moment of it, confined elsewhere, unqualified) unless it is pinned, even when
    /// nobody can replace them and the post falls short; the result never has more
    /// hard violations than that plain re-plan (same problem, seed and iteration limit give the same
    /// roster, and pins and unavailability without a duty score nothing, so it scores the same in the changed
    /// problem), nor than the fewest-changes roster without those duties. Because the candidates do not depend on the penalty,
    /// for a fixed seed and iteration limit a higher penalty never yields more changes (exactly). No change
    /// returns the published roster unchanged. Assignments starting before <see cref="RepairOptions.FrozenBefore"/>
    /// and the changed problem's pins are never touched (removed, moved or given to someone else), and no assignment
    /// starting before it is added, so no notice names a duty that has begun. "A hard violation it could avoid" is measured against
    /// that planner run, not against a proof of optimality: with few moves the planner may itself miss a
    /// feasible roster.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// An argument is null, an assignment matches no demand of <paramref name="problem"/>, the change removes
    /// a demand of an assignment starting before <see cref="RepairOptions.FrozenBefore"/>, or <paramref name="options"/>
    /// name a zone other than the problem's (<see cref="RepairOptions.Zone"/>).
    /// </exception>
    public static RepairResult Repair(RosterProblem problem, IEnumerable<RosterAssignment> published, RosterChange? change, RepairOptions options) =>
        Repair(problem, published, change, options, progress: null, CancellationToken.None);

    /// <summary>Repairs <paramref name="published"/> after <paramref name="change"/>, reporting progress and stopping when asked.</summary>
    /// <param name="problem">The problem the roster was published for.</param>
    /// <param name="published">The published roster.</param>
    /// <param name="change">What happened, or null for nothing (the published roster comes back unchanged).</param>
    /// <param name="options">Per-change penalty, the freeze instant and zone, seed, moves and time limit.</param>
    /// <param name="progress">Receives a report each time the best candidate so far improves; optional.</param>
    /// <param name="cancellationToken">Stops the repair early; the best candidate so far is returned.</param>
    /// <returns>The repaired roster in the changed problem, its number of changes and each person's notice.</returns>
    /// <remarks>
    /// <para>The candidates and the choice are those of <see cref="Repair(RosterProblem, IEnumerable{RosterAssignment}, RosterChange?, RepairOptions)"/>;
    /// with no time limit and a token that is never cancelled the result is the same roster, and progress
    /// changes nothing.</para>
    /// <para>Progress: one <see cref="PlannerProgress"/> when the local candidates are scored, then one whenever a
    /// finished re-plan gives a better candidate. <see cref="PlannerProgress.Iteration"/> counts the moves of the
    /// re-plans run so far, <see cref="PlannerProgress.Elapsed"/> the time since the repair started (through
    /// <see cref="RepairOptions.TimeProvider"/>), and <see cref="PlannerProgress.Best"/> is what the choice
    /// minimises: the best candidate's hard violations, and its soft score plus the penalty times its changes, so
    /// successive reports never get worse.</para>
    /// <para>Stopping: <see cref="RepairOptions.TimeLimit"/> is shared out among the re-plans still to run (each
    /// gets the time left divided by their number), and a re-plan with no time left, or started after the
    /// token is cancelled, is skipped; a re-plan running when the token is cancelled stops and keeps the best it
    /// found; the greedy fill stops adding people. The result is still the best of the candidates made, chosen
    /// as always, so it still keeps no worker on a duty they cannot serve (pins excepted) and never touches the
    /// past or the pins. A token cancelled before the call gives the better of the published roster's
    /// matching duties and the fewest-changes roster: no re-plan runs. What a stopped repair no longer promises
    /// is the comparison with the plain re-plan, which it may not have run.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// An argument is null, an assignment matches no demand of <paramref name="problem"/>, the change removes
    /// a demand of an assignment starting before <see cref="RepairOptions.FrozenBefore"/>, or <paramref name="options"/>
    /// name a zone other than the problem's (<see cref="RepairOptions.Zone"/>).
    /// </exception>
    public static RepairResult Repair(
        RosterProblem problem,
        IEnumerable<RosterAssignment> published,
        RosterChange? change,
        RepairOptions options,
        IProgress<PlannerProgress>? progress,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(problem);
        Guard.Against.Null(published);
        Guard.Against.Null(options);
        var original = published.ToList();
        var before = RosterBuilder.Build(problem.Compiled, problem.CellsOf(original, nameof(published)));
        if (change is null)
        {
            return new RepairResult(problem, before, 0, [], 1);
        }

        var setting = Setting.Of(problem, original, change, new RepairFreeze(problem, options));
        var clock = new Elapsed(options.TimeProvider);
        var choice = new Choice(setting, original, options, progress);
        var start = AddLocalCandidates(choice, setting, cancellationToken);
        choice.Report(0, clock.Now);
        AddReplans(choice, setting, start, options, clock, cancellationToken);
        var best = choice.Best;
        return new RepairResult(setting.Changed, best.Roster, best.Changes, Notices(original, best.Roster.Assignments), choice.Count);
    }

    /// <summary>
    /// The local candidates: the published roster's duties that still match a demand, the same without those whose
    /// worker cannot serve them, and each step of the greedy fill. Whoever cannot serve a duty that is not frozen
    /// (unavailable at any moment of it, confined elsewhere, unqualified) comes off it in every candidate, even when
    /// nobody can take their place: one hard point of a short post never buys keeping an ill or trapped person on
    /// duty. Pins and frozen duties stay.
    /// </summary>
    /// <returns>The roster the steered re-plans start from: the last fill step, or the kept duties.</returns>
    private static List<RosterAssignment> AddLocalCandidates(Choice choice, Setting s, CancellationToken token)
    {
        choice.Add(s.Matching);
        choice.Add(s.Kept);
        var filled = GreedyFill(s.Changed, s.Kept, s.Freeze, token);
        foreach (var candidate in filled)
        {
            choice.Add(candidate);
        }

        return filled.Count > 0 ? filled[^1] : s.Kept;
    }

    /// <summary>
    /// The re-plans, one per rung of the ladder then the plain one, each given a share of the time left; a re-plan's
    /// duties that start before the freeze instant are replaced by the frozen published ones.
    /// </summary>
    /// <remarks>
    /// Re-plans search from the best local candidate rather than from scratch, so they keep what the published roster
    /// got right and spend their moves on what the change broke. The last one is the plain re-plan of the changed
    /// problem with the past frozen: with it among the candidates, the chosen repair never has more hard violations
    /// than the planner itself would leave.
    /// </remarks>
    private static void AddReplans(Choice choice, Setting s, List<RosterAssignment> start, RepairOptions options, Elapsed clock, CancellationToken token)
    {
        var replans = RepairOptions.Ladder.Select(weight => (Problem: (Func<RosterProblem>)(() => Steered(s, weight)), Start: (List<RosterAssignment>?)start))
            .Append((() => FrozenPast(s.Changed, s.Past, s.Freeze), null))
            .ToList();
        var moves = 0L;
        for (var i = 0; i < replans.Count; i++)
        {
            var left = options.TimeLimit is { } limit ? (limit - clock.Now) / (replans.Count - i) : (Duration?)null;
            if (token.IsCancellationRequested || left <= Duration.Zero)
            {
                break;
            }

            var (planned, tried) = Plan(replans[i].Problem(), new PlannerOptions(options.Seed, left, options.IterationLimit, options.TimeProvider), replans[i].Start, token);
            moves += tried;
            choice.Add([.. s.Past, .. planned.Assignments.Where(a => !s.Freeze.IsFrozen(a))]);
            choice.Report(moves, clock.Now);
        }
    }

    /// <summary>
    /// What every candidate is built from: the changed problem, the published duties that still match a demand, those
    /// of them each worker can still serve (frozen ones and pins kept), the frozen ones, and the changed problem's pins.
    /// </summary>
    private sealed record Setting(RosterProblem Changed, List<RosterAssignment> Matching, List<RosterAssignment> Kept, List<RosterAssignment> Past, HashSet<RosterAssignment> Pins, RepairFreeze Freeze)
    {
        public static Setting Of(RosterProblem problem, List<RosterAssignment> original, RosterChange change, RepairFreeze freeze)
        {
            var changed = change.ApplyTo(problem, freeze.Date);
            var keys = changed.Demands.Select(d => (d.Post, d.Date, d.ShiftCode, d.Qualification)).ToHashSet();
            var matching = original.Where(a => keys.Contains((a.Post, a.Date, a.ShiftCode, a.Qualification))).ToList();
            var past = original.Where(freeze.IsFrozen).ToList();
            if (past.Count != matching.Count(freeze.IsFrozen))
            {
                throw new ArgumentException($"The change {change} removes duties starting before {freeze}.", nameof(change));
            }

            var pins = changed.Pins.ToHashSet();
            return new Setting(changed, matching, Eligible(changed, matching, freeze, pins).Duties, past, pins, freeze);
        }
    }

    /// <summary>
    /// One planner run, with the moves its best search tried: <see cref="RosterPlanner.Plan"/>'s own search (on a small
    /// short problem several walks, the best kept), so the plain re-plan is exactly the planner's roster and the repair
    /// never leaves more hard violations than the planner would (a single search walked alone is not that roster).
    /// </summary>
    private static (Roster Roster, long Moves) Plan(RosterProblem problem, PlannerOptions options, IEnumerable<RosterAssignment>? start, CancellationToken token)
    {
        var cells = start is null ? null : problem.CellsOf(start, Published);
        var engine = RosterPlanner.Search(problem.Compiled, options, cells, progress: null, timeShare: 1.0, token);
        return (RosterBuilder.Build(problem.Compiled, engine.BestAssign), engine.Iterations);
    }

    /// <summary>Elapsed time since the repair started, from the caller's time provider or a stopwatch (never the calendar clock).</summary>
    private sealed class Elapsed(TimeProvider? provider)
    {
        private readonly long _start = provider?.GetTimestamp() ?? System.Diagnostics.Stopwatch.GetTimestamp();

        public Duration Now => Duration.FromSeconds(((provider?.GetTimestamp() ?? System.Diagnostics.Stopwatch.GetTimestamp()) - _start)
            / (double)(provider?.TimestampFrequency ?? System.Diagnostics.Stopwatch.Frequency));
    }

    /// <summary>
    /// The candidates scored as they come, keeping the best by the repair's order: fewest hard violations, then
    /// the lowest soft + penalty x changes, then the fewest changes, then the earliest.
    /// </summary>
    private sealed class Choice(Setting setting, List<RosterAssignment> original, RepairOptions options, IProgress<PlannerProgress>? progress)
    {
        private readonly HashSet<RosterAssignment> _old = [.. original];
        private int[]? _oldCells;
        private ScorePart? _reported;

        public (Roster Roster, int Changes) Best { get; private set; }

        public int Count { get; private set; }

        public void Add(List<RosterAssignment> candidate)
        {
            var changed = setting.Changed;
            var (duties, roster) = Eligible(changed, candidate, setting.Freeze, setting.Pins);
            _oldCells ??= PublishedCells(changed, original);
            (duties, roster) = Relabel(changed, duties, roster, _oldCells, setting.Freeze);
            var changes = Changes(_old, duties);
            if (Count == 0 || Key(roster, changes).CompareTo(Key(Best.Roster, Best.Changes)) < 0)
            {
                Best = (roster, changes);
            }

            Count++;
        }

        /// <summary>Reports the best candidate when it improved on the last report.</summary>
        public void Report(long moves, Duration elapsed)
        {
            var objective = new ScorePart(Best.Roster.Score.Hard, Best.Roster.Score.Soft + (options.PerChangePenalty * Best.Changes));
            if (progress is not null && (_reported is not { } last || objective < last))
            {
                _reported = objective;
                progress.Report(new PlannerProgress(moves, objective, elapsed));
            }
        }

        private (int Hard, long Objective, int Changes) Key(Roster roster, int changes) =>
            (roster.Score.Hard, roster.Score.Soft + (options.PerChangePenalty * changes), changes);
    }

    /// <summary>
    /// Penalty-independent local candidates: from the fewest-changes roster, fill short demands (by date) one
    /// person at a time with the free worker whose addition scores best, while that improves the score;
    /// every prefix is a candidate.
    /// </summary>
    private static List<List<RosterAssignment>> GreedyFill(RosterProblem changed, List<RosterAssignment> kept, RepairFreeze freeze, CancellationToken token)
    {
        // Priced with the incremental evaluator (tested equal to a full rescoring): one Set per try.
        var slotOf = SlotNumbers(changed);
        var ev = new RosterEvaluator(changed.Compiled, changed.CellsOf(kept, Published));
        var current = new List<RosterAssignment>(kept);
        var result = new List<List<RosterAssignment>>();
        foreach (var d in changed.Demands.Where(d => !freeze.IsFrozen(d.Date, d.ShiftCode)).OrderBy(d => d.Date).ThenBy(d => d.Post.Value).ThenBy(d => d.ShiftCode, StringComparer.Ordinal))
        {
            FillDemand(changed, ev, d, slotOf[(d.Post, d.ShiftCode, d.Qualification)], current, result, token);
        }

        return result;
    }

    /// <summary>The compiled slot of each (post, shift, qualification), numbered in order of first appearance as the compiler numbers them.</summary>
    private static Dictionary<(Id<Post>, string, string?), int> SlotNumbers(RosterProblem changed)
    {
        var slotOf = new Dictionary<(Id<Post>, string, string?), int>();
        foreach (var d in changed.Demands)
        {
            slotOf.TryAdd((d.Post, d.ShiftCode, d.Qualification), slotOf.Count);
        }

        return slotOf;
    }

    /// <summary>Adds the best free worker to demand <paramref name="d"/> while it is below its required (or minimum) count and someone improves the score; each addition is a candidate.</summary>
    private static void FillDemand(RosterProblem changed, RosterEvaluator ev, Demand d, int slot, List<RosterAssignment> current, List<List<RosterAssignment>> result, CancellationToken token)
    {
        var day = Period.DaysBetween(changed.Horizon.Start, d.Date);
        while (ev.Count(day, slot) < Math.Max(d.Required, d.Minimum ?? 0) && !token.IsCancellationRequested)
        {
            var bestWorker = BestAddition(ev, day, slot);
            if (bestWorker < 0)
            {
                break;
            }

            ev.Place(bestWorker, day, slot);
            current.Add(new RosterAssignment(changed.Workers[bestWorker].Id, d.Date, d.Post, d.ShiftCode, d.Qualification));
            result.Add([.. current]);
        }
    }

    /// <summary>The free worker (lowest number on ties) whose duty on (<paramref name="day"/>, <paramref name="slot"/>) lowers the score most; -1 when nobody's lowers it.</summary>
    private static int BestAddition(RosterEvaluator ev, int day, int slot)
    {
        var p = ev.P;
        var bestWorker = -1;
        var bestScore = ev.Score;
        for (var w = 0; w < p.WorkerCount; w++)
        {
            if (ev.Assign[(w * p.Days) + day] >= 0)
            {
                continue;
            }

            var score = ev.ScoreWith(w, day, slot);
            if (score < bestScore)
            {
                bestScore = score;
                bestWorker = w;
            }
        }

        return bestWorker;
    }

    /// <summary>
    /// The candidate without the duties their workers cannot serve (unavailable, confined elsewhere, unqualified),
    /// frozen duties and pins excepted, scored once (twice only when something was barred).
    /// </summary>
    private static (List<RosterAssignment> Duties, Roster Roster) Eligible(RosterProblem changed, List<RosterAssignment> candidate, RepairFreeze freeze, HashSet<RosterAssignment> pins)
    {
        var roster = ScoreIn(changed, candidate);
        var barred = roster.Score.Items
            .Where(i => i.Rule is RuleKind.Unavailable or RuleKind.Confinement or RuleKind.Qualification && i.Worker is not null)
            .Select(i => (i.Worker!.Value, i.Date!.Value))
            .ToHashSet();
        if (!candidate.Any(a => barred.Contains((a.Worker, a.Date)) && !pins.Contains(a) && !freeze.IsFrozen(a)))
        {
            return (candidate, roster);
        }

        List<RosterAssignment> kept = [.. candidate.Where(a => pins.Contains(a) || freeze.IsFrozen(a) || !barred.Contains((a.Worker, a.Date)))];
        return (kept, ScoreIn(changed, kept));
    }

    /// <summary>
    /// Gives duties back to their published workers where only the post differs: two duties of one shift on one
    /// date (neither frozen nor pinned) swap their workers when that brings more of them back
    /// to the published roster and the score is not worse (priced with the incremental evaluator, tested equal to a
    /// full rescoring). Both duties keep their times, so rest and overlap cannot change. The search's wishes speak
    /// of shifts, not posts, so without this a re-plan may move people between gates at no cost and notify them
    /// for nothing. Passes over worker pairs per date (O(dates x workers^2) cheap checks each) until none gains;
    /// every swap taken removes changes, so the passes end, and a swap rarely enables another (two passes, usually).
    /// </summary>
    private static (List<RosterAssignment> Duties, Roster Roster) Relabel(RosterProblem changed, List<RosterAssignment> duties, Roster roster, int[] old, RepairFreeze freeze)
    {
        var p = changed.Compiled;
        var ev = new RosterEvaluator(p, changed.CellsOf(duties, Published));
        var moved = false;
        for (var improved = true; improved;)
        {
            improved = RelabelPass(changed, ev, old, freeze);
            moved |= improved;
        }

        if (!moved)
        {
            return (duties, roster);
        }

        var relabelled = RosterBuilder.Build(p, ev.Assign);
        return ([.. relabelled.Assignments], relabelled);
    }

    /// <summary>One pass of <see cref="Relabel"/> over the unfrozen dates and every worker; whether any swap was taken.</summary>
    private static bool RelabelPass(RosterProblem changed, RosterEvaluator ev, int[] old, RepairFreeze freeze)
    {
        var p = ev.P;
        var improved = false;
        for (var d = Math.Max(0, Period.DaysBetween(changed.Horizon.Start, freeze.Date)); d < p.Days; d++)
        {
            var date = changed.Horizon.Start.PlusDays(d);
            for (var a = 0; a < p.WorkerCount; a++)
            {
                improved |= RelabelWorker(changed, ev, old, freeze, date, d, a);
            }
        }

        return improved;
    }

    /// <summary>Worker <paramref name="a"/>'s unpublished duty on day <paramref name="d"/> (not frozen, not pinned) swapped with each other worker's where that gains; whether any swap was taken.</summary>
    private static bool RelabelWorker(RosterProblem changed, RosterEvaluator ev, int[] old, RepairFreeze freeze, LocalDate date, int d, int a)
    {
        var p = ev.P;
        var sa = ev.Assign[(a * p.Days) + d];
        if (sa >= 0 && freeze.IsFrozen(date, changed.Shifts[p.SlotShift[sa]].Code))
        {
            return false; // both duties of a swap have this shift, so neither may move
        }

        var improved = false;
        for (var b = 0; b < p.WorkerCount && sa >= 0 && old[(a * p.Days) + d] != sa && p.Pinned[(a * p.Days) + d] < 0; b++)
        {
            var sb = ev.Assign[(b * p.Days) + d];
            if (RelabelGain(p, old, a, b, d, sa, sb) > 0 && TrySwap(ev, a, b, d, sa, sb))
            {
                (improved, sa) = (true, sb);
            }
        }

        return improved;
    }

    /// <summary>
    /// Published duties won back by giving <paramref name="a"/>'s duty <paramref name="sa"/> and <paramref name="b"/>'s
    /// <paramref name="sb"/> (same shift, other slot, b not pinned) to each other; 0 when the pair may not swap.
    /// </summary>
    private static int RelabelGain(CompiledProblem p, int[] old, int a, int b, int d, int sa, int sb)
    {
        if (b == a || sb < 0 || sb == sa || p.SlotShift[sb] != p.SlotShift[sa] || p.Pinned[(b * p.Days) + d] >= 0
            || (old[(b * p.Days) + d] != sa && old[(a * p.Days) + d] != sb))
        {
            return 0;
        }

        // a's duty is not published (filtered by the caller); the swap gains when b gets its published
        // duty back or a gets b's, and loses b's own published duty: net gain must be positive.
        return (old[(b * p.Days) + d] == sa ? 1 : 0) + (old[(a * p.Days) + d] == sb ? 1 : 0) - (old[(b * p.Days) + d] == sb ? 1 : 0);
    }

    /// <summary>Swaps the two duties of day <paramref name="d"/> and keeps the swap when the score is not worse.</summary>
    private static bool TrySwap(RosterEvaluator ev, int a, int b, int d, int sa, int sb)
    {
        var before = ev.Score;
        ev.Begin();
        ev.Set(a, d, sb);
        ev.Set(b, d, sa);
        ev.Commit();
        if (ev.Score <= before)
        {
            ev.Accept();
            return true;
        }

        ev.Undo();
        return false;
    }

    /// <summary>The published duties as cells of the changed problem (those whose demand the change removed left out).</summary>
    private static int[] PublishedCells(RosterProblem changed, List<RosterAssignment> original)
    {
        var keys = changed.Demands.Select(d => (d.Post, d.Date, d.ShiftCode, d.Qualification)).ToHashSet();
        return changed.CellsOf(original.Where(a => keys.Contains((a.Post, a.Date, a.ShiftCode, a.Qualification))), Published);
    }

    /// <summary>Scores assignments drawn from the published roster in the changed problem.</summary>
    private static Roster ScoreIn(RosterProblem changed, IEnumerable<RosterAssignment> assignments) =>
        RosterBuilder.Build(changed.Compiled, changed.CellsOf(assignments, Published));

    /// <summary>Added plus removed assignments.</summary>
    private static int Changes(HashSet<RosterAssignment> old, List<RosterAssignment> next)
    {
        var nextSet = next.ToHashSet();
        return old.Count(a => !nextSet.Contains(a)) + nextSet.Count(a => !old.Contains(a));
    }

    /// <summary>
    /// The changed problem with the past frozen: every published assignment starting before the freeze instant pinned
    /// (unless the worker already has a pin that date), every other worker unavailable on the dates wholly gone by, and
    /// on the date the freeze instant cuts, available only from the first shift that starts at or after it, so the
    /// planner can neither move nor add a frozen duty (where a kept duty runs past midnight into such a date, the
    /// worker is also available there for that tail). Unavailability without a duty and pins score nothing, so a
    /// roster with the published past usually scores the same here as in the changed problem; not always (a kept past
    /// duty that breaks a rule of the changed problem, e.g. a 24-hour duty into the worker's own unavailable date,
    /// looks servable here through its tail window), which is why the repair judges every candidate, this one
    /// included, in the changed problem.
    /// </summary>
    internal static RosterProblem FrozenPast(RosterProblem changed, IReadOnlyList<RosterAssignment> past, RepairFreeze freeze)
    {
        var pinned = changed.Pins.Select(p => (p.Worker, p.Date)).ToHashSet();
        var busy = past.Select(a => (a.Worker, a.Date)).Concat(pinned).ToHashSet();
        var pastDates = changed.Horizon.Where(freeze.IsPast).ToList();
        var cut = changed.Horizon.Select(d => (Date: d, From: freeze.OpenFrom(d))).Where(x => x.From is not null).Select(x => (x.Date, From: x.From!.Value)).ToList();

        // A kept night duty runs into the next date: there the worker stays available for its tail (a window), so
        // the frozen date neither breaks the kept duty nor takes a new one.
        var shifts = changed.Shifts.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var tails = past.Concat(changed.Pins)
            .Select(a => (a.Worker, Date: a.Date.PlusDays(1), End: shifts[a.ShiftCode].On(a.Date, changed.Zone).End.InZone(changed.Zone).LocalDateTime))
            .Where(t => t.End > t.Date.AtMidnight() && (freeze.IsPast(t.Date) || cut.Any(c => c.Date == t.Date)) && !busy.Contains((t.Worker, t.Date)))
            .ToList();
        return changed.With(
            pins: changed.Pins.Concat(past.Where(a => !pinned.Contains((a.Worker, a.Date)))),
            workers: changed.Workers.Select(w =>
            {
                var mine = tails.Where(t => t.Worker == w.Id).ToList();
                var tailDates = mine.Select(t => t.Date).ToHashSet();
                var (windows, closed) = CutAvailability(w, cut.Where(c => !busy.Contains((w.Id, c.Date))), tailDates);
                return new Worker(
                    w.Id, w.Kind, w.Home, w.Qualifications, w.ConfinedTo,
                    windows.Concat(mine.Select(t => new AvailabilityWindow(t.Date.AtMidnight(), t.End))),
                    w.UnavailableDates.Concat(pastDates.Where(d => !busy.Contains((w.Id, d)) && !tailDates.Contains(d))).Concat(closed).Distinct(), w.Rules,
                    w.DisplayName, w.Resident, w.ConfinedFrom);
            }));
    }

    /// <summary>
    /// A worker's windows with each cut date (where the worker has no frozen duty) open only from its first shift at
    /// or after the freeze instant: the worker's own windows of that date clipped to start there, or one window from
    /// there to midnight when the date had none. A date whose own windows all lie before it (and no tail) is closed.
    /// </summary>
    private static (List<AvailabilityWindow> Windows, List<LocalDate> Closed) CutAvailability(Worker w, IEnumerable<(LocalDate Date, LocalDateTime From)> cut, HashSet<LocalDate> tailDates)
    {
        var windows = w.Availability.ToList();
        var closed = new List<LocalDate>();
        foreach (var (date, from) in cut)
        {
            var own = windows.Where(x => x.Start.Date == date).ToList();
            if (own.Count == 0)
            {
                windows.Add(new AvailabilityWindow(from, date.PlusDays(1).AtMidnight()));
                continue;
            }

            windows.RemoveAll(x => x.Start.Date == date);
            var clipped = own.Where(x => x.End > from).Select(x => new AvailabilityWindow(x.Start > from ? x.Start : from, x.End)).ToList();
            windows.AddRange(clipped);
            if (clipped.Count == 0 && !tailDates.Contains(date))
            {
                closed.Add(date);
            }
        }

        return (windows, closed);
    }

    /// <summary>The changed problem with the frozen duties pinned and wishes that keep the published duties.</summary>
    private static RosterProblem Steered(Setting s, int weight)
    {
        var changed = s.Changed;
        var pinned = changed.Pins.Select(p => (p.Worker, p.Date)).ToHashSet();
        var pins = changed.Pins.Concat(s.Past.Where(a => !pinned.Contains((a.Worker, a.Date))));
        var duty = s.Kept.ToDictionary(a => (a.Worker, a.Date), a => a.ShiftCode);
        var wishes = new List<ShiftWish>(changed.Wishes);
        foreach (var w in changed.Workers)
        {
            foreach (var date in changed.Horizon)
            {
                if (duty.TryGetValue((w.Id, date), out var code))
                {
                    if (weight > 0 && !s.Freeze.IsFrozen(date, code))
                    {
                        wishes.Add(new ShiftWish(w.Id, date, code, WishKind.ShiftOn, weight));
                    }

                    continue;
                }

                foreach (var shift in changed.Shifts)
                {
                    var off = s.Freeze.IsFrozen(date, shift.Code) ? PastOffWeight : weight;
                    if (off > 0)
                    {
                        wishes.Add(new ShiftWish(w.Id, date, shift.Code, WishKind.ShiftOff, off));
                    }
                }
            }
        }

        return changed.With(pins: pins, wishes: wishes);
    }

    private static List<WorkerNotice> Notices(List<RosterAssignment> before, IReadOnlyList<RosterAssignment> after)
    {
        var oldSet = before.ToHashSet();
        var newSet = after.ToHashSet();
        var removed = before.Where(a => !newSet.Contains(a)).ToLookup(a => a.Worker);
        var added = after.Where(a => !oldSet.Contains(a)).ToLookup(a => a.Worker);
        return removed.Select(g => g.Key).Union(added.Select(g => g.Key)).OrderBy(w => w.Value)
            .Select(w => new WorkerNotice(w, [.. removed[w].OrderBy(a => a.Date)], [.. added[w].OrderBy(a => a.Date)]))
            .ToList();
    }
}
