using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Errors;

/// <summary>The resident was already sampled this round: a second scan is reported, not counted.</summary>
/// <param name="Resident">The resident.</param>
/// <param name="Tube">The tube they are in.</param>
public sealed record AlreadySampled(Id<Resident> Resident, TubeBarcode Tube) : DomainError
{
    /// <inheritdoc/>
    public override string Code => "testing.already-sampled";

    /// <inheritdoc/>
    protected override string English => $"Resident {Resident.Value} was already sampled in tube {Tube}; the second scan is not counted.";

    /// <inheritdoc/>
    protected override string Chinese => $"居民 {Resident.Value} 已采样（试管 {Tube}），重复扫码不计数。";
}
