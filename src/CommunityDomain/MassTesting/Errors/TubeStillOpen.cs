using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Errors;

/// <summary>A result arrived for a tube that is still open.</summary>
/// <param name="Tube">The barcode.</param>
public sealed record TubeStillOpen(TubeBarcode Tube) : DomainError
{
    /// <inheritdoc/>
    public override string Code => "testing.tube-still-open";

    /// <inheritdoc/>
    protected override string English => $"Tube {Tube} is still open; close it before reporting a result.";

    /// <inheritdoc/>
    protected override string Chinese => $"试管 {Tube} 尚未封管，不能登记结果。";
}
