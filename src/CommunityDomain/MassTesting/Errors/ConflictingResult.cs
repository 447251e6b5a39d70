using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Errors;

/// <summary>A tube already has a different final result.</summary>
/// <param name="Tube">The barcode.</param>
/// <param name="Recorded">The result on record.</param>
/// <param name="Reported">The conflicting report.</param>
public sealed record ConflictingResult(TubeBarcode Tube, TubeResult Recorded, TubeResult Reported) : DomainError
{
    /// <inheritdoc/>
    public override string Code => "testing.conflicting-result";

    /// <inheritdoc/>
    protected override string English => $"Tube {Tube} already has result {Recorded}; {Reported} was reported.";

    /// <inheritdoc/>
    protected override string Chinese => $"试管 {Tube} 已有结果 {Recorded}，又报告了 {Reported}。";
}
