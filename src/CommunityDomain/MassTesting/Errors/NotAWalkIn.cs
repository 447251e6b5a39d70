using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Errors;

/// <summary>The resident is away, exempt or sampled at the door, not at a site.</summary>
/// <param name="Resident">The resident.</param>
/// <param name="Disposition">What the round expects of them.</param>
public sealed record NotAWalkIn(Id<Resident> Resident, Disposition Disposition) : DomainError
{
    /// <inheritdoc/>
    public override string Code => "testing.not-a-walk-in";

    /// <inheritdoc/>
    protected override string English => $"Resident {Resident.Value} is not expected at a site ({Disposition}).";

    /// <inheritdoc/>
    protected override string Chinese => $"居民 {Resident.Value} 不应到采样点（{Disposition}）。";
}
