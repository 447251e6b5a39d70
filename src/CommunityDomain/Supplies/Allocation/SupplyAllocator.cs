namespace CommunityDomain.Supplies.Allocation;

/// <summary>Shares one item's supply among households' claims, tier by tier, under a chosen policy.</summary>
/// <remarks>
/// Guarantees, for every policy: no household gets more than its need; the total allocated is
/// min(supply, total need); a tier gets nothing until every earlier tier's need is met; the result does not
/// depend on the order of the claims (ties go to the smaller household id). Weighted max-min: no transfer of
/// one unit between two households of a tier raises that tier's minimum share per weight unit (the minimum is
/// the largest any whole-unit allocation reaches); more supply never lowers any household's share; it equals
/// the unit-by-unit reference. Hamilton: in the rationed tier every share is within floor and ceiling of its
/// exact quota supply x need / tier need. Webster, Jefferson/D'Hondt, Adams and Huntington-Hill (divisor methods
/// with weight = need): more supply never lowers any share (no Alabama paradox), and each equals an independent
/// unit-by-unit reference (unit to the largest need / divisor(units so far), ties to the smaller household id).
/// Jefferson: every share in the rationed tier is at least the floor of its exact quota. Adams: none exceeds its ceiling.
/// </remarks>
public static class SupplyAllocator
{
    /// <summary>Allocates and explains.</summary>
    /// <param name="claims">One claim per household; no household twice.</param>
    /// <param name="supply">Units to share; not negative.</param>
    /// <param name="policy">How a rationed tier is shared.</param>
    /// <param name="cancellationToken">Cancels a long run.</param>
    /// <returns>The plan with every household's share and each tier's outcome.</returns>
    /// <exception cref="ArgumentException">Null or default claims, a household twice, a negative supply or an unknown policy.</exception>
    public static AllocationPlan Allocate(IReadOnlyList<Claim> claims, long supply, AllocationPolicy policy, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(claims);
        var array = claims as Claim[] ?? [.. claims];
        var allocated = new int[array.Length];
        var tiers = AllocateInto(array, supply, policy, allocated, cancellationToken);
        return new AllocationPlan(policy, supply, array, allocated, tiers);
    }

    /// <summary>Allocates with a minimum share: every household first gets min(<paramref name="minimumShare"/>, need), then the
    /// rest of the supply is shared by <paramref name="policy"/> over what each still needs.</summary>
    /// <remarks>
    /// <para>The minimum comes before the tiers: a household of a later tier gets its minimum before an earlier tier's
    /// needs are met beyond theirs (the supply rule "every household at least k units").</para>
    /// <para>When the supply is short of the minimums (less than the sum of min(k, need)), the minimums themselves are
    /// rationed: the plan is <see cref="Allocate(IReadOnlyList{Claim}, long, AllocationPolicy, CancellationToken)"/> over the
    /// claims capped at min(k, need), so tiers go in order, no share exceeds min(k, need), and the policy shares the short
    /// tier.</para>
    /// <para>Otherwise every share is at least min(k, need), never more than the need, and the total is min(supply, total need).
    /// Either way the plan's tiers report each tier's whole need and what it received; their level is that of the round
    /// that rationed (the minimums, or the rest).
    /// A minimum of 0 gives exactly <see cref="Allocate(IReadOnlyList{Claim}, long, AllocationPolicy, CancellationToken)"/>.</para>
    /// </remarks>
    /// <param name="claims">One claim per household; no household twice.</param>
    /// <param name="supply">Units to share; not negative.</param>
    /// <param name="policy">How a rationed tier is shared.</param>
    /// <param name="minimumShare">Units every household gets first (capped at its need); not negative.</param>
    /// <param name="cancellationToken">Cancels a long run.</param>
    /// <returns>The plan with every household's share and each tier's outcome.</returns>
    /// <exception cref="ArgumentException">Null or default claims, a household twice, a negative supply or minimum, or an unknown policy.</exception>
    public static AllocationPlan AllocateWithMinimum(IReadOnlyList<Claim> claims, long supply, AllocationPolicy policy, int minimumShare, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(claims);
        Guard.Against.Negative(minimumShare);
        Guard.Against.Negative(supply);
        var array = claims as Claim[] ?? [.. claims];
        if (minimumShare == 0)
        {
            return Allocate(array, supply, policy, cancellationToken);
        }

        var minimums = new Claim[array.Length];
        var rest = new Claim[array.Length];
        long total = 0;
        for (var i = 0; i < array.Length; i++)
        {
            var c = array[i];
            if (c.Household.IsDefault)
            {
                throw new ArgumentException($"Claim {i} is default and names no household.", nameof(claims));
            }

            var floor = Math.Min(minimumShare, c.Need);
            minimums[i] = new Claim(c.Household, floor, c.Weight, c.Tier);
            rest[i] = new Claim(c.Household, c.Need - floor, c.Weight, c.Tier);
            total += floor;
        }

        var allocated = new int[array.Length];
        var shortOfMinimums = supply <= total;

        // Short of the minimums: ration the minimums themselves; else give them and share the rest.
        var phase = shortOfMinimums
            ? AllocateInto(minimums, supply, policy, allocated, cancellationToken)
            : AllocateInto(rest, supply - total, policy, allocated, cancellationToken);
        var tierTotals = new Dictionary<int, (long Need, long Supplied)>();
        for (var i = 0; i < array.Length; i++)
        {
            allocated[i] += shortOfMinimums ? 0 : minimums[i].Need;
            tierTotals.TryGetValue(array[i].Tier, out var x);
            tierTotals[array[i].Tier] = (x.Need + array[i].Need, x.Supplied + allocated[i]);
        }

        var outcomes = phase.Select(t => t with { Need = tierTotals[t.Tier].Need, Supplied = tierTotals[t.Tier].Supplied }).ToList();
        return new AllocationPlan(policy, supply, array, allocated, outcomes);
    }

    /// <summary>Allocates into a caller's buffer without building explanations (the fast path for large runs).</summary>
    /// <param name="claims">One claim per household; no household twice.</param>
    /// <param name="supply">Units to share; not negative.</param>
    /// <param name="policy">How a rationed tier is shared.</param>
    /// <param name="allocated">Receives each claim's units, same order as <paramref name="claims"/>.</param>
    /// <param name="cancellationToken">Cancels a long run.</param>
    /// <returns>Each tier's outcome, in tier order.</returns>
    /// <exception cref="ArgumentException">Default claims, a household twice, a short buffer, a negative supply or an unknown policy.</exception>
    public static IReadOnlyList<TierOutcome> AllocateInto(
        ReadOnlySpan<Claim> claims, long supply, AllocationPolicy policy, Span<int> allocated, CancellationToken cancellationToken = default)
    {
        Guard.Against.Negative(supply);
        Guard.Against.EnumOutOfRange(policy);
        if (allocated.Length < claims.Length)
        {
            throw new ArgumentException("The buffer is shorter than the claims.", nameof(allocated));
        }

        var tierNeed = TierNeeds(claims, out var maxTier);
        var state = new long[maxTier + 1];
        var outcomes = new List<TierOutcome>();
        var rationed = -1;
        var left = supply;
        for (var t = 0; t <= maxTier; t++)
        {
            if (tierNeed[t] < 0)
            {
                continue;
            }

            var given = Math.Min(left, tierNeed[t]);
            state[t] = given == tierNeed[t] ? 1 : 0;
            rationed = given > 0 && given < tierNeed[t] ? t : rationed;
            left -= given;
            outcomes.Add(new TierOutcome(t, tierNeed[t], given, 0, 1));
        }

        for (var i = 0; i < claims.Length; i++)
        {
            allocated[i] = state[claims[i].Tier] == 1 ? claims[i].Need : 0;
        }

        if (rationed >= 0)
        {
            Ration(claims, rationed, policy, outcomes, allocated, cancellationToken);
        }

        return outcomes;
    }

    // The second phase of AllocateInto: the one tier the supply runs out in is shared by the policy, and its outcome
    // records the level reached. Apart from the first (whole tiers in order) because only this one depends on the policy.
    private static void Ration(ReadOnlySpan<Claim> claims, int rationed, AllocationPolicy policy, List<TierOutcome> outcomes, Span<int> allocated, CancellationToken cancellationToken)
    {
        var at = outcomes.FindIndex(o => o.Tier == rationed);
        var o = outcomes[at];
        var (num, den) = policy switch
        {
            AllocationPolicy.MaxMin => DivisorApportionment.Apportion(claims, rationed, false, 0, o.Supplied, allocated, cancellationToken),
            AllocationPolicy.Webster => Proportional(DivisorApportionment.Apportion(claims, rationed, true, 1, o.Supplied, allocated, cancellationToken), o),
            AllocationPolicy.Jefferson => Proportional(DivisorApportionment.Apportion(claims, rationed, true, 2, o.Supplied, allocated, cancellationToken), o),
            AllocationPolicy.Adams => Proportional(DivisorApportionment.Apportion(claims, rationed, true, 0, o.Supplied, allocated, cancellationToken), o),
            AllocationPolicy.HuntingtonHill => HuntingtonHill(claims, rationed, o, allocated, cancellationToken),
            _ => Hamilton(claims, rationed, o, allocated),
        };
        var gcd = (long)System.Numerics.BigInteger.GreatestCommonDivisor(num, den);
        outcomes[at] = o with { LevelNumerator = num / Math.Max(1, gcd), LevelDenominator = den / Math.Max(1, gcd) };
    }

    private static (long, long) Proportional((long, long) divisorKey, TierOutcome o)
    {
        _ = divisorKey;
        return (o.Supplied, o.Need);
    }

    private static (long, long) HuntingtonHill(ReadOnlySpan<Claim> claims, int tier, TierOutcome o, Span<int> allocated, CancellationToken cancellationToken)
    {
        HuntingtonHillApportionment.Apportion(claims, tier, o.Supplied, allocated, cancellationToken);
        return (o.Supplied, o.Need);
    }

    private static (long, long) Hamilton(ReadOnlySpan<Claim> claims, int tier, TierOutcome o, Span<int> allocated)
    {
        HamiltonApportionment.Apportion(claims, tier, o.Supplied, o.Need, allocated);
        return (o.Supplied, o.Need);
    }

    // Per tier, its total need (-1 for a tier nobody claims); also checks the claims.
    private static long[] TierNeeds(ReadOnlySpan<Claim> claims, out int maxTier)
    {
        maxTier = 0;
        var maxId = 0;
        for (var i = 0; i < claims.Length; i++)
        {
            if (claims[i].Household.IsDefault)
            {
                throw new ArgumentException($"Claim {i} is default and names no household.", nameof(claims));
            }

            maxTier = Math.Max(maxTier, claims[i].Tier);
            maxId = Math.Max(maxId, claims[i].Household.Value);
        }

        // Ids are small and dense in a community: a flag array is the cheap duplicate check; sparse ids use a set.
        var seen = maxId <= (4L * claims.Length) + 1024 ? new bool[maxId + 1] : null;
        var seenSparse = seen is null ? new HashSet<int>(claims.Length) : null;
        var needs = new long[maxTier + 1];
        Array.Fill(needs, -1);
        for (var i = 0; i < claims.Length; i++)
        {
            var c = claims[i];
            var fresh = seen is not null ? !seen[c.Household.Value] : seenSparse!.Add(c.Household.Value);
            if (!fresh)
            {
                throw new ArgumentException($"{c.Household} has more than one claim.", nameof(claims));
            }

            if (seen is not null)
            {
                seen[c.Household.Value] = true;
            }

            needs[c.Tier] = Math.Max(needs[c.Tier], 0) + c.Need;
        }

        return needs;
    }
}
