using CommunityDomain.Kernel;

namespace CommunityDomain.Passes.Errors;

/// <summary>The office issued no pass with this serial, or it is already revoked.</summary>
/// <param name="Serial">The serial.</param>
/// <param name="AlreadyRevoked">True when the pass exists but was already revoked.</param>
public sealed record UnknownPass(PassSerial Serial, bool AlreadyRevoked) : DomainError
{
    /// <inheritdoc />
    public override string Code => AlreadyRevoked ? "passes.already-revoked" : "passes.unknown";

    /// <inheritdoc />
    protected override string English => AlreadyRevoked ? $"Pass {Serial} is already revoked." : $"No pass {Serial} was issued by this office.";

    /// <inheritdoc />
    protected override string Chinese => AlreadyRevoked ? $"出入卡{Serial}已被注销。" : $"本办公室未发放出入卡{Serial}。";
}
