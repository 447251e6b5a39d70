namespace CommunityDomain.Supplies.Allocation;

/// <summary>Largest remainder (Hamilton) proportional to need, for one rationed tier.</summary>
internal static class HamiltonApportionment
{
    public static void Apportion(ReadOnlySpan<Claim> claims, int tier, long supply, long tierNeed, Span<int> result)
    {
        var remainders = new List<(long Remainder, int Id, int Index)>();
        long given = 0;
        for (var i = 0; i < claims.Length; i++)
        {
            var c = claims[i];
            if (c.Tier != tier)
            {
                continue;
            }

            // Needs up to int.MaxValue (populations) and supplies up to a tier's need overflow 64 bits: Int128 keeps it exact.
            var quota = (Int128)supply * c.Need;
            var floor = (long)(quota / tierNeed);
            result[i] = (int)floor;
            given += floor;
            var remainder = (long)(quota % tierNeed);
            if (remainder > 0)
            {
                remainders.Add((remainder, c.Household.Value, i));
            }
        }

        remainders.Sort(static (x, y) => x.Remainder != y.Remainder ? y.Remainder.CompareTo(x.Remainder) : x.Id.CompareTo(y.Id));
        for (var k = 0; k < supply - given; k++)
        {
            result[remainders[k].Index]++;
        }
    }
}
