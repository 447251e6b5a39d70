using System.Globalization;

using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>How many stations each site needs to finish by a deadline, and the samplers that takes.</summary>
/// <param name="StationsPerSite">Stations at every site.</param>
/// <param name="Samplers">Samplers: one per station per shift, shifts of at most the given length.</param>
/// <param name="Plan">The wave plan with that many stations.</param>
public sealed record StationSizing(int StationsPerSite, long Samplers, WavePlan Plan)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StationsPerSite} stations per site, {Samplers} samplers, finish {LocalTimeText.Utc(Plan.ExpectedFinish)}");
}
