using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering.Engine;
using CommunityDomain.Rostering.Engine.Search;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>Replans a published roster after a change, changing as few assignments as the per-change penalty asks.</summary>
public static class RosterRepair
{
    // The lists the private steps map are drawn from the published roster: a mismatch there is one of its assignments.
    private const string Published = "published";

    // A past date a worker was off stays off: its shift-off wish weighs far above any real wish (tens to hundreds), so
    // a repair never puts a duty on a date that has gone by unless a pin or a demand's hard minimum forces it.
    private const int PastOffWeight = 1_000_000;


    /// <summary>Repairs <paramref name="published"/> after <paramref name="change"/>.</summary>
    /// <param name="problem">The problem the roster was published for.</param>
    /// <param name="published">The published roster.</param>
    /// <param name="change">What happened, or null for nothing (the published roster comes back unchanged).</param>
    /// <param name="options">Per-change penalty, the first date that may change, seed and moves.</param>
    /// <returns>The repaired roster in the changed problem, its number of changes and each person's notice.</returns>
    /// <remarks>
    /// <para>Candidates: the published roster minus the assignments the change makes impossible or ineligible
    /// from <see cref="RepairOptions.Now"/> on (unavailable, confined elsewhere; pins stay), the same
    /// keeping the ineligible ones (the fewest changes), that roster with short demands filled greedily one
    /// person at a time (each step a candidate), one re-plan per rung of a fixed ladder of change penalties
    /// (<c>0, 2, 10, 50, 250, 1000, 10000</c>), each pinning the past and the problem's pins and wishing every
    /// worker to keep their published duty (or day off) with that rung's weight, and the plain re-plan:
    /// <see cref="RosterPlanner.Plan"/> on the changed problem with the past frozen (every published
    /// assignment dated before <see cref="RepairOptions.Now"/> pinned, nobody else placed on those dates),
    /// with <see cref="RepairOptions.Seed"/> and <see cref="RepairOptions.IterationLimit"/> and no wishes to
    /// keep anything. Every candidate gets the published past back, then its duties back to their published workers
    /// where only the post differs (two unpinned duties of one shift on one date swap workers while that makes more
    /// duties as published and the score is not worse), and is scored in the changed problem; the
    /// result is the candidate with the fewest hard violations, then the lowest <c>soft + penalty x
    /// changes</c>, then the fewest changes.</para>
    /// <para>What holds, for a published roster that keeps the problem's pins: no duty from
    /// <see cref="RepairOptions.Now"/> on keeps a worker who cannot serve it in the changed problem
    /// (unavailable at any moment of it, confined elsewhere, unqualified) unless it is pinned, even when
    /// nobody can replace them and the post falls short; the result never has more
    /// hard violations than that plain re-plan (same problem, seed and iteration limit give the same
    /// roster, and pins and unavailability without a duty score nothing, so it scores the same in the changed
    /// problem), nor than the fewest-changes roster without those duties. Because the candidates do not depend on the penalty,
    /// for a fixed seed and iteration limit a higher penalty never yields more changes (exactly). No change
    /// returns the published roster unchanged. Assignments dated before <see cref="RepairOptions.Now"/> and
    /// the changed problem's pins are never touched. "A hard violation it could avoid" is measured against
    /// that planner run, not against a proof of optimality: with few moves the planner may itself miss a
    /// feasible roster.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// An argument is null, an assignment matches no demand of <paramref name="problem"/>, or the change removes
    /// a demand of an assignment dated before <see cref="RepairOptions.Now"/>.
    /// </exception>
    public static RepairResult Repair(RosterProblem problem, IEnumerable<RosterAssignment> published, RosterChange? change, RepairOptions options) =>
        Repair(problem, published, change, options, progress: null, CancellationToken.None);

    /// <summary>Repairs <paramref name="published"/> after <paramref name="change"/>, reporting progress and stopping when asked.</summary>
    /// <param name="problem">The problem the roster was published for.</param>
    /// <param name="published">The published roster.</param>
    /// <param name="change">What happened, or null for nothing (the published roster comes back unchanged).</param>
    /// <param name="options">Per-change penalty, the first date that may change, seed, moves and time limit.</param>
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
    /// An argument is null, an assignment matches no demand of <paramref name="problem"/>, or the change removes
    /// a demand of an assignment dated before <see cref="RepairOptions.Now"/>.
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

        var now = options.Now ?? problem.Horizon.Start;
        var changed = change.ApplyTo(problem, now);
        var keys = changed.Demands.Select(d => (d.Post, d.Date, d.ShiftCode, d.Qualification)).ToHashSet();
        var kept = original.Where(a => keys.Contains((a.Post, a.Date, a.ShiftCode, a.Qualification))).ToList();
        var past = original.Where(a => a.Date < now).ToList();
        if (past.Count != kept.Count(a => a.Date < now))
        {
            throw new ArgumentException($"The change {change} removes duties dated before {now:uuuu-MM-dd}.", nameof(change));
        }

        // Future duties the change makes ineligible (unavailable, confined elsewhere) go; pins stay.
        var pinnedSet = changed.Pins.ToHashSet();
        var ineligible = ScoreIn(changed, kept).Score.Items
            .Where(i => i.Rule is RuleKind.Unavailable or RuleKind.Confinement or RuleKind.Qualification && i.Worker is not null && i.Date >= now)
            .Select(i => (i.Worker!.Value, i.Date!.Value))
            .ToHashSet();
        var matching = kept;
        kept = kept.Where(a => pinnedSet.Contains(a) || !ineligible.Contains((a.Worker, a.Date))).ToList();

        // Whoever cannot serve a duty from now on (unavailable at any moment of it, confined elsewhere,
        // unqualified) comes off it in every candidate, even when nobody can take their place: one hard point
        // of a short post never buys keeping an ill or trapped person on duty. Pins and the past stay.
        var clock = new Elapsed(options.TimeProvider);
        var choice = new Choice(changed, original, now, pinnedSet, options, progress);
        choice.Add(matching);
        choice.Add(kept);
        var filled = GreedyFill(changed, kept, now, cancellationToken);
        foreach (var candidate in filled)
        {
            choice.Add(candidate);
        }

        choice.Report(0, clock.Now);

        // Re-plans search from the best local candidate rather than from scratch, so they keep what the
        // published roster got right and spend their moves on what the change broke. The last one is the plain
        // re-plan of the changed problem with the past frozen: with it among the candidates, the chosen repair
        // never has more hard violations than the planner itself would leave.
        var start = filled.Count > 0 ? filled[^1] : kept;
        var replans = RepairOptions.Ladder.Select(weight => (Problem: (Func<RosterProblem>)(() => Steered(changed, kept, past, now, weight)), Start: (List<RosterAssignment>?)start))
            .Append((() => FrozenPast(changed, past, now), null))
            .ToList();
        var moves = 0L;
        for (var i = 0; i < replans.Count; i++)
        {
            var left = options.TimeLimit is { } limit ? (limit - clock.Now) / (replans.Count - i) : (Duration?)null;
            if (cancellationToken.IsCancellationRequested || left <= Duration.Zero)
            {
                break;
            }

            var (planned, tried) = Plan(replans[i].Problem(), new PlannerOptions(options.Seed, left, options.IterationLimit, options.TimeProvider), replans[i].Start, cancellationToken);
            moves += tried;
            choice.Add([.. past, .. planned.Assignments.Where(a => a.Date >= now)]);
            choice.Report(moves, clock.Now);
        }

        var best = choice.Best;
        return new RepairResult(changed, best.Roster, best.Changes, Notices(original, best.Roster.Assignments), choice.Count);
    }

    /// <summary>One planner run (the search engine behind <see cref="RosterPlanner.Plan"/>), with the moves it tried.</summary>
    private static (Roster Roster, long Moves) Plan(RosterProblem problem, PlannerOptions options, IEnumerable<RosterAssignment>? start, CancellationToken token)
    {
        var engine = new SearchEngine(problem.Compiled, options, null, start is null ? null : problem.CellsOf(start, Published));
        engine.Run(token);
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
    private sealed class Choice(RosterProblem changed, List<RosterAssignment> original, LocalDate now, HashSet<RosterAssignment> pins, RepairOptions options, IProgress<PlannerProgress>? progress)
    {
        private readonly HashSet<RosterAssignment> _old = [.. original];
        private int[]? _oldCells;
        private ScorePart? _reported;

        public (Roster Roster, int Changes) Best { get; private set; }

        public int Count { get; private set; }

        public void Add(List<RosterAssignment> candidate)
        {
            var (duties, roster) = Eligible(changed, candidate, now, pins);
            _oldCells ??= PublishedCells(changed, original);
            (duties, roster) = Relabel(changed, duties, roster, _oldCells, now);
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
    private static List<List<RosterAssignment>> GreedyFill(RosterProblem changed, List<RosterAssignment> kept, LocalDate now, CancellationToken token)
    {
        // Priced with the incremental evaluator (tested equal to a full rescoring): one Set per try.
        var p = changed.Compiled;
        var slotOf = new Dictionary<(Id<Post>, string, string?), int>();
        foreach (var d in changed.Demands)
        {
            slotOf.TryAdd((d.Post, d.ShiftCode, d.Qualification), slotOf.Count);
        }

        var ev = new RosterEvaluator(p, changed.CellsOf(kept, Published));
        var current = new List<RosterAssignment>(kept);
        var result = new List<List<RosterAssignment>>();
        foreach (var d in changed.Demands.Where(d => d.Date >= now).OrderBy(d => d.Date).ThenBy(d => d.Post.Value).ThenBy(d => d.ShiftCode, StringComparer.Ordinal))
        {
            var day = Period.DaysBetween(changed.Horizon.Start, d.Date);
            var slot = slotOf[(d.Post, d.ShiftCode, d.Qualification)];
            while (ev.Count(day, slot) < Math.Max(d.Required, d.Minimum ?? 0) && !token.IsCancellationRequested)
            {
                var score = ev.Score;
                var bestWorker = -1;
                var bestScore = score;
                for (var w = 0; w < p.WorkerCount; w++)
                {
                    if (ev.Assign[(w * p.Days) + day] >= 0)
                    {
                        continue;
                    }

                    ev.Begin();
                    ev.Set(w, day, slot);
                    ev.Commit();
                    if (ev.Score < bestScore)
                    {
                        bestScore = ev.Score;
                        bestWorker = w;
                    }

                    ev.Undo();
                }

                if (bestWorker < 0)
                {
                    break;
                }

                ev.Begin();
                ev.Set(bestWorker, day, slot);
                ev.Commit();
                ev.Accept();
                current.Add(new RosterAssignment(changed.Workers[bestWorker].Id, d.Date, d.Post, d.ShiftCode, d.Qualification));
                result.Add([.. current]);
            }
        }

        return result;
    }

    /// <summary>The candidate without its barred duties, scored once (twice only when something was barred).</summary>
    private static (List<RosterAssignment> Duties, Roster Roster) Eligible(RosterProblem changed, List<RosterAssignment> candidate, LocalDate now, HashSet<RosterAssignment> pins)
    {
        var roster = ScoreIn(changed, candidate);
        var barred = roster.Score.Items
            .Where(i => i.Rule is RuleKind.Unavailable or RuleKind.Confinement or RuleKind.Qualification && i.Worker is not null && i.Date >= now)
            .Select(i => (i.Worker!.Value, i.Date!.Value))
            .ToHashSet();
        if (barred.Count == 0)
        {
            return (candidate, roster);
        }

        List<RosterAssignment> kept = [.. candidate.Where(a => pins.Contains(a) || !barred.Contains((a.Worker, a.Date)))];
        return (kept, ScoreIn(changed, kept));
    }

    /// <summary>
    /// Gives duties back to their published workers where only the post differs: two duties of one shift on one
    /// date (from <paramref name="now"/> on, neither pinned) swap their workers when that brings more of them back
    /// to the published roster and the score is not worse (priced with the incremental evaluator, tested equal to a
    /// full rescoring). Both duties keep their times, so rest and overlap cannot change. The search's wishes speak
    /// of shifts, not posts, so without this a re-plan may move people between gates at no cost and notify them
    /// for nothing. Passes over worker pairs per date (O(dates x workers^2) cheap checks each) until none gains;
    /// every swap taken removes changes, so the passes end, and a swap rarely enables another (two passes, usually).
    /// </summary>
    private static (List<RosterAssignment> Duties, Roster Roster) Relabel(RosterProblem changed, List<RosterAssignment> duties, Roster roster, int[] old, LocalDate now)
    {
        var p = changed.Compiled;
        var ev = new RosterEvaluator(p, changed.CellsOf(duties, Published));
        var moved = false;
        for (var improved = true; improved;)
        {
            improved = false;
            for (var d = Math.Max(0, Period.DaysBetween(changed.Horizon.Start, now)); d < p.Days; d++)
            {
                for (var a = 0; a < p.WorkerCount; a++)
                {
                    var sa = ev.Assign[(a * p.Days) + d];
                    for (var b = 0; b < p.WorkerCount && sa >= 0 && old[(a * p.Days) + d] != sa && p.Pinned[(a * p.Days) + d] < 0; b++)
                    {
                        var sb = ev.Assign[(b * p.Days) + d];
                        if (b == a || sb < 0 || sb == sa || p.SlotShift[sb] != p.SlotShift[sa] || p.Pinned[(b * p.Days) + d] >= 0
                            || (old[(b * p.Days) + d] != sa && old[(a * p.Days) + d] != sb))
                        {
                            continue;
                        }

                        // a's duty is not published (filtered above); the swap gains when b gets its published
                        // duty back or a gets b's, and loses b's own published duty: net gain must be positive.
                        var gain = (old[(b * p.Days) + d] == sa ? 1 : 0) + (old[(a * p.Days) + d] == sb ? 1 : 0) - (old[(b * p.Days) + d] == sb ? 1 : 0);
                        if (gain <= 0)
                        {
                            continue;
                        }

                        var before = ev.Score;
                        ev.Begin();
                        ev.Set(a, d, sb);
                        ev.Set(b, d, sa);
                        ev.Commit();
                        if (ev.Score <= before)
                        {
                            ev.Accept();
                            (improved, moved, sa) = (true, true, sb);
                        }
                        else
                        {
                            ev.Undo();
                        }
                    }
                }
            }

        }

        if (!moved)
        {
            return (duties, roster);
        }

        var relabelled = RosterBuilder.Build(p, ev.Assign);
        return ([.. relabelled.Assignments], relabelled);
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
    /// The changed problem with the past frozen: every published assignment dated before <paramref name="now"/>
    /// pinned (unless the worker already has a pin that date), and every other worker unavailable on those
    /// dates, so the planner can neither move nor add a past duty (where a kept duty runs past midnight into
    /// such a date, the worker is available there only for that tail). Unavailability without a duty and pins
    /// score nothing, so a roster with the published past usually scores the same here as in the changed problem;
    /// not always (a kept past duty that breaks a rule of the changed problem, e.g. a 24-hour duty into the
    /// worker's own unavailable date, looks servable here through its tail window), which is why the repair
    /// judges every candidate, this one included, in the changed problem.
    /// </summary>
    internal static RosterProblem FrozenPast(RosterProblem changed, IReadOnlyList<RosterAssignment> past, LocalDate now)
    {
        var pinned = changed.Pins.Select(p => (p.Worker, p.Date)).ToHashSet();
        var busy = past.Select(a => (a.Worker, a.Date)).Concat(pinned).ToHashSet();
        var pastDates = changed.Horizon.Where(d => d < now).ToList();

        // A kept night duty runs into the next date: there the worker stays available only for its tail (a
        // window), so the frozen date neither breaks the kept duty nor takes a new one.
        var shifts = changed.Shifts.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var tails = past.Concat(changed.Pins)
            .Select(a => (a.Worker, Date: a.Date.PlusDays(1), End: a.Date.At(shifts[a.ShiftCode].Start).PlusMinutes(shifts[a.ShiftCode].Minutes)))
            .Where(t => t.End > t.Date.AtMidnight() && t.Date < now && !busy.Contains((t.Worker, t.Date)))
            .ToList();
        return changed.With(
            pins: changed.Pins.Concat(past.Where(a => !pinned.Contains((a.Worker, a.Date)))),
            workers: changed.Workers.Select(w =>
            {
                var mine = tails.Where(t => t.Worker == w.Id).ToList();
                var tailDates = mine.Select(t => t.Date).ToHashSet();
                return new Worker(
                    w.Id, w.Kind, w.Home, w.Qualifications, w.ConfinedTo,
                    w.Availability.Concat(mine.Select(t => new AvailabilityWindow(t.Date.AtMidnight(), t.End))),
                    w.UnavailableDates.Concat(pastDates.Where(d => !busy.Contains((w.Id, d)) && !tailDates.Contains(d))).Distinct(), w.Rules,
                    w.DisplayName, w.Resident, w.ConfinedFrom);
            }));
    }

    /// <summary>The changed problem with the past pinned and wishes that keep the published duties.</summary>
    private static RosterProblem Steered(RosterProblem changed, List<RosterAssignment> kept, List<RosterAssignment> past, LocalDate now, int weight)
    {
        var pinned = changed.Pins.Select(p => (p.Worker, p.Date)).ToHashSet();
        var pins = changed.Pins.Concat(past.Where(a => !pinned.Contains((a.Worker, a.Date))));
        var duty = kept.ToDictionary(a => (a.Worker, a.Date), a => a.ShiftCode);
        var wishes = new List<ShiftWish>(changed.Wishes);
        foreach (var w in changed.Workers)
        {
            foreach (var date in changed.Horizon)
            {
                var off = date < now ? PastOffWeight : weight;
                if (duty.TryGetValue((w.Id, date), out var code))
                {
                    if (weight > 0 && date >= now)
                    {
                        wishes.Add(new ShiftWish(w.Id, date, code, WishKind.ShiftOn, weight));
                    }
                }
                else if (off > 0)
                {
                    wishes.AddRange(changed.Shifts.Select(s => new ShiftWish(w.Id, date, s.Code, WishKind.ShiftOff, off)));
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
