using CommunityDomain.Communities;

namespace CommunityDomain.MassTesting;

/// <summary>A resident to re-sample individually because their pooled tube was positive or invalid.</summary>
/// <param name="Resident">The resident.</param>
/// <param name="Household">Their household (flagged for control).</param>
/// <param name="MaskedName">The masked name.</param>
/// <param name="Tube">The tube that triggered it.</param>
/// <param name="Result">The tube's result.</param>
public sealed record Resample(Kernel.Id<Resident> Resident, Kernel.Id<Household> Household, string MaskedName, TubeBarcode Tube, TubeResult Result)
{
    /// <summary>
    /// Ids and the tube only, e.g. <c>Re-sample Resident#5 (Household#3) individually, from tube T0001</c>: the masked
    /// name stays out of logs and the tube's result, which tells a resident's health, is left out.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"Re-sample {Resident} ({Household}) individually, from tube {Tube}";
}
