using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Errors;

/// <summary>The sampling site has closed.</summary>
/// <param name="Site">The site.</param>
public sealed record SiteClosed(Id<SamplingSite> Site) : DomainError
{
    /// <inheritdoc/>
    public override string Code => "testing.site-closed";

    /// <inheritdoc/>
    protected override string English => $"Sampling site {Site.Value} is closed.";

    /// <inheritdoc/>
    protected override string Chinese => $"采样点 {Site.Value} 已关闭。";
}
