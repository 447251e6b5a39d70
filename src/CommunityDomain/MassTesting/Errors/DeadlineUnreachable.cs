using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Errors;

/// <summary>No station count up to the limit finishes by the deadline.</summary>
/// <param name="Deadline">The deadline.</param>
/// <param name="MaxStations">The largest count tried per site.</param>
/// <param name="BestFinish">The finish with that many stations.</param>
public sealed record DeadlineUnreachable(Instant Deadline, int MaxStations, Instant BestFinish) : DomainError
{
    /// <inheritdoc/>
    public override string Code => "testing.deadline-unreachable";

    /// <inheritdoc/>
    protected override string English => $"Even {MaxStations} stations per site cannot finish by {LocalTimeText.Utc(Deadline)}; the best finish is {LocalTimeText.Utc(BestFinish)}.";

    /// <inheritdoc/>
    protected override string Chinese => $"每个采样点即使设 {MaxStations} 个采样台也无法在 {LocalTimeText.Utc(Deadline)} 前完成，最早完成于 {LocalTimeText.Utc(BestFinish)}。";
}
