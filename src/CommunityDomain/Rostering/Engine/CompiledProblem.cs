namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// The dense form the planner and scorer work on. A slot is a (post, shift, qualification) that has a
/// demand on at least one day; a worker's choice on a day is 0 (off) or slot + 1.
/// </summary>
internal sealed class CompiledProblem
{
    /// <summary>
    /// What <see cref="CoverPrice"/> charges per person outside a demand's hard range: at least
    /// <see cref="MinCoverHardPrice"/>, and above the largest soft change one person can make on one day (the largest
    /// under weight plus the largest over weight plus the largest soft cost of one choice), so the one-worker DP, which
    /// prices in a single number, never gives up a hard cover unit for a soft gain on the same day. Soft gains over
    /// several days can still add up past it; that is why only the DP prices this way (its row is a heuristic best
    /// response) and the evaluator judges every row it proposes hard-then-soft (<see cref="ScoreChange"/>).
    /// </summary>
    public required long CoverHardPrice { get; init; }

    /// <summary>The floor of <see cref="CoverHardPrice"/>: far above the weights real problems use (tens to hundreds).</summary>
    public const long MinCoverHardPrice = 1_000_000;

    /// <summary>The <see cref="CoverHardPrice"/> for these weights (see there).</summary>
    public static long CoverHardPriceFor(int[] under, int[] over, int[] choiceSoft) =>
        Math.Max(MinCoverHardPrice, (long)MaxOf(under) + MaxOf(over) + MaxOf(choiceSoft) + 1);

    private static int MaxOf(int[] values) => values.Length == 0 ? 0 : values.Max();

    public required RosterProblem Source { get; init; }

    public required int Days { get; init; }

    public required int WorkerCount { get; init; }

    public required int SlotCount { get; init; }

    public required int ShiftCount { get; init; }

    public int Choices => SlotCount + 1;

    public required int[] SlotShift { get; init; }

    public required int[] SlotPostIndex { get; init; }

    public required int[] ShiftMinutes { get; init; }

    /// <summary>Per <see cref="DaySlot"/> cell: required people, or -1 when the slot has no demand that day.</summary>
    public required int[] Required { get; init; }

    /// <summary>Per <see cref="DaySlot"/> cell: the demand's hard minimum (0 without a demand).</summary>
    public required int[] Minimum { get; init; }

    /// <summary>Per <see cref="DaySlot"/> cell: the most people the demand accepts (int.MaxValue without a demand).</summary>
    public required int[] Maximum { get; init; }

    /// <summary>Per <see cref="DaySlot"/> cell: the index of the demand in <see cref="RosterProblem.Demands"/>, or -1.</summary>
    public required int[] DemandIndex { get; init; }

    /// <summary>Per slot: the index of its first demand in <see cref="RosterProblem.Demands"/> (post, shift and qualification).</summary>
    public required int[] SlotDemand { get; init; }

    public required int[] Under { get; init; }

    public required int[] Over { get; init; }

    /// <summary>Per <see cref="ChoiceIndex"/> cell: wish and own-compound penalty of that choice.</summary>
    public required int[] ChoiceSoft { get; init; }

    /// <summary>Same index: the search may pick the choice (demand exists, eligible, not excluded by a max of 0, pin respected).</summary>
    public required bool[] Allowed { get; init; }

    /// <summary>Same index: 0, or 1 + the <see cref="RuleKind"/> an assignment there breaks (reachable only through pins).</summary>
    public required byte[] Violation { get; init; }

    /// <summary>Per <see cref="WorkerDay"/> cell: the pinned slot, or -1.</summary>
    public required int[] Pinned { get; init; }

    private int[]? _onWish;
    private int[]? _offWish;

    /// <summary>Per <see cref="WishIndex"/> cell: weight of shift-on wishes for that shift. Built on first read (only the
    /// score's breakdown reads it; workers x dates x shift types is 1.4 M ints on community-600); thread-safe.</summary>
    public int[] OnWish => Volatile.Read(ref _onWish) ?? DenseWishes().On;

    /// <summary>Per <see cref="WorkerDay"/> cell: total weight of shift-on wishes that day.</summary>
    public required int[] OnWishTotal { get; init; }

    /// <summary>Per <see cref="WishIndex"/> cell: weight of shift-off wishes for that shift; built with <see cref="OnWish"/>.</summary>
    public int[] OffWish => Volatile.Read(ref _offWish) ?? DenseWishes().Off;

    /// <summary>Both dense wish tables, set once: a thread that loses the race reads the winner's (equal) tables.</summary>
    private (int[] On, int[] Off) DenseWishes()
    {
        var (on, off) = ProblemCompiler.DenseWishes(Source);
        Interlocked.CompareExchange(ref _offWish, off, null);
        Interlocked.CompareExchange(ref _onWish, on, null);
        return (_onWish!, _offWish!);
    }

    /// <summary>Per <see cref="WorkerSlot"/> cell: own-compound penalty of serving that slot.</summary>
    public required int[] OwnCompoundCost { get; init; }

    public required CompiledRules[] Rules { get; init; }

    public required int[] WorkerRules { get; init; }

    public required int[] WeekOfDay { get; init; }

    public required int WeekCount { get; init; }

    /// <summary>Per day: the weekend index (ISO week) for Saturday and Sunday, else -1.</summary>
    public required int[] WeekendOfDay { get; init; }

    public required int WeekendCount { get; init; }

    public required int[] WorkerGroup { get; init; }

    public required int[] GroupSize { get; init; }

    public required int FairnessWeight { get; init; }

    /// <summary>
    /// The same problem with other <see cref="Allowed"/> choices and demand ranges (<see cref="Minimum"/>,
    /// <see cref="Maximum"/>): a branch and bound node's restriction (<see cref="BoundBranching"/>); every other array is
    /// shared, not copied.
    /// </summary>
    public CompiledProblem Restricted(bool[] allowed, int[] minimum, int[] maximum) =>
        Copy(allowed, minimum, maximum, ChoiceSoft, OnWishTotal, OwnCompoundCost);

    /// <summary>
    /// The same problem without its preferences: no shift wish (on or off) and no own-compound cost weighs, so its score
    /// is the hard rules, cover (missing and extra people) and fairness. The cover-first phase of a plan walks on it
    /// (<see cref="Search.SearchEngine.StopsOnceCovered"/>). Every other array is shared.
    /// </summary>
    public CompiledProblem WithoutPreferences() =>
        Copy(Allowed, Minimum, Maximum, new int[ChoiceSoft.Length], new int[OnWishTotal.Length], new int[OwnCompoundCost.Length]);

    /// <summary>
    /// The same problem with <paramref name="under"/> as its under-cover weights (per <see cref="DaySlot"/> cell): a search
    /// that raises the weights of the holes it meets (<see cref="Search.HolePenalties"/>) walks on its own copy. Every other
    /// array is shared.
    /// </summary>
    public CompiledProblem WithUnder(int[] under) =>
        Copy(Allowed, Minimum, Maximum, ChoiceSoft, OnWishTotal, OwnCompoundCost, under);

    /// <summary>Whether some choice carries a preference (a shift wish or an own-compound cost): <see cref="WithoutPreferences"/> differs.</summary>
    public bool HasPreferences() => Array.Exists(ChoiceSoft, soft => soft != 0);

    private CompiledProblem Copy(bool[] allowed, int[] minimum, int[] maximum, int[] choiceSoft, int[] onWishTotal, int[] ownCompoundCost, int[]? under = null) => new()
    {
        CoverHardPrice = CoverHardPrice,
        Source = Source,
        Days = Days,
        WorkerCount = WorkerCount,
        SlotCount = SlotCount,
        ShiftCount = ShiftCount,
        SlotShift = SlotShift,
        SlotPostIndex = SlotPostIndex,
        ShiftMinutes = ShiftMinutes,
        Required = Required,
        Minimum = minimum,
        Maximum = maximum,
        DemandIndex = DemandIndex,
        SlotDemand = SlotDemand,
        Under = under ?? Under,
        Over = Over,
        ChoiceSoft = choiceSoft,
        Violation = Violation,
        Pinned = Pinned,
        OnWishTotal = onWishTotal,
        OwnCompoundCost = ownCompoundCost,
        Rules = Rules,
        WorkerRules = WorkerRules,
        WeekOfDay = WeekOfDay,
        WeekCount = WeekCount,
        WeekendOfDay = WeekendOfDay,
        WeekendCount = WeekendCount,
        WorkerGroup = WorkerGroup,
        GroupSize = GroupSize,
        FairnessWeight = FairnessWeight,
        Allowed = allowed,
    };

    /// <summary>Index of a (day, slot) cell in the per-day-and-slot arrays (<see cref="Required"/>, <see cref="Minimum"/>, <see cref="Maximum"/>, ...).</summary>
    public int DaySlot(int day, int slot) => (day * SlotCount) + slot;

    /// <summary>Index of a (worker, day) cell in the per-worker-and-day arrays (<see cref="Pinned"/>, an assignment).</summary>
    public int WorkerDay(int worker, int day) => (worker * Days) + day;

    /// <summary>Index of a (worker, day, shift type) cell in <see cref="OnWish"/> and <see cref="OffWish"/>.</summary>
    public int WishIndex(int worker, int day, int shift) => (WorkerDay(worker, day) * ShiftCount) + shift;

    /// <summary>Index of a (worker, slot) cell in <see cref="OwnCompoundCost"/>.</summary>
    public int WorkerSlot(int worker, int slot) => (worker * SlotCount) + slot;

    /// <summary>Index of a (worker, day, choice) cell in the per-choice arrays (<see cref="ChoiceSoft"/>, <see cref="Allowed"/>, <see cref="Violation"/>).</summary>
    public int ChoiceIndex(int worker, int day, int choice) => (WorkerDay(worker, day) * Choices) + choice;

    /// <summary>
    /// Whether worker <paramref name="w"/> on <paramref name="slot"/> at <paramref name="day"/> would overlap their
    /// duty on the date before or after in <paramref name="assign"/>. A person cannot be in two places, so the
    /// search never makes such a choice (it leaves the duty uncovered instead); only pins can create an overlap.
    /// Shifts last at most 24 hours, so only neighbouring dates can overlap, and duties two dates apart when the clock
    /// jumps forward between them (<see cref="CompiledRules.AnyOverlap2"/>).
    /// </summary>
    public bool OverlapsNeighbour(int[] assign, int w, int day, int slot) =>
        (day > 0 && Overlap(w, day, assign[WorkerDay(w, day) - 1], slot))
        || (day + 1 < Days && Overlap(w, day + 1, slot, assign[WorkerDay(w, day) + 1]))
        || (Rules[WorkerRules[w]].AnyOverlap2
            && ((day > 1 && Overlap2(w, day, assign[WorkerDay(w, day) - 2], slot))
                || (day + 2 < Days && Overlap2(w, day + 2, slot, assign[WorkerDay(w, day) + 2]))));

    /// <summary>Whether worker <paramref name="w"/>'s duty <paramref name="first"/> two dates before <paramref name="day"/> overlaps <paramref name="next"/> on <paramref name="day"/> (-1 = off).</summary>
    public bool Overlap2(int w, int day, int first, int next) =>
        first >= 0 && next >= 0
        && Rules[WorkerRules[w]].Timing2[day][(SlotShift[first] * ShiftCount) + SlotShift[next]] == CompiledRules.OverlapCode;

    /// <summary>Whether worker <paramref name="w"/>'s duty <paramref name="first"/> on the date before <paramref name="day"/> overlaps <paramref name="next"/> on <paramref name="day"/> (-1 = off).</summary>
    public bool Overlap(int w, int day, int first, int next) =>
        first >= 0 && next >= 0
        && Rules[WorkerRules[w]].Timing[day][(SlotShift[first] * ShiftCount) + SlotShift[next]] == CompiledRules.OverlapCode;

    public int CoverCostHard(int daySlot, int count) => CoverMissing(daySlot, count) + CoverExcess(daySlot, count);

    /// <summary>People missing below the demand's hard minimum.</summary>
    public int CoverMissing(int daySlot, int count)
    {
        var min = Minimum[daySlot];
        return count < min ? min - count : 0;
    }

    /// <summary>People beyond the demand's maximum (only pins can put them there).</summary>
    public int CoverExcess(int daySlot, int count)
    {
        var max = Maximum[daySlot];
        return count > max ? count - max : 0;
    }

    public long CoverCostSoft(int daySlot, int count)
    {
        var req = Required[daySlot];
        if (req < 0)
        {
            return 0;
        }

        return count < req ? (long)Under[daySlot] * (req - count) : (long)Over[daySlot] * (count - req);
    }

    /// <summary>The one-worker DP's price of <paramref name="count"/> people on a day's slot: hard part at <see cref="CoverHardPrice"/>, plus the soft part.</summary>
    public long CoverPrice(int daySlot, int count) => (CoverCostHard(daySlot, count) * CoverHardPrice) + CoverCostSoft(daySlot, count);

    public static long FairnessPenalty(int weight, int n, long sum, long sumSquares) =>
        n <= 1 || weight == 0 ? 0 : weight * (((n * sumSquares) - (sum * sum)) / (3600L * n));
}
