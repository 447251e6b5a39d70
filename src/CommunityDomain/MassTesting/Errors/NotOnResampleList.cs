using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Errors;

/// <summary>The resident is not on the round's re-sample list.</summary>
/// <param name="Resident">The resident.</param>
public sealed record NotOnResampleList(Id<Resident> Resident) : DomainError
{
    /// <inheritdoc/>
    public override string Code => "testing.not-on-resample-list";

    /// <inheritdoc/>
    protected override string English => $"Resident {Resident.Value} is not on this round's re-sample list.";

    /// <inheritdoc/>
    protected override string Chinese => $"居民 {Resident.Value} 不在本轮复采名单中。";
}
