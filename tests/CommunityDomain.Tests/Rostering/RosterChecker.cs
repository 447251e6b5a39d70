using CommunityDomain.Rostering;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// An independent re-implementation of every hard rule and the whole score, from the public problem and
/// roster only (no planner internals). Amount units follow <see cref="RuleKind"/>'s documentation.
/// </summary>
public static class RosterChecker
{
    public sealed record Result(int Hard, long Soft, IReadOnlyDictionary<RuleKind, (int Hard, long Soft)> ByRule);

    public static Result Check(RosterProblem problem, IEnumerable<RosterAssignment> assignments, CommunityDomain.Kernel.Id<Worker>? onlyWorker = null)
    {
        var byRule = new Dictionary<RuleKind, (int Hard, long Soft)>();
        void Add(RuleKind k, int h, long s)
        {
            if (h == 0 && s == 0)
            {
                return;
            }

            var cur = byRule.GetValueOrDefault(k);
            byRule[k] = (cur.Hard + h, cur.Soft + s);
        }

        var list = assignments.ToList();
        var shifts = problem.Shifts.ToDictionary(s => s.Code);
        var demands = problem.Demands.ToDictionary(d => (d.Post, d.Date, d.ShiftCode, d.Qualification));

        // Cover.
        foreach (var d in problem.Demands)
        {
            var n = list.Count(a => a.Post == d.Post && a.Date == d.Date && a.ShiftCode == d.ShiftCode && a.Qualification == d.Qualification);
            if (d.Minimum is { } min && n < min)
            {
                Add(RuleKind.CoverMinimum, min - n, 0);
            }

            var max = d.Maximum ?? d.Required;
            if (n > max)
            {
                Add(RuleKind.CoverMaximum, n - max, 0);
            }

            if (n < d.Required)
            {
                Add(RuleKind.CoverUnder, 0, (long)d.UnderWeight * (d.Required - n));
            }
            else if (n > d.Required)
            {
                Add(RuleKind.CoverOver, 0, (long)d.OverWeight * (n - d.Required));
            }
        }

        var minutesOf = new Dictionary<CommunityDomain.Kernel.Id<Worker>, long>();
        foreach (var worker in problem.Workers)
        {
            if (onlyWorker is { } only && worker.Id != only)
            {
                continue; // one worker's own rules only (cover is still counted over every assignment)
            }

            var rules = problem.RulesFor(worker);
            var mine = list.Where(a => a.Worker == worker.Id).ToDictionary(a => a.Date);
            var dates = Enumerable.Range(0, problem.Horizon.Length).Select(i => problem.Horizon.Start.PlusDays(i)).ToList();

            foreach (var a in mine.Values)
            {
                var demand = demands[(a.Post, a.Date, a.ShiftCode, a.Qualification)];
                var (start, end) = Span(problem, a);
                if (!AvailableThroughout(worker, start, end, problem.Zone))
                {
                    Add(RuleKind.Unavailable, 1, 0);
                }
                else if (demand.Qualification is { } q && !worker.Qualifications.Contains(q))
                {
                    Add(RuleKind.Qualification, 1, 0);
                }
                else if (worker.ConfinedTo is { } c && c != demand.Compound && (worker.ConfinedFrom is not { } from || a.Date >= from))
                {
                    Add(RuleKind.Confinement, 1, 0);
                }

                if (demand.Compound != worker.Home)
                {
                    Add(RuleKind.OwnCompound, 0, problem.Weights.OwnCompound);
                }

                // Explicit successions: consecutive dates only.
                if (mine.TryGetValue(a.Date.PlusDays(1), out var next)
                    && rules.ForbiddenSuccessions.Contains(new ForbiddenSuccession(a.ShiftCode, next.ShiftCode)))
                {
                    Add(RuleKind.ForbiddenSuccession, 1, 0);
                }

                // Rest and overlap: against the worker's next duty, however many dates later.
                var later = mine.Keys.Where(d => d > a.Date).ToList();
                if (later.Count > 0)
                {
                    var followingStart = Span(problem, mine[later.Min()]).Start;
                    if (followingStart < end)
                    {
                        Add(RuleKind.Overlap, 1, 0);
                    }
                    else if (rules.MinRest is { } mr && followingStart - end < mr)
                    {
                        Add(RuleKind.Rest, 1, 0);
                    }
                }
            }

            foreach (var (code, max) in rules.MaxShiftsPerCode)
            {
                var n = mine.Values.Count(a => a.ShiftCode == code);
                if (n > max)
                {
                    Add(RuleKind.MaxShiftsOfCode, n - max, 0);
                }
            }

            long minutes = mine.Values.Sum(a => (long)shifts[a.ShiftCode].Duration.TotalMinutes);
            minutesOf[worker.Id] = minutes;
            if (minutes < rules.MinTotalMinutes)
            {
                Add(RuleKind.MinTotalMinutes, (int)Math.Ceiling((rules.MinTotalMinutes - minutes) / 60.0), 0);
            }

            if (rules.MaxTotalMinutes is { } maxM && minutes > maxM)
            {
                Add(RuleKind.MaxTotalMinutes, (int)Math.Ceiling((minutes - maxM) / 60.0), 0);
            }

            if (rules.MaxMinutesPerWeek is { } maxW)
            {
                foreach (var week in mine.Values.GroupBy(a => a.Date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday))))
                {
                    var wm = week.Sum(a => (long)shifts[a.ShiftCode].Duration.TotalMinutes);
                    if (wm > maxW)
                    {
                        Add(RuleKind.MaxWeekMinutes, (int)Math.Ceiling((wm - maxW) / 60.0), 0);
                    }
                }
            }

            var weekends = mine.Keys.Where(d => d.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
                .Select(d => d.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday))).Distinct().Count();
            if (rules.MaxWeekends is { } mwk && weekends > mwk)
            {
                Add(RuleKind.MaxWeekends, weekends - mwk, 0);
            }

            // Blocks of working days and days off.
            var i = 0;
            while (i < dates.Count)
            {
                var working = mine.ContainsKey(dates[i]);
                var j = i;
                while (j < dates.Count && mine.ContainsKey(dates[j]) == working)
                {
                    j++;
                }

                var length = j - i;
                var inner = i > 0 && j < dates.Count;
                if (working)
                {
                    if (rules.MaxConsecutiveDays is { } mc && length > mc)
                    {
                        Add(RuleKind.MaxConsecutiveDays, length - mc, 0);
                    }

                    if (inner && length < rules.MinConsecutiveDays)
                    {
                        Add(RuleKind.MinConsecutiveDays, rules.MinConsecutiveDays - length, 0);
                    }
                }
                else if (inner && length < rules.MinConsecutiveDaysOff)
                {
                    Add(RuleKind.MinConsecutiveDaysOff, rules.MinConsecutiveDaysOff - length, 0);
                }

                i = j;
            }
        }

        foreach (var wish in problem.Wishes)
        {
            var worked = list.Any(a => a.Worker == wish.Worker && a.Date == wish.Date && a.ShiftCode == wish.ShiftCode);
            if (wish.Kind == WishKind.ShiftOn && !worked)
            {
                Add(RuleKind.ShiftOnWish, 0, wish.Weight);
            }
            else if (wish.Kind == WishKind.ShiftOff && worked)
            {
                Add(RuleKind.ShiftOffWish, 0, wish.Weight);
            }
        }

        foreach (var group in problem.Workers.GroupBy(w => w.Kind + "|" + string.Join(",", w.Qualifications.Order(StringComparer.Ordinal))))
        {
            var m = group.Select(w => minutesOf.GetValueOrDefault(w.Id)).ToList(); // a worker skipped (onlyWorker) counts as 0
            long n = m.Count;
            var sum = m.Sum();
            var squares = m.Sum(x => x * x);
            if (n > 1 && problem.Weights.Fairness > 0)
            {
                Add(RuleKind.Fairness, 0, problem.Weights.Fairness * (((n * squares) - (sum * sum)) / (3600 * n)));
            }
        }

        return new Result(byRule.Values.Sum(v => v.Hard), byRule.Values.Sum(v => v.Soft), byRule);
    }

    /// <summary>
    /// Minute by minute of real time, each minute read on the clock of <paramref name="zone"/>: a moment is unavailable
    /// on an unavailable date, and on a date where one of the worker's windows starts it must lie inside some window.
    /// </summary>
    public static bool AvailableThroughout(Worker worker, Instant start, Instant end, DateTimeZone zone)
    {
        for (var instant = start; instant < end; instant += Duration.FromMinutes(1))
        {
            var t = instant.InZone(zone).LocalDateTime;
            if (worker.UnavailableDates.Contains(t.Date))
            {
                return false;
            }

            var restricted = worker.Availability.Any(w => w.Start.Date == t.Date);
            if (restricted && !worker.Availability.Any(w => w.Start <= t && t < w.End))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A duty's real interval: its date at the shift's start in the problem's zone (a start in a spring-forward gap
    /// moved on by the gap, an ambiguous one the earlier), plus the shift's duration of elapsed time.
    /// </summary>
    public static (Instant Start, Instant End) Span(RosterProblem problem, RosterAssignment a)
    {
        var shift = problem.Shifts.First(s => s.Code == a.ShiftCode);
        var start = a.Date.At(shift.Start).InZoneLeniently(problem.Zone).ToInstant();
        return (start, start + shift.Duration);
    }

    /// <summary>Every pair of one worker's duties whose real intervals overlap, earlier duty first, each pair once.</summary>
    public static IEnumerable<(RosterAssignment First, RosterAssignment Second)> OverlappingPairs(RosterProblem problem, IEnumerable<RosterAssignment> assignments) =>
        assignments.GroupBy(a => a.Worker).SelectMany(mine =>
        {
            var spans = mine.Select(a => (Duty: a, Span: Span(problem, a))).ToList();
            return from x in spans
                   from y in spans
                   where x.Duty != y.Duty && x.Span.Start <= y.Span.Start && y.Span.Start < x.Span.End
                   select (x.Duty, y.Duty);
        });

    /// <summary>All pairs of a worker's duties: true when no two overlap and every gap is at least the minimum rest.</summary>
    public static bool AllPairsKeepRestAndOverlap(RosterProblem problem, IEnumerable<RosterAssignment> assignments)
    {
        var list = assignments.ToList();
        if (OverlappingPairs(problem, list).Any())
        {
            return false;
        }

        foreach (var mine in list.GroupBy(a => a.Worker))
        {
            var rules = problem.RulesFor(problem.Workers.First(w => w.Id == mine.Key));
            var spans = mine.Select(a => Span(problem, a)).ToList();
            if (rules.MinRest is { } mr
                && spans.Any(x => spans.Any(y => x != y && x.Start <= y.Start && y.Start - x.End < mr)))
            {
                return false;
            }
        }

        return true;
    }
}
