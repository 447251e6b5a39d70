using System.Globalization;
using System.Text.Json.Serialization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Allocation;

/// <summary>The result of <see cref="SupplyAllocator.Allocate(IReadOnlyList{Claim}, long, AllocationPolicy, CancellationToken)"/>: every household's share, and why.</summary>
public sealed class AllocationPlan
{
    private readonly Dictionary<Id<Household>, int> _index;

    /// <summary>Rebuilds a stored plan from its shares (each share's outcome is recomputed from the tiers).</summary>
    [JsonConstructor]
    internal AllocationPlan(AllocationPolicy policy, long supply, IReadOnlyList<Share> shares, IReadOnlyList<TierOutcome> tiers)
        : this(policy, supply, [.. shares.Select(s => new Claim(s.Household, s.Need, s.Weight, s.Tier))], [.. shares.Select(s => s.Allocated)], tiers)
    {
    }

    internal AllocationPlan(AllocationPolicy policy, long supply, Claim[] claims, int[] allocated, IReadOnlyList<TierOutcome> tiers)
    {
        Policy = policy;
        Supply = supply;
        Tiers = tiers;
        var state = tiers.ToDictionary(t => t.Tier);
        var shares = new Share[claims.Length];
        _index = new Dictionary<Id<Household>, int>(claims.Length);
        for (var i = 0; i < claims.Length; i++)
        {
            var c = claims[i];
            var tier = state[c.Tier];
            var outcome = c.Need == 0 ? ShareOutcome.NoNeed
                : tier.FullyServed ? ShareOutcome.FullNeed
                : tier.Supplied == 0 ? ShareOutcome.TierNotReached
                : ShareOutcome.Rationed;
            shares[i] = new Share(c.Household, c.Need, c.Weight, c.Tier, allocated[i], outcome);
            _index[c.Household] = i;
        }

        Shares = shares;
        Allocated = allocated.Sum(x => (long)x);
    }

    /// <summary>The policy used for rationed tiers.</summary>
    public AllocationPolicy Policy { get; }

    /// <summary>Units there were to share.</summary>
    public long Supply { get; }

    /// <summary>Units allocated: min(supply, total need).</summary>
    public long Allocated { get; }

    /// <summary>Every claim's share, in the order of the claims.</summary>
    public IReadOnlyList<Share> Shares { get; }

    /// <summary>Each tier's outcome, in tier order.</summary>
    public IReadOnlyList<TierOutcome> Tiers { get; }

    /// <summary>A household's share.</summary>
    /// <param name="household">The household.</param>
    /// <returns>Its share.</returns>
    /// <exception cref="ArgumentException">The household had no claim.</exception>
    public Share ShareOf(Id<Household> household) => _index.TryGetValue(household, out var i)
        ? Shares[i]
        : throw new ArgumentException($"{household} had no claim in this plan.", nameof(household));

    /// <summary>Explains a household's share in one sentence: need, weight, tier, and the level its tier reached (a log line with the
    /// household's id; for residents and the office, by address and in Chinese, see <c>Views.AllocationTable.Explain</c>).</summary>
    /// <param name="household">The household.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentException">The household had no claim.</exception>
    public string Explain(Id<Household> household)
    {
        var s = ShareOf(household);
        var tier = Tiers.First(t => t.Tier == s.Tier);
        var why = s.Outcome switch
        {
            ShareOutcome.NoNeed => "it needed nothing",
            ShareOutcome.FullNeed => $"tier {s.Tier} was fully served ({tier.Need} units needed)",
            ShareOutcome.TierNotReached => "supply ran out in an earlier tier",
            _ => Policy switch
            {
                AllocationPolicy.MaxMin => $"tier {s.Tier} was rationed ({tier.Supplied} of {tier.Need} units) by weighted max-min; the water level reached {tier.LevelNumerator}/{tier.LevelDenominator} = {tier.Level:0.###} units per weight unit, so it got min(need, ceil(weight x level)) units, one more when weight x level is whole and it came early among the tied household ids",
                AllocationPolicy.Hamilton => $"tier {s.Tier} was rationed ({tier.Supplied} of {tier.Need} units, {tier.Level:P1} of need) by largest remainder; its exact quota was {(double)tier.Supplied * s.Need / tier.Need:0.###}",
                _ => $"tier {s.Tier} was rationed ({tier.Supplied} of {tier.Need} units, {tier.Level:P1} of need) by the {MethodName(Policy)} divisor method; its exact quota was {(double)tier.Supplied * s.Need / tier.Need:0.###}",
            },
        };
        return string.Create(CultureInfo.InvariantCulture, $"{s.Household} got {s.Allocated} of {s.Need} (weight {s.Weight}, tier {s.Tier}): {why}.");
    }

    private static string MethodName(AllocationPolicy policy) => policy switch
    {
        AllocationPolicy.Jefferson => "Jefferson/D'Hondt",
        AllocationPolicy.Adams => "Adams",
        AllocationPolicy.HuntingtonHill => "Huntington-Hill",
        _ => "Webster",
    };

    /// <summary>Policy, supply and allocated units.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Policy} allocation: {Allocated} of {Supply} units to {Shares.Count} households");
}
