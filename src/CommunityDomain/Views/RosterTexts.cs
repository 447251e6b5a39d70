using System.Text;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;

namespace CommunityDomain.Views;

/// <summary>
/// The roster's texts for people: the ready-to-send message a volunteer receives (new duty, cancelled duty, swap
/// accepted), the dispatch list, a swap's verdict, why a post is short, why a worker got their duties, and a roster's
/// score in plain sentences. Every text names workers, posts and compounds by the <see cref="Labels"/>, dates with
/// weekdays and shifts by their local start and end, in the labels' culture.
/// </summary>
/// <remarks>
/// The types' own <c>ToString</c> stay developer texts with ids; these are the texts to post or send. No text holds
/// a UTC instant or a resident's registered name (workers show only their display names).
/// </remarks>
public static class RosterTexts
{
    /// <summary>
    /// The message to send one worker after a repair: their cancelled and new duties, each with date, local start
    /// and end, post and compound, e.g. "王芳：您的值班有变动。取消：8月22日（周一）08:00-16:00 东方小区东门。新增：8月23日（周二）16:00-24:00 东方小区西门。".
    /// </summary>
    /// <param name="notice">The notice (<see cref="RepairResult.Notices"/>).</param>
    /// <param name="problem">The problem the duties belong to (shift times).</param>
    /// <param name="labels">Culture, zone and names.</param>
    /// <returns>One short ready-to-send text.</returns>
    /// <exception cref="ArgumentException">A parameter is null, or a duty's shift is not in the problem.</exception>
    public static string Message(WorkerNotice notice, RosterProblem problem, Labels labels)
    {
        Guard.Against.Null(notice);
        Guard.Against.Null(problem);
        Guard.Against.Null(labels);
        problem.CheckShownIn(labels.Zone, nameof(labels));
        var l = labels;
        var sb = new StringBuilder(l.Text("notice.opening", ("worker", l.Worker(notice.Worker))));
        if (notice.Removed.Count > 0)
        {
            sb.Append(l.Text("notice.cancelled", ("duties", Duties(notice.Removed, problem, l))));
        }

        if (notice.Added.Count > 0)
        {
            sb.Append(l.Text("notice.added", ("duties", Duties(notice.Added, problem, l))));
        }

        return notice.Removed.Count + notice.Added.Count > 0 ? l.WithRosterTimes(sb.ToString()) : sb.ToString();
    }

    /// <summary>
    /// The messages to send the two workers of an accepted swap, each listing the duties they now have on the
    /// swapped dates (or "off" on a date they no longer work).
    /// </summary>
    /// <param name="verdict">The verdict (<see cref="RosterSwaps.Check"/>); must be accepted.</param>
    /// <param name="problem">The problem the duties belong to.</param>
    /// <param name="labels">Culture, zone and names.</param>
    /// <returns>One message per worker, first worker first.</returns>
    /// <exception cref="ArgumentException">A parameter is null, or the swap was refused.</exception>
    public static IReadOnlyList<(Id<Worker> Worker, string Text)> SwapMessages(SwapVerdict verdict, RosterProblem problem, Labels labels)
    {
        Guard.Against.InvalidInput(Guard.Against.Null(verdict), nameof(verdict), static v => v.Accepted, "Only an accepted swap is announced to the workers.");
        Guard.Against.Null(problem);
        Guard.Against.Null(labels);
        problem.CheckShownIn(labels.Zone, nameof(labels));

        var l = labels;
        var dates = verdict.Before.Assignments.Concat(verdict.After.Assignments).Where(a => a.Worker == verdict.First || a.Worker == verdict.Second)
            .Select(a => a.Date).Where(d => Duty(verdict.Before, verdict.First, d) != Duty(verdict.After, verdict.First, d)
                || Duty(verdict.Before, verdict.Second, d) != Duty(verdict.After, verdict.Second, d))
            .Distinct().Order().ToList();
        (Id<Worker>, string) For(Id<Worker> me, Id<Worker> other)
        {
            // Two identical duties swapped (same post, shift and role) change nothing anyone works: say so, not an empty list.
            if (dates.Count == 0)
            {
                return (me, l.Text("notice.swap.unchanged", ("worker", l.Worker(me)), ("other", l.Worker(other))));
            }

            var lines = dates.Select(d => Duty(verdict.After, me, d) is { } a
                ? DutyText(a, problem, l)
                : l.Text("notice.off", ("date", l.Date(d))));
            var text = l.Text("notice.swap", ("worker", l.Worker(me)), ("other", l.Worker(other)), ("duties", l.List(lines)));
            return (me, dates.Any(d => Duty(verdict.After, me, d) is not null) ? l.WithRosterTimes(text) : text);
        }

        return [For(verdict.First, verdict.Second), For(verdict.Second, verdict.First)];
    }

    /// <summary>A swap's verdict in one sentence: accepted, or refused with the rules it would break in plain words.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <param name="labels">Culture and names.</param>
    /// <returns>The sentence.</returns>
    /// <exception cref="ArgumentException">A parameter is null.</exception>
    public static string Verdict(SwapVerdict verdict, Labels labels)
    {
        Guard.Against.Null(verdict);
        Guard.Against.Null(labels);
        var l = labels;
        var who = (("first", l.Worker(verdict.First)), ("second", l.Worker(verdict.Second)));
        return verdict.Accepted ? l.Text("swap.accepted", who.Item1, who.Item2)
            : verdict.PinnedMoved.Count > 0 ? l.Text("swap.pinned", who.Item1, who.Item2)
            : l.Text("swap.refused", who.Item1, who.Item2, ("rules", l.List(verdict.BrokenRules.Select(l.Rule))));
    }

    /// <summary>
    /// The dispatch list for an ad-hoc need: the need (post, date, local times), one sentence on how the list is ordered,
    /// and the first candidates in that order, each with their kind and why this person in plain words (lives in this
    /// compound or where, hours on duty this week and whether that is the fewest of those who can go, when the rest after
    /// their last duty ends, and what going would cost them: "but would lose a day off they asked for"), never score
    /// points; "nobody can go" when the list is empty.
    /// </summary>
    /// <remarks>
    /// The list is ordered by the facts its lines show, as its second line says: whoever gives up no wish or preference by
    /// going first, then those who live in the need's compound, then fewer hours on duty this week, then the order of the
    /// worker list. <see cref="DispatchRanking.Candidates"/> keep the planner's order by the whole score change, which also
    /// weighs hours over the whole horizon within each group of workers; a line cannot show that, so the text does not
    /// follow it.
    /// </remarks>
    /// <param name="ranking">The ranking (<see cref="RosterDispatch.Rank"/>).</param>
    /// <param name="labels">Culture, zone and names.</param>
    /// <param name="top">How many candidates to list (at least 1).</param>
    /// <returns>Lines separated by <c>\n</c>: the need, how the list is ordered, then one numbered line per candidate.</returns>
    /// <exception cref="ArgumentException">A parameter is null or <paramref name="top"/> is below 1.</exception>
    public static string Dispatch(DispatchRanking ranking, Labels labels, int top = 5)
    {
        Guard.Against.Null(ranking);
        Guard.Against.Null(labels);
        ranking.Problem.CheckShownIn(labels.Zone, nameof(labels));
        Guard.Against.NegativeOrZero(top);
        var l = labels;
        var need = ranking.Need;
        var shifts = ranking.Problem.Shifts.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var shift = shifts[need.ShiftCode];
        var sb = new StringBuilder(l.WithRosterTimes(l.Text("dispatch.need", ("post", l.PostWithCompound(need.Post)), ("date", l.Date(need.Date)), ("times", l.ShiftLabels(need.Date, shifts.Values)[shift.Code]),
            ("count", l.Count(ranking.Candidates.Count, "people")))));
        sb.Append('\n').Append(ranking.Candidates.Count == 0 ? l.Text("dispatch.nobody") : l.Text("dispatch.order"));

        var workers = ranking.Problem.Workers.ToDictionary(w => w.Id);
        var week = WeekMinutes(ranking);
        var fewest = week.Count == 0 ? 0 : week.Values.Min();
        var needStart = l.Span(need.Date, shift).Start;
        foreach (var ((c, costs), i) in OrderedAsShown(ranking, workers, week).Take(top).Select((x, i) => (x, i + 1)))
        {
            // Why this person, in the facts a coordinator weighs: where they live, how much they have worked this week,
            // when their rest ends, and any wish or rule going would cost them (the rules' points stay in the model).
            var worker = workers[c.Worker];
            var reasons = new List<string>
            {
                worker.Home == need.Compound ? l.Text("dispatch.home.here") : l.Text("dispatch.home.elsewhere", ("compound", l.Compound(worker.Home))),
                week[c.Worker] == fewest && ranking.Candidates.Count > 1
                    ? l.Text("dispatch.hours.fewest", ("hours", l.Hours(week[c.Worker])))
                    : l.Text("dispatch.hours", ("hours", l.Hours(week[c.Worker]))),
            };
            if (RestReason(ranking, c, worker, shifts, needStart, l) is { } rest)
            {
                reasons.Add(rest);
            }

            if (costs.Count > 0)
            {
                reasons.Add(l.Text("dispatch.costs", ("costs", l.List(costs.Select(r => l.Text("cost." + r.ToString()))))));
            }

            sb.Append('\n').Append(l.Text("dispatch.candidate", ("n", ViewText.Int(i)), ("worker", l.Worker(c.Worker)), ("kind", l.Kind(worker.Kind)),
                ("why", string.Join(l.Text("dispatch.separator"), reasons))));
        }

        return sb.ToString();
    }

    // The list is ordered by the facts it shows, as its second line says: no wish or preference given up first, then
    // living in this compound, then fewer hours on duty this week, then the worker list. (The ranking itself orders by
    // the whole score change, which weighs hours over the whole horizon and within each group: a reader could not check
    // that order against these lines.) A phase of Dispatch, as is RestReason: each is one fact of the text.
    private static IEnumerable<(DispatchCandidate Candidate, List<RuleKind> Costs)> OrderedAsShown(
        DispatchRanking ranking, Dictionary<Id<Worker>, Worker> workers, Dictionary<Id<Worker>, long> week)
    {
        var listed = ranking.Problem.Workers.Select((w, i) => (w.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return ranking.Candidates
            .Select(c => (Candidate: c, Costs: Costs(c)))
            .OrderBy(x => x.Costs.Count > 0)
            .ThenBy(x => workers[x.Candidate.Worker].Home != ranking.Need.Compound)
            .ThenBy(x => week[x.Candidate.Worker])
            .ThenBy(x => listed[x.Candidate.Worker]);
    }

    // When the candidate's rest after their last duty ends, if it ends within a day before the need starts; null otherwise.
    private static string? RestReason(DispatchRanking ranking, DispatchCandidate c, Worker worker, Dictionary<string, ShiftDefinition> shifts, ZonedDateTime needStart, Labels l)
    {
        if (ranking.Problem.RulesFor(worker).MinRest is not { } rest
            || c.Roster.Assignments.Where(a => a.Worker == c.Worker && a != c.Assignment && shifts.ContainsKey(a.ShiftCode))
                .Select(a => l.Span(a.Date, shifts[a.ShiftCode]).End.ToInstant())
                .Where(end => end <= needStart.ToInstant() && end.Plus(rest) > needStart.ToInstant().Minus(Duration.FromDays(1)))
                .OrderDescending().Select(end => (Instant?)end).FirstOrDefault() is not { } lastEnd)
        {
            return null;
        }

        // The time alone only when the last duty, its rest and the need all fall on the need's day; otherwise "rest
        // ends at 03:00" reads as the wrong day (the last duty ended yesterday, or the rest ends on another day).
        var restEnd = lastEnd.Plus(rest).InZone(l.Zone);
        var oneDay = restEnd.Date == needStart.Date && lastEnd.InZone(l.Zone).Date == needStart.Date;
        return l.Text("dispatch.rest", ("time", l.DutyMoment(restEnd, needStart, withDate: !oneDay)));
    }

    // What going would cost a candidate beyond where they live and their hours: the wishes and preferences whose count rises.
    private static List<RuleKind> Costs(DispatchCandidate c) =>
        [.. c.ChangeByRule.Where(kv => kv.Value > 0 && kv.Key is not (RuleKind.OwnCompound or RuleKind.Fairness)).Select(kv => kv.Key).Order()];

    // A moment near a duty's start, always with its date: a why-short line names no date of its own, so "须休息到12:00"
    // left the reader to guess the day. It comes from the duties' local times (their spans), so it shows as a local time
    // of the problem, never with "UTC".
    private static string When(Instant at, ZonedDateTime near, Labels l) => l.DutyMoment(at.InZone(l.Zone), near, withDate: true);

    // Each candidate's minutes on duty in the need's week (Monday to Sunday), before the need: from the candidate's
    // roster less the need's own assignment.
    private static Dictionary<Id<Worker>, long> WeekMinutes(DispatchRanking ranking)
    {
        var monday = ranking.Need.Date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var minutes = ranking.Problem.Shifts.ToDictionary(s => s.Code, s => (long)s.Minutes, StringComparer.Ordinal);
        return ranking.Candidates.ToDictionary(c => c.Worker, c => c.Roster.Assignments
            .Where(a => a.Worker == c.Worker && a != c.Assignment && a.Date >= monday && a.Date <= monday.PlusDays(6))
            .Sum(a => minutes.GetValueOrDefault(a.ShiftCode)));
    }

    /// <summary>
    /// Why one worker did not cover a short duty, in plain words, from the reason alone: already on a duty that date (which one: one duty a date),
    /// the rules going would break, or free to go without breaking a rule. Never score points: the reason's soft change
    /// nets the cover it would have given against what it would have cost, so <see cref="WhyShort"/>, which has the
    /// roster, says what going would have cost.
    /// </summary>
    /// <param name="reason">The reason (<see cref="RosterExplanations.WhyShort"/>).</param>
    /// <param name="problem">The problem (shift times).</param>
    /// <param name="labels">Culture, zone and names.</param>
    /// <returns>One sentence.</returns>
    /// <exception cref="ArgumentException">A parameter is null.</exception>
    public static string Shortfall(ShortfallReason reason, RosterProblem problem, Labels labels)
    {
        Guard.Against.Null(reason);
        Guard.Against.Null(problem);
        Guard.Against.Null(labels);
        problem.CheckShownIn(labels.Zone, nameof(labels));
        var l = labels;
        var worker = ("worker", l.Worker(reason.Worker));
        return reason.OnDutyElsewhere is { } a ? l.WithRosterTimes(SameDate(worker, a, problem, l))
            : reason.BrokenRules.Count > 0 ? l.Text("short.rules", worker, ("rules", l.List(reason.BrokenRules.Select(l.Rule))))
            : l.Text("short.could.no-rule", worker);
    }

    /// <summary>
    /// Why a duty is short, one sentence per worker who could have covered it (<see cref="RosterExplanations.WhyShort"/>'s
    /// order), saying what sending that person would have cost in plain words: already on a duty that date (which one: one duty a date), could not go
    /// ("was due a rest until 07:00", "would have exceeded their weekly hours"), or free to go, "but would lose a day off
    /// they asked for" or at no cost. Rest times are local, from the duties' instants in the labels' zone.
    /// </summary>
    /// <param name="problem">The problem.</param>
    /// <param name="assignments">The roster's assignments.</param>
    /// <param name="post">The short duty's post.</param>
    /// <param name="date">Its date.</param>
    /// <param name="shiftCode">Its shift code.</param>
    /// <param name="labels">Culture, zone and names.</param>
    /// <param name="qualification">Its qualification, or null.</param>
    /// <returns>One sentence per worker.</returns>
    /// <exception cref="ArgumentException">A parameter is null, or the problem has no such demand.</exception>
    public static IReadOnlyList<string> WhyShort(
        RosterProblem problem, IReadOnlyList<RosterAssignment> assignments, Id<Post> post, LocalDate date, string shiftCode, Labels labels, string? qualification = null)
    {
        Guard.Against.Null(problem);
        Guard.Against.Null(assignments);
        Guard.Against.Null(shiftCode);
        Guard.Against.Null(labels);
        problem.CheckShownIn(labels.Zone, nameof(labels));
        var reasons = RosterExplanations.WhyShort(problem, assignments, post, date, shiftCode, qualification);
        var l = labels;
        var shifts = problem.Shifts.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var before = RosterPlanner.Score(problem, assignments).Score;
        var lines = new List<string>(reasons.Count);
        foreach (var reason in reasons)
        {
            var worker = ("worker", l.Worker(reason.Worker));
            if (reason.OnDutyElsewhere is { } a)
            {
                lines.Add(l.WithRosterTimes(SameDate(worker, a, problem, l)));
                continue;
            }

            // What going would cost, recomputed by scoring the roster with this worker added: the rules whose amount rises.
            var after = RosterPlanner.Score(problem, assignments.Append(new RosterAssignment(reason.Worker, date, post, shiftCode, qualification))).Score;
            var risen = after.ByRule.Where(kv => kv.Key is not (RuleKind.CoverUnder or RuleKind.CoverMinimum)
                    && (kv.Value.Hard > before.ByRule.GetValueOrDefault(kv.Key).Hard || kv.Value.Soft > before.ByRule.GetValueOrDefault(kv.Key).Soft))
                .Select(kv => kv.Key).Union(reason.BrokenRules).Distinct().Order().ToList();
            var said = risen.Select(r => Cost(r, reason.Worker, date, shifts[shiftCode], assignments, problem, shifts, l)).ToList();
            var costs = l.List(said.Select(c => c.Text));
            var line = reason.BrokenRules.Count > 0 ? l.Text("short.rules", worker, ("rules", costs))
                : risen.Count > 0 ? l.Text("short.could", worker, ("costs", costs))
                : l.Text("short.could.free", worker);
            lines.Add(said.Any(c => c.Timed) ? l.WithRosterTimes(line) : line);
        }

        return lines;
    }

    /// <summary>
    /// Which duty a why-short list is about, in one line to head it: the post with its compound (and the qualification the
    /// duty asks for), the date, the local start and end, and how many people the roster has on it against how many the
    /// duty needs ("Short: Dongfang › East gate on Sun 21 Aug 00:00-08:00: 0 people on duty, 1 person needed." /
    /// "人手不足：东方小区东门，8月21日（周日）00:00-08:00，在岗0人，需要1人。").
    /// </summary>
    /// <param name="problem">The problem.</param>
    /// <param name="assignments">The roster's assignments.</param>
    /// <param name="post">The short duty's post.</param>
    /// <param name="date">Its date.</param>
    /// <param name="shiftCode">Its shift code.</param>
    /// <param name="labels">Culture, zone and names.</param>
    /// <param name="qualification">Its qualification, or null.</param>
    /// <returns>One line.</returns>
    /// <exception cref="ArgumentException">A parameter is null, or the problem has no such demand (named <paramref name="post"/>).</exception>
    public static string ShortDuty(
        RosterProblem problem, IReadOnlyList<RosterAssignment> assignments, Id<Post> post, LocalDate date, string shiftCode, Labels labels, string? qualification = null)
    {
        Guard.Against.Null(problem);
        Guard.Against.Null(assignments);
        Guard.Against.Null(shiftCode);
        Guard.Against.Null(labels);
        problem.CheckShownIn(labels.Zone, nameof(labels));
        var demand = problem.Demands.FirstOrDefault(d => d.Post == post && d.Date == date && d.ShiftCode == shiftCode && d.Qualification == qualification)
            ?? throw new ArgumentException($"No demand at {post} on {date:uuuu-MM-dd} {shiftCode}.", nameof(post));
        var l = labels;
        var assigned = assignments.Count(a => a.Post == post && a.Date == date && a.ShiftCode == shiftCode && a.Qualification == qualification);
        return l.WithRosterTimes(l.Text("short.duty", ("post", DutyPost(post, qualification, l)), ("date", l.Date(date)),
            ("times", ShiftLabel(shiftCode, date, problem, l)), ("assigned", l.Count(assigned, "people")), ("required", l.Count(demand.Required, "people"))));
    }

    // What breaking one rule would mean for this worker, in words; for rest, until when (local) they were due to rest,
    // found from their duties' instants in the labels' zone (the same Span every view uses).
    private static (string Text, bool Timed) Cost(
        RuleKind rule, Id<Worker> worker, LocalDate date, ShiftDefinition shift, IReadOnlyList<RosterAssignment> assignments, RosterProblem problem,
        Dictionary<string, ShiftDefinition> shifts, Labels l)
    {
        if (rule == RuleKind.Rest && problem.Workers.FirstOrDefault(w => w.Id == worker) is { } me && problem.RulesFor(me).MinRest is { } rest)
        {
            var need = l.Span(date, shift);
            var spans = assignments.Where(a => a.Worker == worker && shifts.ContainsKey(a.ShiftCode)).Select(a => l.Span(a.Date, shifts[a.ShiftCode])).ToList();
            var due = spans.Select(s => s.End.ToInstant()).Where(end => end <= need.Start.ToInstant() && end.Plus(rest) > need.Start.ToInstant())
                .Select(end => (Instant?)end.Plus(rest)).Max();
            if (due is { } until)
            {
                return (l.Text("cost.Rest.until", ("time", When(until, need.Start, l))), true);
            }

            var next = spans.Select(s => s.Start.ToInstant()).Where(start => start >= need.End.ToInstant() && need.End.ToInstant().Plus(rest) > start)
                .Select(start => (Instant?)start).Min();
            if (next is { } at)
            {
                return (l.Text("cost.Rest.before", ("time", When(at, need.Start, l))), true);
            }
        }

        // Uneven hours name the group whose hours would be uneven (workers of one kind and one set of qualifications).
        if (rule == RuleKind.Fairness && problem.Workers.FirstOrDefault(w => w.Id == worker) is { } member)
        {
            return (l.Text("cost.Fairness.group", ("group", GroupName(member, l))), false);
        }

        return (l.Text("cost." + rule.ToString()), false);
    }

    // A fairness group by the words people use: the kind, with the qualifications the group shares ("party-member volunteer
    // (marshal)" / "党员志愿者（秩序引导）").
    private static string GroupName(Worker first, Labels l)
    {
        var qualifications = first.Qualifications.Order(StringComparer.Ordinal).Select(l.Local).ToList();
        return qualifications.Count == 0 ? l.Kind(first.Kind)
            : l.Text("group.qualified", ("kind", l.Kind(first.Kind)), ("qualifications", l.List(qualifications)));
    }

    /// <summary>Why a worker got the duties they got: their duties, hours against their group, days off and the rules that concern them.</summary>
    /// <param name="explanation">The explanation (<see cref="RosterExplanations.WhyWorker"/>).</param>
    /// <param name="problem">The problem (shift times).</param>
    /// <param name="labels">Culture, zone and names.</param>
    /// <returns>A short paragraph.</returns>
    /// <exception cref="ArgumentException">A parameter is null.</exception>
    public static string Worker(WorkerExplanation explanation, RosterProblem problem, Labels labels)
    {
        Guard.Against.Null(explanation);
        Guard.Against.Null(problem);
        Guard.Against.Null(labels);
        problem.CheckShownIn(labels.Zone, nameof(labels));
        var l = labels;
        var sb = new StringBuilder(l.Text("why.worker", ("worker", l.Worker(explanation.Worker)), ("duties", l.Count(explanation.Duties.Count, "duties")),
            ("hours", l.Hours(explanation.Minutes)), ("mean", l.Hours((long)Math.Round(explanation.GroupMeanMinutes))),
            ("away", l.Count(explanation.DaysUnavailable.Count, "days"))));
        if (explanation.Duties.Count > 0)
        {
            sb.Append(l.Text("why.duties", ("duties", Duties(explanation.Duties, problem, l))));
        }

        foreach (var line in explanation.Lines)
        {
            sb.Append(' ').Append(DescribeLine(line, problem, l, explanation.Duties));
        }

        return explanation.Duties.Count > 0 || explanation.Lines.Any(line => ShowsTimes(line, problem)) ? l.WithRosterTimes(sb.ToString()) : sb.ToString();
    }

    /// <summary>
    /// One score line in plain words: who or which post and date, the rule, and how much (for hard rules in the rule's
    /// own unit: hours beyond a bound, days, people, weekends, shifts or violations; a soft one, a wish or preference,
    /// only says what was not met, never its penalty points),
    /// e.g. "王芳，8月20日（周六）：两次值班间休息不足（1处违规）。". A cover line names its post with the qualification
    /// asked for and its shift by code ("on Thu 18 Aug, shift D"), since one post has several shifts a date;
    /// <see cref="Describe(ScoreItem, Roster, RosterProblem, Labels)"/> gives the shift's local times instead.
    /// </summary>
    /// <param name="item">The score line.</param>
    /// <param name="labels">Culture and names.</param>
    /// <returns>One sentence.</returns>
    /// <exception cref="ArgumentException">A parameter is null.</exception>
    public static string Describe(ScoreItem item, Labels labels)
    {
        Guard.Against.Null(item);
        Guard.Against.Null(labels);
        return DescribeLine(item, null, labels);
    }

    private static string DescribeLine(ScoreItem item, RosterProblem? problem, Labels l, IReadOnlyList<RosterAssignment>? assignments = null)
    {
        var subject = new List<string>();
        if (item.Worker is { } w)
        {
            subject.Add(l.Worker(w));
        }

        if (item.Post is { } p)
        {
            subject.Add(DutyPost(p, item.Qualification, l));
        }

        // The names (worker, post with its compound) are a list ("; " in English, a post reads "Dongfang › East gate");
        // the date follows as a phrase ("on Sun 21 Aug", "from Thu 18 Aug"), so no comma stands between names and date.
        var names = string.Join(l.Text("subject.separator"), subject);
        if (item.Date is { } d)
        {
            var when = When(item, d, problem, l);
            names = subject.Count == 0 ? l.Sentence(when) : l.Text("score.subject.dated", ("subject", names), ("when", when));
            subject.Add(when);
        }

        // A hard line says how much in the rule's own unit; a soft line (a wish, a preference) just says what was not met:
        // its penalty points are the planner's weighing, not a fact a person can act on.
        var who = ("subject", names);
        var rule = ("rule", item switch
        {
            { Rule: RuleKind.MaxShiftsOfCode, ShiftCode: { } counted } => CountedShift(counted, problem, l),
            { Rule: RuleKind.Rest } when RestGap(item, problem, assignments, l) is { } gap => gap,
            _ => l.Rule(item.Rule),
        });
        if (item.Hard <= 0)
        {
            return subject.Count == 0 ? l.Sentence(l.Text("score.line.soft.general", rule)) : l.Text("score.line.soft", who, rule);
        }

        // The amount is how far past the bound (RuleKind's remarks), not the size of what broke it: "4 days in a row"
        // against a limit of 3 is 1 day over the limit, and the text says "over the limit", never a bare "(1 day)".
        var amount = ("amount", l.Text(HardSide(item.Rule), ("amount", l.Count(item.Hard, HardUnit(item.Rule)))));
        return subject.Count == 0 ? l.Sentence(l.Text("score.line.general", rule, amount)) : l.Text("score.line", who, rule, amount);
    }

    // A consecutive-day line is dated by its run's first day, a week's line by the week's first day: say so, so the date
    // does not read as the one day at fault. A cover line adds its shift, as local times when the problem is known.
    private static string When(ScoreItem item, LocalDate d, RosterProblem? problem, Labels l) => item.Rule switch
    {
        RuleKind.MaxConsecutiveDays or RuleKind.MinConsecutiveDays or RuleKind.MinConsecutiveDaysOff => l.Text("score.run.from", ("date", l.Date(d))),
        RuleKind.MaxWeekMinutes => l.Text("score.week.of", ("date", l.Date(d))),
        _ when item.ShiftCode is { } code => l.Text("score.on.shift", ("date", l.Date(d)), ("shift", ShiftLabel(code, d, problem, l))),
        _ => l.Text("score.on", ("date", l.Date(d))),
    };

    // A shift as the problem's other shifts that date let it be told apart (Labels.ShiftLabels), or its code without them.
    private static string ShiftLabel(string code, LocalDate date, RosterProblem? problem, Labels l) =>
        ShiftIn(problem, code) is not null ? l.ShiftLabels(date, problem!.Shifts)[code] : l.Text("shift.code", ("code", l.Local(code)));

    // A per-shift limit's rule by the shift's local times, as a cover line shows its shift ("more shifts of 22:00-06:00 (next
    // day) than allowed"; the code added when another shift has the same times), or by its code without the problem. The
    // line has no date, so the times are the shift's own (Labels.ShiftTimes), not a date's span across a clock change.
    private static string CountedShift(string code, RosterProblem? problem, Labels l)
    {
        if (ShiftIn(problem, code) is not { } shift)
        {
            return l.Text("rule.MaxShiftsOfCode.shift", ("shift", l.Local(code)));
        }

        var times = l.ShiftTimes(shift);
        var shared = problem!.Shifts.Count(s => l.ShiftTimes(s) == times) > 1;
        return l.Text("rule.MaxShiftsOfCode.times", ("times", shared ? l.Text("shift.times.coded", ("times", times), ("code", l.Local(code))) : times));
    }

    // A rest line with the roster's duties: how long the rest was against the rule ("too little rest between duties (9 h,
    // at least 10 h)"), from the duty dated on the line and the worker's duty before it, as instants (Labels.Span).
    private static string? RestGap(ScoreItem item, RosterProblem? problem, IReadOnlyList<RosterAssignment>? assignments, Labels l)
    {
        if (problem is null || assignments is null || item is not { Worker: { } w, Date: { } d }
            || problem.Workers.FirstOrDefault(x => x.Id == w) is not { } worker || problem.RulesFor(worker).MinRest is not { } needed)
        {
            return null;
        }

        var shifts = problem.Shifts.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var mine = assignments.Where(a => a.Worker == w && a.ShiftCode is not null && shifts.ContainsKey(a.ShiftCode)).ToList();
        var duty = mine.Where(a => a.Date == d).Select(a => (RosterAssignment?)a).FirstOrDefault();
        var before = mine.Where(a => a.Date < d).OrderByDescending(a => a.Date).Select(a => (RosterAssignment?)a).FirstOrDefault();
        if (duty is not { } now || before is not { } last)
        {
            return null;
        }

        var rest = l.Span(now.Date, shifts[now.ShiftCode]).Start.ToInstant() - l.Span(last.Date, shifts[last.ShiftCode]).End.ToInstant();
        return rest < Duration.Zero ? null
            : l.Text("rule.Rest.gap", ("rest", l.Hours((long)rest.TotalMinutes)), ("needed", l.Hours((long)needed.TotalMinutes)));
    }

    private static ShiftDefinition? ShiftIn(RosterProblem? problem, string code) =>
        problem?.Shifts.Where(s => s.Code == code).Select(s => (ShiftDefinition?)s).FirstOrDefault();

    // Whether a line shows a shift's times (a line naming a shift is a cover line or a per-shift limit's: ScoreItem refuses
    // any other), so a text under labels without a zone says once that they are the roster's own times.
    private static bool ShowsTimes(ScoreItem item, RosterProblem? problem) =>
        item is { ShiftCode: { } code } && ShiftIn(problem, code) is not null;

    /// <summary>
    /// A roster's score in plain sentences instead of score notation: whether every hard rule is kept (else each broken
    /// line), then the wishes and preferences not met, per rule with the number of cases, weightiest first; never points.
    /// </summary>
    /// <param name="roster">The scored roster.</param>
    /// <param name="labels">Culture and names.</param>
    /// <returns>Lines separated by <c>\n</c>.</returns>
    /// <exception cref="ArgumentException">A parameter is null.</exception>
    public static string Explain(Roster roster, Labels labels)
    {
        Guard.Against.Null(roster);
        Guard.Against.Null(labels);
        return ExplainCore(roster, null, labels);
    }

    /// <summary>
    /// <see cref="Explain(Roster, Labels)"/> with the problem, so uneven hours name their group: after the summary, one line
    /// per group whose hours are uneven (workers of one kind and one set of qualifications compare their hours), with its
    /// lowest and highest hours ("uneven hours within the party-member volunteer (marshal) group: 34 h to 48 h.").
    /// </summary>
    /// <param name="roster">The scored roster.</param>
    /// <param name="problem">The problem the roster was planned for.</param>
    /// <param name="labels">Culture and names.</param>
    /// <returns>Lines separated by <c>\n</c>.</returns>
    /// <exception cref="ArgumentException">A parameter is null.</exception>
    public static string Explain(Roster roster, RosterProblem problem, Labels labels)
    {
        Guard.Against.Null(roster);
        Guard.Against.Null(problem);
        Guard.Against.Null(labels);
        problem.CheckShownIn(labels.Zone, nameof(labels));
        return ExplainCore(roster, problem, labels);
    }

    /// <summary>
    /// <see cref="Explain(Roster, RosterProblem, Labels)"/> for a Markdown page, every name escaped (<see cref="Labels.ForMarkdown"/>).
    /// </summary>
    /// <param name="roster">The scored roster.</param>
    /// <param name="problem">The problem the roster was planned for.</param>
    /// <param name="labels">Culture and names (plain; escaped here).</param>
    /// <returns>Lines separated by <c>\n</c>.</returns>
    /// <exception cref="ArgumentException">A parameter is null.</exception>
    public static string ExplainMarkdown(Roster roster, RosterProblem problem, Labels labels) =>
        Explain(roster, problem, Guard.Against.Null(labels).ForMarkdown());

    /// <summary>
    /// One score line in plain words (<see cref="Describe(ScoreItem, Labels)"/>), with the problem and roster so a line on
    /// uneven hours names its group and the group's lowest and highest hours instead of "uneven hours within a group", and a
    /// cover line (or a per-shift limit's) its shift's local times ("on Thu 18 Aug, 08:00-16:00"; "more shifts of 22:00-06:00
    /// (next day) than allowed") instead of its code.
    /// </summary>
    /// <param name="item">The score line, one of <paramref name="roster"/>'s.</param>
    /// <param name="roster">The scored roster the line belongs to.</param>
    /// <param name="problem">The problem the roster was planned for.</param>
    /// <param name="labels">Culture and names.</param>
    /// <returns>One sentence.</returns>
    /// <exception cref="ArgumentException">A parameter is null.</exception>
    public static string Describe(ScoreItem item, Roster roster, RosterProblem problem, Labels labels)
    {
        Guard.Against.Null(item);
        Guard.Against.Null(roster);
        Guard.Against.Null(problem);
        Guard.Against.Null(labels);
        problem.CheckShownIn(labels.Zone, nameof(labels));
        if (item.Rule == RuleKind.Fairness && item.Hard <= 0)
        {
            var fairness = roster.Score.Items.Where(i => i.Rule == RuleKind.Fairness).ToList();
            var index = fairness.FindIndex(i => ReferenceEquals(i, item));
            var groups = UnevenGroups(problem, roster.Assignments, labels);
            if (index >= 0 && groups.Count == fairness.Count)
            {
                return labels.Sentence(labels.Text("score.line.soft.general", ("rule", groups[index])));
            }
        }

        var line = DescribeLine(item, problem, labels, roster.Assignments);
        return ShowsTimes(item, problem) ? labels.WithRosterTimes(line) : line;
    }

    // The fairness groups (workers of one kind and one set of qualifications, in the order the score lists them) whose
    // hours cost a penalty, each as "uneven hours within the <group> group: <low> to <high>".
    private static List<string> UnevenGroups(RosterProblem problem, IReadOnlyList<RosterAssignment> assignments, Labels l)
    {
        var minutes = problem.Shifts.ToDictionary(s => s.Code, s => (long)s.Minutes, StringComparer.Ordinal);
        var worked = assignments.GroupBy(a => a.Worker).ToDictionary(g => g.Key, g => g.Sum(a => minutes.GetValueOrDefault(a.ShiftCode)));
        var lines = new List<string>();
        foreach (var group in problem.Workers.GroupBy(w => w.Kind + "|" + string.Join(",", w.Qualifications.Order(StringComparer.Ordinal)), StringComparer.Ordinal))
        {
            var m = group.Select(w => worked.GetValueOrDefault(w.Id)).ToList();
            if (Rostering.Engine.CompiledProblem.FairnessPenalty(problem.Weights.Fairness, m.Count, m.Sum(), m.Sum(x => x * x)) == 0)
            {
                continue;
            }

            lines.Add(l.Text("fairness.group", ("group", GroupName(group.First(), l)), ("low", l.Hours(m.Min())), ("high", l.Hours(m.Max()))));
        }

        return lines;
    }

    private static string ExplainCore(Roster roster, RosterProblem? problem, Labels labels)
    {
        var l = labels;
        var score = roster.Score;
        // The heading counts the lines that follow it (one per broken hard rule, worker or post and date); each line says its
        // own amount in its rule's unit (hours, days, people), which do not add up to one number.
        var broken = score.Items.Where(i => i.Hard > 0).ToList();
        var sb = new StringBuilder(score.IsFeasible
            ? l.Text("score.feasible", ("duties", l.Count(roster.Assignments.Count, "duties")))
            : l.Text("score.infeasible", ("duties", l.Count(roster.Assignments.Count, "duties")), ("violations", l.Count(broken.Count, "violations.left"))));
        foreach (var item in broken)
        {
            sb.Append('\n').Append(DescribeLine(item, problem, l, roster.Assignments));
        }

        // Wishes and preferences not met, by rule, counted in cases (score lines), weightiest first; no points.
        var soft = score.Items.Where(i => i.Hard == 0 && i.Soft > 0).GroupBy(i => i.Rule)
            .Select(g => (Rule: g.Key, Cases: g.LongCount(), Weight: g.Sum(i => i.Soft))).OrderByDescending(x => x.Weight).ThenBy(x => x.Rule).ToList();
        sb.Append('\n').Append(soft.Count == 0
            ? l.Text("score.no-penalty")
            : l.Text("score.penalty",
                ("parts", l.List(soft.Select(x => l.Text("score.part", ("rule", l.Rule(x.Rule)), ("cases", l.Count(x.Cases, "cases"))))))));
        if (problem is not null && soft.Any(x => x.Rule == RuleKind.Fairness))
        {
            foreach (var group in UnevenGroups(problem, roster.Assignments, l))
            {
                sb.Append('\n').Append(l.Sentence(l.Text("score.line.soft.general", ("rule", group))));
            }
        }

        // Lines of their own, so the note on times is one too (not the end of the last line, which may be about wishes).
        if (broken.Any(i => ShowsTimes(i, problem)) && l.RosterTimesNote is { Length: > 0 } note)
        {
            sb.Append('\n').Append(note);
        }

        return sb.ToString();
    }

    /// <summary>
    /// <see cref="Explain(Roster, Labels)"/> for a Markdown page: the same sentences with every name escaped (<see cref="Labels.ForMarkdown"/>),
    /// so a worker, post or compound name holding <c>*</c>, <c>_</c>, <c>`</c> or <c>[</c> shows as typed.
    /// </summary>
    /// <param name="roster">The scored roster.</param>
    /// <param name="labels">Culture and names (plain; escaped here).</param>
    /// <returns>Lines separated by <c>\n</c>.</returns>
    /// <exception cref="ArgumentException">A parameter is null.</exception>
    public static string ExplainMarkdown(Roster roster, Labels labels) => Explain(roster, Guard.Against.Null(labels).ForMarkdown());

    /// <summary>A duty as people read it: date, local start and end, post with its compound (and qualification).</summary>
    internal static string DutyText(RosterAssignment a, RosterProblem problem, Labels l) =>
        l.Text("notice.duty", ("date", l.Date(a.Date)), ("times", DutyTimes(a, problem, l)), ("post", DutyPost(a.Post, a.Qualification, l)));

    // A duty's times told apart from its date's other shifts; a shift the problem lacks is an argument error.
    private static string DutyTimes(RosterAssignment a, RosterProblem problem, Labels l) =>
        l.ShiftLabels(a.Date, problem.Shifts)[ShiftOf(a.ShiftCode, problem).Code];

    // The reason "one duty a date" in words: the worker's duty that date, named by its date, post (with compound and
    // qualification) and local times, which may be at the same post or hours apart from the short one.
    private static string SameDate((string, string) worker, RosterAssignment a, RosterProblem problem, Labels l) =>
        l.Text("short.same-date", worker, ("date", l.Date(a.Date)), ("post", DutyPost(a.Post, a.Qualification, l)),
            ("times", DutyTimes(a, problem, l)));

    private static ShiftDefinition ShiftOf(string code, RosterProblem problem) =>
        problem.Shifts.Where(s => s.Code == code).Select(s => (ShiftDefinition?)s).FirstOrDefault()
            ?? throw new ArgumentException("A duty's shift is not in the problem.", nameof(problem));

    // A duty's post with its compound, and the qualification the duty asks for ("Dongfang › Testing site (scanner)").
    private static string DutyPost(Id<Post> post, string? qualification, Labels l) =>
        qualification is { } q
            ? l.Text("post.qualified", ("post", l.PostWithCompound(post)), ("qualification", l.Local(q)))
            : l.PostWithCompound(post);

    private static string Duties(IEnumerable<RosterAssignment> duties, RosterProblem problem, Labels l) =>
        l.List(duties.OrderBy(a => a.Date).Select(a => DutyText(a, problem, l)));

    private static RosterAssignment? Duty(Roster roster, Id<Worker> worker, LocalDate date) =>
        roster.Assignments.FirstOrDefault(a => a.Worker == worker && a.Date == date) is { Worker.IsDefault: false } a ? a : null;

    // What one unit of a hard amount is (RuleKind's remarks): started hours for the minute rules, days for the
    // consecutive-day rules, people for the cover minimum, and so on; anything else counts violations.
    private static string HardUnit(RuleKind rule) => rule switch
    {
        RuleKind.MinTotalMinutes or RuleKind.MaxTotalMinutes or RuleKind.MaxWeekMinutes => "hours.whole",
        RuleKind.MaxConsecutiveDays or RuleKind.MinConsecutiveDays or RuleKind.MinConsecutiveDaysOff => "days",
        RuleKind.CoverMinimum or RuleKind.CoverMaximum => "people",
        RuleKind.MaxWeekends => "weekends",
        RuleKind.MaxShiftsOfCode => "shifts",
        _ => "violations",
    };

    // Whether a hard amount is beyond a maximum ("over the limit"), below a minimum ("short"), or a count of violations.
    private static string HardSide(RuleKind rule) => rule switch
    {
        RuleKind.MaxTotalMinutes or RuleKind.MaxWeekMinutes or RuleKind.MaxConsecutiveDays or RuleKind.MaxWeekends or RuleKind.MaxShiftsOfCode
            or RuleKind.CoverMaximum => "score.amount.over",
        RuleKind.MinTotalMinutes or RuleKind.MinConsecutiveDays or RuleKind.MinConsecutiveDaysOff or RuleKind.CoverMinimum => "score.amount.short",
        _ => "score.amount.count",
    };

}
