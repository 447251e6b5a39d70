namespace CommunityDomain.Rostering.Engine.Search;

/// <summary>
/// What the guided moves look up instead of drawing blindly, built once per search from the compiled problem:
/// per <see cref="CompiledProblem.DaySlot"/> cell the workers the problem allows there (qualification, confinement,
/// unavailability, maxima of 0 and pins already decided by <see cref="CompiledProblem.Allowed"/>), and the
/// worker-dates whose allowed choices differ in soft cost (a wish or an own-compound penalty), the only dates where a
/// request can go unmet. On 300 workers x 43 shift types most blind draws name a worker the slot does not allow;
/// a draw from these lists is allowed by construction.
/// </summary>
internal sealed class SearchIndex
{
    private readonly int[] _eligibleStart;
    private readonly int[] _eligible;
    private readonly int[] _wishCells;

    /// <summary>Builds the lists of <paramref name="p"/> (O(workers x dates x choices), no allocation afterwards).</summary>
    public SearchIndex(CompiledProblem p)
    {
        _eligibleStart = new int[(p.Days * p.SlotCount) + 1];
        _eligible = BuildEligible(p, _eligibleStart);
        _wishCells = BuildWishCells(p);
        var slotChoices = (long)p.WorkerCount * p.Days * p.SlotCount;
        AllowedShare = slotChoices == 0 ? 1.0 : (double)_eligible.Length / slotChoices;
    }

    /// <summary>
    /// The share of (worker, date, slot) choices the problem allows, about the share of blind slot draws that are not
    /// refused; 1 when there is no slot. Counted from the instance files (demand, maximum per shift type, days off):
    /// community-300 0.25, community-600 0.13, the Curtois instances 0.57 (Instance23) to 0.93 (Instance1).
    /// </summary>
    public double AllowedShare { get; }

    /// <summary>
    /// Whether the problem is community-shaped (<see cref="AllowedShare"/> below <see cref="SearchTuning.GuidedBelowAllowedShare"/>):
    /// its walk draws the guided moves and its bound's zero-price ascent aims above the roster (<see cref="LagrangianBound"/>).
    /// </summary>
    public bool Guides => AllowedShare < SearchTuning.GuidedBelowAllowedShare;

    /// <summary>How many workers the problem allows on <paramref name="daySlot"/>.</summary>
    public int EligibleCount(int daySlot) => _eligibleStart[daySlot + 1] - _eligibleStart[daySlot];

    /// <summary>The <paramref name="i"/>-th worker (0-based, ascending) allowed on <paramref name="daySlot"/>.</summary>
    public int Eligible(int daySlot, int i) => _eligible[_eligibleStart[daySlot] + i];

    /// <summary>The workers allowed on <paramref name="daySlot"/>, ascending.</summary>
    public ReadOnlySpan<int> EligibleOn(int daySlot) =>
        _eligible.AsSpan(_eligibleStart[daySlot], _eligibleStart[daySlot + 1] - _eligibleStart[daySlot]);

    /// <summary>How many worker-dates have choices of different soft cost.</summary>
    public int WishCellCount => _wishCells.Length;

    /// <summary>The <paramref name="i"/>-th such worker-date, as a <see cref="CompiledProblem.WorkerDay"/> index.</summary>
    public int WishCell(int i) => _wishCells[i];

    private static int[] BuildEligible(CompiledProblem p, int[] start)
    {
        // Two passes over the allowed table: count per cell, then fill, so the list is one flat array.
        var cells = p.Days * p.SlotCount;
        var count = new int[cells];
        ForEachAllowedSlot(p, (w, d, s) => count[p.DaySlot(d, s)]++);
        for (var cell = 0; cell < cells; cell++)
        {
            start[cell + 1] = start[cell] + count[cell];
        }

        var list = new int[start[cells]];
        Array.Clear(count);
        ForEachAllowedSlot(p, (w, d, s) =>
        {
            var cell = p.DaySlot(d, s);
            list[start[cell] + count[cell]++] = w;
        });
        return list;
    }

    private static void ForEachAllowedSlot(CompiledProblem p, Action<int, int, int> visit)
    {
        for (var w = 0; w < p.WorkerCount; w++)
        {
            for (var d = 0; d < p.Days; d++)
            {
                for (var s = 0; s < p.SlotCount; s++)
                {
                    if (p.Allowed[p.ChoiceIndex(w, d, s + 1)])
                    {
                        visit(w, d, s);
                    }
                }
            }
        }
    }

    private static int[] BuildWishCells(CompiledProblem p)
    {
        var cells = new List<int>();
        for (var wd = 0; wd < p.WorkerCount * p.Days; wd++)
        {
            var first = true;
            var soft = 0;
            for (var choice = 0; choice < p.Choices; choice++)
            {
                var ci = (wd * p.Choices) + choice;
                if (!p.Allowed[ci])
                {
                    continue;
                }

                if (!first && p.ChoiceSoft[ci] != soft)
                {
                    cells.Add(wd);
                    break;
                }

                first = false;
                soft = p.ChoiceSoft[ci];
            }
        }

        return [.. cells];
    }
}
