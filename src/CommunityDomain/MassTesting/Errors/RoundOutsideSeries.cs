using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Errors;

/// <summary>A round's date lies outside its series.</summary>
/// <param name="Date">The round's date.</param>
/// <param name="FirstDay">The series' first day.</param>
/// <param name="LastDay">The series' last day.</param>
public sealed record RoundOutsideSeries(LocalDate Date, LocalDate FirstDay, LocalDate LastDay) : DomainError
{
    /// <inheritdoc/>
    public override string Code => "testing.round-outside-series";

    /// <inheritdoc/>
    protected override string English => $"The round of {Date:yyyy-MM-dd} is outside the series ({FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}).";

    /// <inheritdoc/>
    protected override string Chinese => $"{Date:yyyy-MM-dd} 不在本轮检测周期内（{FirstDay:yyyy-MM-dd} 至 {LastDay:yyyy-MM-dd}）。";
}
