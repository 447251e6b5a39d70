using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering;

/// <summary>Turns a validated <see cref="RosterProblem"/> into a <see cref="CompiledProblem"/>.</summary>
internal static class ProblemCompiler
{
    public static CompiledProblem Compile(RosterProblem problem)
    {
        var days = problem.Horizon.Length;
        var first = problem.Horizon.Start;
        var shiftIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < problem.Shifts.Count; i++)
        {
            shiftIndex[problem.Shifts[i].Code] = i;
        }

        var shiftCount = problem.Shifts.Count;
        var shiftMinutes = problem.Shifts.Select(s => s.Minutes).ToArray();

        // Slots in order of first appearance, so compilation is deterministic.
        var slotIndex = new Dictionary<(Id<Post>, string, string?), int>();
        var postIndex = new Dictionary<Id<Post>, int>();
        var slotShift = new List<int>();
        var slotPost = new List<int>();
        var slotCompound = new List<Id<Compound>>();
        var slotQual = new List<string?>();
        foreach (var d in problem.Demands)
        {
            postIndex.TryAdd(d.Post, postIndex.Count);

            if (!slotIndex.ContainsKey((d.Post, d.ShiftCode, d.Qualification)))
            {
                slotIndex[(d.Post, d.ShiftCode, d.Qualification)] = slotShift.Count;
                slotShift.Add(shiftIndex[d.ShiftCode]);
                slotPost.Add(postIndex[d.Post]);
                slotCompound.Add(d.Compound);
                slotQual.Add(d.Qualification);
            }
        }

        var slots = slotShift.Count;
        var required = new int[days * slots];
        Array.Fill(required, -1);
        var minimum = new int[days * slots];
        var maximum = new int[days * slots];
        Array.Fill(maximum, int.MaxValue);
        var under = new int[days * slots];
        var over = new int[days * slots];
        var demandIndex = new int[days * slots];
        Array.Fill(demandIndex, -1);
        var slotDemand = new int[slots];
        Array.Fill(slotDemand, -1);
        for (var k = 0; k < problem.Demands.Count; k++)
        {
            var d = problem.Demands[k];
            var slot = slotIndex[(d.Post, d.ShiftCode, d.Qualification)];
            var i = (DayOf(first, d.Date) * slots) + slot;
            demandIndex[i] = k;
            if (slotDemand[slot] < 0)
            {
                slotDemand[slot] = k;
            }

            required[i] = d.Required;
            minimum[i] = d.Minimum ?? 0;
            maximum[i] = d.MaximumOrRequired;
            under[i] = d.UnderWeight;
            over[i] = d.OverWeight;
        }

        var workers = problem.Workers;
        var workerCount = workers.Count;
        var workerIndex = new Dictionary<Id<Worker>, int>();
        for (var w = 0; w < workerCount; w++)
        {
            workerIndex[workers[w].Id] = w;
        }

        var rules = new List<CompiledRules>();
        var ruleIndex = new Dictionary<WorkRules, int>(ReferenceEqualityComparer.Instance);
        var workerRules = new int[workerCount];
        for (var w = 0; w < workerCount; w++)
        {
            var r = problem.RulesFor(workers[w]);
            if (!ruleIndex.TryGetValue(r, out var ri))
            {
                ri = rules.Count;
                ruleIndex[r] = ri;
                rules.Add(CompileRules(r, problem.Shifts, shiftIndex));
            }

            workerRules[w] = ri;
        }

        var onWish = new int[workerCount * days * shiftCount];
        var offWish = new int[workerCount * days * shiftCount];
        var onWishTotal = new int[workerCount * days];
        foreach (var wish in problem.Wishes)
        {
            var wd = (workerIndex[wish.Worker] * days) + DayOf(first, wish.Date);
            var i = (wd * shiftCount) + shiftIndex[wish.ShiftCode];
            if (wish.Kind == WishKind.ShiftOn)
            {
                onWish[i] += wish.Weight;
                onWishTotal[wd] += wish.Weight;
            }
            else
            {
                offWish[i] += wish.Weight;
            }
        }

        var pinned = new int[workerCount * days];
        Array.Fill(pinned, -1);
        foreach (var pin in problem.Pins)
        {
            pinned[(workerIndex[pin.Worker] * days) + DayOf(first, pin.Date)] = slotIndex[(pin.Post, pin.ShiftCode, pin.Qualification)];
        }

        var ownCost = new int[workerCount * slots];
        var choices = slots + 1;
        var choiceSoft = new int[workerCount * days * choices];
        var allowed = new bool[workerCount * days * choices];
        var violation = new byte[workerCount * days * choices];
        var canServe = new bool[shiftCount];
        for (var w = 0; w < workerCount; w++)
        {
            var worker = workers[w];
            var r = rules[workerRules[w]];
            for (var s = 0; s < slots; s++)
            {
                ownCost[(w * slots) + s] = slotCompound[s] != worker.Home ? problem.Weights.OwnCompound : 0;
            }

            for (var day = 0; day < days; day++)
            {
                var date = first.PlusDays(day);
                var wd = (w * days) + day;
                var pin = pinned[wd];
                var baseIndex = wd * choices;
                choiceSoft[baseIndex] = onWishTotal[wd];
                allowed[baseIndex] = pin < 0;

                // Availability is judged on the duty's real interval (it may run into the next date).
                for (var t = 0; t < shiftCount; t++)
                {
                    var start = date.At(problem.Shifts[t].Start);
                    canServe[t] = AvailabilityRule.CanServe(worker, start, start.PlusMinutes(shiftMinutes[t]));
                }

                for (var s = 0; s < slots; s++)
                {
                    var t = slotShift[s];
                    var i = baseIndex + s + 1;
                    choiceSoft[i] = onWishTotal[wd] - onWish[(wd * shiftCount) + t] + offWish[(wd * shiftCount) + t] + ownCost[(w * slots) + s];
                    RuleKind? broken = null;
                    if (!canServe[t])
                    {
                        broken = RuleKind.Unavailable;
                    }
                    else if (slotQual[s] is { } q && !worker.Qualifications.Contains(q))
                    {
                        broken = RuleKind.Qualification;
                    }
                    else if (worker.ConfinedTo is { } c && c != slotCompound[s])
                    {
                        broken = RuleKind.Confinement;
                    }

                    violation[i] = broken is { } b ? (byte)(1 + (int)b) : (byte)0;
                    var open = required[(day * slots) + s] >= 0 && maximum[(day * slots) + s] > 0;
                    allowed[i] = pin >= 0 ? pin == s : open && broken is null && r.MaxPerShift[t] > 0;
                }
            }
        }

        var firstMonday = first.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var weekOfDay = new int[days];
        var weekendOfDay = new int[days];
        var weekends = new HashSet<int>();
        for (var day = 0; day < days; day++)
        {
            var date = first.PlusDays(day);
            weekOfDay[day] = Period.DaysBetween(firstMonday, date) / 7;
            var weekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
            weekendOfDay[day] = weekend ? weekOfDay[day] : -1;
            if (weekend)
            {
                weekends.Add(weekOfDay[day]);
            }
        }

        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var workerGroup = new int[workerCount];
        var groupSize = new List<int>();
        for (var w = 0; w < workerCount; w++)
        {
            var key = workers[w].Kind + "|" + string.Join(",", workers[w].Qualifications.Order(StringComparer.Ordinal));
            if (!groupIndex.TryGetValue(key, out var g))
            {
                g = groupIndex.Count;
                groupIndex[key] = g;
                groupSize.Add(0);
            }

            workerGroup[w] = g;
            groupSize[g]++;
        }

        return new CompiledProblem
        {
            Source = problem,
            Days = days,
            WorkerCount = workerCount,
            SlotCount = slots,
            ShiftCount = shiftCount,
            SlotShift = [.. slotShift],
            SlotPostIndex = [.. slotPost],
            ShiftMinutes = shiftMinutes,
            Required = required,
            Minimum = minimum,
            Maximum = maximum,
            DemandIndex = demandIndex,
            SlotDemand = slotDemand,
            Under = under,
            Over = over,
            ChoiceSoft = choiceSoft,
            Allowed = allowed,
            Violation = violation,
            Pinned = pinned,
            OnWish = onWish,
            OnWishTotal = onWishTotal,
            OffWish = offWish,
            OwnCompoundCost = ownCost,
            Rules = [.. rules],
            WorkerRules = workerRules,
            WeekOfDay = weekOfDay,
            WeekCount = days == 0 ? 0 : weekOfDay[days - 1] + 1,
            WeekendOfDay = weekendOfDay,
            WeekendCount = weekends.Count,
            WorkerGroup = workerGroup,
            GroupSize = [.. groupSize],
            FairnessWeight = problem.Weights.Fairness,
        };
    }

    private static int DayOf(LocalDate first, LocalDate date) => Period.DaysBetween(first, date);

    private static CompiledRules CompileRules(WorkRules rules, IReadOnlyList<ShiftDefinition> shifts, Dictionary<string, int> shiftIndex)
    {
        var n = shifts.Count;
        var maxPer = new int[n];
        Array.Fill(maxPer, CompiledRules.Unlimited);
        foreach (var (code, max) in rules.MaxShiftsPerCode)
        {
            maxPer[shiftIndex[code]] = max;
        }

        var forbidden = new bool[n * n];
        foreach (var f in rules.ForbiddenSuccessions)
        {
            forbidden[(shiftIndex[f.First] * n) + shiftIndex[f.Next]] = true;
        }

        // Rest and overlap between duties one and two dates apart, from their real intervals. Duties three
        // or more dates apart never meet a rule: a shift starts before 24:00 and lasts at most 24 h, and
        // the minimum rest is at most 24 h, so at least 24 h + 1 min lies between them.
        var minRest = rules.MinRest is { } r ? (long)r.TotalMinutes : 0;
        var timing = new byte[n * n];
        var timing2 = new byte[n * n];
        var blocked = new bool[n * n];
        var blocked2 = new bool[n * n];
        var anyBlocked2 = false;
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                var i = (a * n) + b;
                timing[i] = Timing(shifts[a], shifts[b], 1, minRest);
                timing2[i] = Timing(shifts[a], shifts[b], 2, minRest);
                blocked[i] = forbidden[i] || timing[i] != 0;
                blocked2[i] = timing2[i] != 0;
                anyBlocked2 |= blocked2[i];
            }
        }

        return new CompiledRules
        {
            MaxPerShift = maxPer,
            Forbidden = forbidden,
            Timing = timing,
            Timing2 = timing2,
            Blocked = blocked,
            Blocked2 = blocked2,
            AnyBlocked2 = anyBlocked2,
            MinMinutes = rules.MinTotalMinutes,
            MaxMinutes = rules.MaxTotalMinutes ?? CompiledRules.Unlimited,
            MaxWeekMinutes = rules.MaxMinutesPerWeek ?? CompiledRules.Unlimited,
            MaxConsecutive = rules.MaxConsecutiveDays ?? CompiledRules.Unlimited,
            MinConsecutive = rules.MinConsecutiveDays,
            MinDaysOff = rules.MinConsecutiveDaysOff,
            MaxWeekends = rules.MaxWeekends ?? CompiledRules.Unlimited,
        };
    }

    /// <summary>
    /// 0 when shift <paramref name="next"/>, <paramref name="days"/> dates after shift <paramref name="first"/>,
    /// keeps the rules; <see cref="CompiledRules.RestCode"/> for less rest than <paramref name="minRest"/>
    /// minutes; <see cref="CompiledRules.OverlapCode"/> when the two overlap.
    /// </summary>
    private static byte Timing(ShiftDefinition first, ShiftDefinition next, int days, long minRest)
    {
        // Local times of the roster: minutes from the end of first to the start of next.
        var gap = (days * 24L * 60) + (next.Start.TickOfDay / NodaConstants.TicksPerMinute)
            - (first.Start.TickOfDay / NodaConstants.TicksPerMinute) - first.Minutes;
        return gap < 0 ? CompiledRules.OverlapCode : gap < minRest ? CompiledRules.RestCode : (byte)0;
    }
}
