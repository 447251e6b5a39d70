using System.Globalization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Engine;

/// <summary>Turns a compiled assignment into a public <see cref="Roster"/> with its full score breakdown.</summary>
internal static class RosterBuilder
{
    /// <summary>
    /// Builds the roster in four phases: each worker's duties and own score lines (<see cref="ScoreWorkers"/>), the
    /// cover lines per day and slot (<see cref="AddCover"/>), the fairness lines per group (<see cref="AddFairness"/>),
    /// then the duties in reading order (date, post, shift, worker).
    /// </summary>
    public static Roster Build(CompiledProblem p, int[] assign)
    {
        var slotDemand = SlotDemands(p);
        var sink = new ListSink(p, slotDemand);
        var counts = new int[p.Days * p.SlotCount];
        var minutes = new int[p.WorkerCount];
        var assignments = ScoreWorkers(p, assign, slotDemand, counts, minutes, ref sink);
        AddCover(p, counts, ref sink);
        AddFairness(p, minutes, ref sink);
        var ordered = assignments
            .OrderBy(a => a.Date).ThenBy(a => a.Post).ThenBy(a => a.ShiftCode, StringComparer.Ordinal).ThenBy(a => a.Worker)
            .ToList();
        return new Roster(ordered.AsReadOnly(), new RosterScore(sink.Items.AsReadOnly()));
    }

    /// <summary>The first demand of each slot (post, shift, qualification), in the compiler's slot order.</summary>
    private static Demand[] SlotDemands(CompiledProblem p)
    {
        var slotDemand = new Demand[p.SlotCount];
        var seen = new HashSet<(Id<Communities.Post>, string, string?)>();
        var next = 0;
        foreach (var d in p.Source.Demands)
        {
            if (seen.Add((d.Post, d.ShiftCode, d.Qualification)))
            {
                slotDemand[next++] = d;
            }
        }

        return slotDemand;
    }

    /// <summary>Each worker's score lines and duties; fills the people per day-slot and each worker's minutes.</summary>
    private static List<RosterAssignment> ScoreWorkers(CompiledProblem p, int[] assign, Demand[] slotDemand, int[] counts, int[] minutes, ref ListSink sink)
    {
        var src = p.Source;
        var shiftScratch = new int[Math.Max(1, p.ShiftCount)];
        var weekScratch = new int[Math.Max(1, p.WeekCount)];
        var assignments = new List<RosterAssignment>();
        for (var w = 0; w < p.WorkerCount; w++)
        {
            WorkerScoring.Score(p, w, assign, shiftScratch, weekScratch, ref sink, out _, out _, out minutes[w]);
            for (var d = 0; d < p.Days; d++)
            {
                var s = assign[p.WorkerDay(w, d)];
                if (s >= 0)
                {
                    counts[p.DaySlot(d, s)]++;
                    var demand = slotDemand[s];
                    assignments.Add(new RosterAssignment(src.Workers[w].Id, src.Horizon.Start.PlusDays(d), demand.Post, demand.ShiftCode, demand.Qualification));
                }
            }
        }

        return assignments;
    }

    /// <summary>Per day-slot: people below the hard minimum, above the hard maximum, and the soft cost of under or over cover.</summary>
    private static void AddCover(CompiledProblem p, int[] counts, ref ListSink sink)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            var missing = p.CoverMissing(i, counts[i]);
            var excess = p.CoverExcess(i, counts[i]);
            var soft = p.CoverCostSoft(i, counts[i]);
            var rule = counts[i] < p.Required[i] ? RuleKind.CoverUnder : RuleKind.CoverOver;
            if (missing != 0)
            {
                sink.Add(RuleKind.CoverMinimum, -1, i / p.SlotCount, i % p.SlotCount, missing, 0);
            }

            if (excess != 0)
            {
                sink.Add(RuleKind.CoverMaximum, -1, i / p.SlotCount, i % p.SlotCount, excess, 0);
            }

            if (soft != 0)
            {
                sink.Add(rule, -1, i / p.SlotCount, i % p.SlotCount, 0, soft);
            }
        }
    }

    /// <summary>Per worker group: the fairness penalty of its members' minutes.</summary>
    private static void AddFairness(CompiledProblem p, int[] minutes, ref ListSink sink)
    {
        var groups = p.GroupSize.Length;
        var sum = new long[groups];
        var squares = new long[groups];
        for (var w = 0; w < p.WorkerCount; w++)
        {
            sum[p.WorkerGroup[w]] += minutes[w];
            squares[p.WorkerGroup[w]] += (long)minutes[w] * minutes[w];
        }

        for (var g = 0; g < groups; g++)
        {
            var penalty = CompiledProblem.FairnessPenalty(p.FairnessWeight, p.GroupSize[g], sum[g], squares[g]);
            if (penalty != 0)
            {
                sink.Add(RuleKind.Fairness, -1, -1, -1, 0, penalty);
            }
        }
    }

    private readonly struct ListSink(CompiledProblem p, Demand[] slotDemand) : IScoreSink
    {
        public List<ScoreItem> Items { get; } = [];

        public bool Enabled => true;

        public void Add(RuleKind rule, int worker, int day, int slot, int hard, long soft)
        {
            var src = p.Source;
            Id<Worker>? w = worker >= 0 ? src.Workers[worker].Id : null;
            LocalDate? date = day >= 0 ? src.Horizon.Start.PlusDays(day) : null;
            var demand = slot >= 0 ? slotDemand[slot] : null;
            var cover = worker < 0 ? demand : null;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{rule}: {(w is null ? "" : w + " ")}{(demand is null ? "" : demand.Post + " " + demand.ShiftCode + (demand.Qualification is null ? "" : "/" + demand.Qualification) + " ")}{(date is { } dt ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " : "")}costs {hard} hard, {soft} soft");
            if (rule == RuleKind.Fairness)
            {
                text = string.Create(CultureInfo.InvariantCulture, $"Fairness: unbalanced minutes in a group cost {soft} soft");
            }

            Items.Add(new ScoreItem(rule, w, cover?.Post, date, hard, soft, text, cover?.ShiftCode, cover?.Qualification));
        }

        public void AddOfShift(RuleKind rule, int worker, int shift, int hard)
        {
            var w = p.Source.Workers[worker].Id;
            var code = p.Source.Shifts[shift].Code;
            Items.Add(new ScoreItem(rule, w, null, null, hard, 0, string.Create(CultureInfo.InvariantCulture, $"{rule}: {w} {code} costs {hard} hard, 0 soft"), code));
        }
    }
}
