namespace CommunityDomain.Supplies.Allocation;

/// <summary>
/// The straightforward reference for the divisor policies: hand out one unit at a time to the claim with
/// the smallest next key (2x + delta2) / (2w), ties by household id. O(S log n); used by tests as an oracle
/// and by the benchmarks as the baseline.
/// </summary>
internal static class UnitByUnitReference
{
    public static void Apportion(ReadOnlySpan<Claim> claims, int tier, bool weightIsNeed, int delta2, long supply, Span<int> result)
    {
        var queue = new PriorityQueue<int, (long A, long B, int Id)>(Comparer<(long A, long B, int Id)>.Create(static (x, y) =>
        {
            var byKey = ((Int128)x.A * y.B).CompareTo((Int128)y.A * x.B);
            return byKey != 0 ? byKey : x.Id.CompareTo(y.Id);
        }));
        for (var i = 0; i < claims.Length; i++)
        {
            if (claims[i].Tier == tier)
            {
                result[i] = 0;
                if (claims[i].Need > 0)
                {
                    queue.Enqueue(i, (delta2, 2L * W(claims[i], weightIsNeed), claims[i].Household.Value));
                }
            }
        }

        for (long unit = 0; unit < supply && queue.TryDequeue(out var i, out _); unit++)
        {
            var x = ++result[i];
            if (x < claims[i].Need)
            {
                queue.Enqueue(i, ((2L * x) + delta2, 2L * W(claims[i], weightIsNeed), claims[i].Household.Value));
            }
        }
    }

    private static int W(Claim c, bool weightIsNeed) => weightIsNeed ? c.Need : c.Weight;
}
