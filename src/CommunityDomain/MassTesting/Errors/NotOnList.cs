using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Errors;

/// <summary>The resident is not on the round's must-test list.</summary>
/// <param name="Resident">The resident.</param>
public sealed record NotOnList(Id<Resident> Resident) : DomainError
{
    /// <inheritdoc/>
    public override string Code => "testing.not-on-list";

    /// <inheritdoc/>
    protected override string English => $"Resident {Resident.Value} is not on this round's must-test list.";

    /// <inheritdoc/>
    protected override string Chinese => $"居民 {Resident.Value} 不在本轮应检名单中。";
}
