namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// Single-cell repair for the greedy baseline: per employee, repeatedly applies the one-day change (another
/// shift or a day off) that most lowers the employee's infeasibility, the cheapest such change on ties.
/// </summary>
/// <remarks>
/// Infeasibility is compared lexicographically: first the violation count of <see cref="CurtoisRules"/>, then
/// the minutes missing below the minimum or above the maximum (so that steps towards a minute bound count even
/// before the bound is met). A change must not raise any single rule's count (no trading a min-block violation
/// for a worked day off). Deterministic; terminates because every step strictly lowers the measure.
/// </remarks>
internal sealed class CurtoisRepair
{
    private readonly CurtoisInstance _instance;
    private readonly int[][] _rows;
    private readonly int[] _assigned;
    private readonly Dictionary<(int Employee, int Day), List<CurtoisRequest>> _on;
    private readonly Dictionary<(int Employee, int Day), List<CurtoisRequest>> _off;

    public CurtoisRepair(CurtoisInstance instance, int[][] rows, int[] assigned)
    {
        _instance = instance;
        _rows = rows;
        _assigned = assigned;
        _on = ByEmployeeDay(instance.OnRequests);
        _off = ByEmployeeDay(instance.OffRequests);
    }

    public void Run(CancellationToken cancellationToken)
    {
        var rules = CurtoisRules.All.Count;
        var currentCounts = new int[rules];
        var counts = new int[rules];
        for (var e = 0; e < _rows.Length; e++)
        {
            var row = _rows[e];
            var current = Measure(e, row, currentCounts);
            while (current.Violations > 0 && !cancellationToken.IsCancellationRequested)
            {
                var best = (Measure: current, Cost: int.MaxValue, Day: -1, Shift: 0);
                for (var d = 0; d < row.Length; d++)
                {
                    var old = row[d];
                    for (var v = CurtoisSolution.Off; v < _instance.Shifts.Count; v++)
                    {
                        if (v == old)
                        {
                            continue;
                        }

                        row[d] = v;
                        var m = Measure(e, row, counts);
                        row[d] = old;
                        // Improve the measure without trading one rule's violation for another's.
                        if (m.CompareTo(current) >= 0 || !NoneHigher(counts, currentCounts))
                        {
                            continue;
                        }

                        var cost = Cost(e, d, old, v);
                        if (best.Day < 0 || m.CompareTo(best.Measure) < 0 || (m == best.Measure && cost < best.Cost))
                        {
                            best = (m, cost, d, v);
                        }
                    }
                }

                if (best.Day < 0)
                {
                    break;
                }

                Apply(row, best.Day, best.Shift);
                current = Measure(e, row, currentCounts);
            }
        }
    }

    private static bool NoneHigher(int[] counts, int[] reference)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > reference[i])
            {
                return false;
            }
        }

        return true;
    }

    private (int Violations, long MinutesGap) Measure(int employee, int[] row, int[] counts)
    {
        var violations = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = CurtoisRules.CheckValidated(CurtoisRules.All[i], _instance, employee, row, sink: null);
            violations += counts[i];
        }

        long minutes = 0;
        foreach (var v in row)
        {
            minutes += v >= 0 ? _instance.Shifts[v].LengthMinutes : 0;
        }

        var staff = _instance.Staff[employee];
        var gap = Math.Max(0, staff.MinTotalMinutes - minutes) + Math.Max(0, minutes - staff.MaxTotalMinutes);
        return (violations, gap);
    }

    // Objective change of moving one employee-day from shift `from` to shift `to` (either may be off).
    private int Cost(int employee, int day, int from, int to)
    {
        var cost = 0;
        if (from >= 0)
        {
            cost += CoverPenalty(day, from, -1);
        }

        if (to >= 0)
        {
            cost += CoverPenalty(day, to, +1);
        }

        if (_on.TryGetValue((employee, day), out var on))
        {
            foreach (var r in on)
            {
                cost += r.Weight * ((to != r.Shift ? 1 : 0) - (from != r.Shift ? 1 : 0));
            }
        }

        if (_off.TryGetValue((employee, day), out var off))
        {
            foreach (var r in off)
            {
                cost += r.Weight * ((to == r.Shift ? 1 : 0) - (from == r.Shift ? 1 : 0));
            }
        }

        return cost;
    }

    private int CoverPenalty(int day, int shift, int change)
    {
        var c = _instance.CoverFast(day, shift);
        var n = _assigned[(day * _instance.Shifts.Count) + shift];
        int Penalty(int k) => (c.WeightUnder * Math.Max(0, c.Requirement - k)) + (c.WeightOver * Math.Max(0, k - c.Requirement));
        return Penalty(n + change) - Penalty(n);
    }

    private void Apply(int[] row, int day, int shift)
    {
        var shifts = _instance.Shifts.Count;
        if (row[day] >= 0)
        {
            _assigned[(day * shifts) + row[day]]--;
        }

        row[day] = shift;
        if (shift >= 0)
        {
            _assigned[(day * shifts) + shift]++;
        }
    }

    private static Dictionary<(int Employee, int Day), List<CurtoisRequest>> ByEmployeeDay(IEnumerable<CurtoisRequest> requests)
    {
        var map = new Dictionary<(int, int), List<CurtoisRequest>>();
        foreach (var r in requests)
        {
            if (!map.TryGetValue((r.Employee, r.Day), out var list))
            {
                map[(r.Employee, r.Day)] = list = [];
            }

            list.Add(r);
        }

        return map;
    }
}
