using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Errors;

/// <summary>The series already has a round on that date.</summary>
/// <param name="Date">The date.</param>
public sealed record RoundAlreadyStarted(LocalDate Date) : DomainError
{
    /// <inheritdoc/>
    public override string Code => "testing.round-already-started";

    /// <inheritdoc/>
    protected override string English => $"The round of {Date:yyyy-MM-dd} has already started.";

    /// <inheritdoc/>
    protected override string Chinese => $"{Date:yyyy-MM-dd} 的检测已经开始。";
}
