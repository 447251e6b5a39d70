using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Errors;

/// <summary>No tube with this barcode exists in the round.</summary>
/// <param name="Tube">The barcode.</param>
public sealed record UnknownTube(TubeBarcode Tube) : DomainError
{
    /// <inheritdoc/>
    public override string Code => "testing.unknown-tube";

    /// <inheritdoc/>
    protected override string English => $"No tube {Tube} in this round.";

    /// <inheritdoc/>
    protected override string Chinese => $"本轮没有试管 {Tube}。";
}
