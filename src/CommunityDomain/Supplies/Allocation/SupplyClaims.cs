using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Allocation;

/// <summary>Builds the planners' plain claims from a community: the adapter between the aggregate and the allocator.</summary>
public static class SupplyClaims
{
    /// <summary>
    /// One claim per household: need from <paramref name="rules"/>, weight = members present (at least 1),
    /// tier 0 for households with an urgent request (their urgent units added to the need), tier 1 otherwise.
    /// </summary>
    /// <param name="community">The community.</param>
    /// <param name="households">The households to supply, e.g. <c>community.SealedHouseholds(at)</c>.</param>
    /// <param name="on">The date ages are taken on.</param>
    /// <param name="rules">The need rules for the item.</param>
    /// <param name="urgent">Urgent extra units by household (e.g. medicine requested), if any.</param>
    /// <returns>The claims, in the order of <paramref name="households"/>.</returns>
    /// <exception cref="ArgumentException">A null argument or an unknown household.</exception>
    public static IReadOnlyList<Claim> From(
        Community community, IEnumerable<Id<Household>> households, LocalDate on, NeedRules rules, IReadOnlyDictionary<Id<Household>, int>? urgent = null)
    {
        Guard.Against.Null(community);
        Guard.Against.Null(households);
        Guard.Against.Null(rules);
        var claims = new List<Claim>();
        foreach (var id in households)
        {
            var needs = community.NeedsOf(id, on);
            var need = rules.NeedOf(needs);
            var extra = urgent is not null && urgent.TryGetValue(id, out var u) ? Guard.Against.Negative(u, nameof(urgent)) : 0;
            claims.Add(new Claim(id, (int)Math.Min((long)need + extra, Claim.MaxUnits), Math.Max(1, needs.Present), extra > 0 ? 0 : 1));
        }

        return claims;
    }
}
