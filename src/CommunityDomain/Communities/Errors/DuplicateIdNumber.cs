using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Errors;

/// <summary>Another resident of the community already holds the identity document number.</summary>
/// <param name="MaskedNumber">The number, masked (e.g. <c>110***********1234</c>).</param>
/// <param name="Holder">The resident who holds it.</param>
public sealed record DuplicateIdNumber(string MaskedNumber, Id<Resident> Holder) : DomainError
{
    /// <inheritdoc />
    public override string Code => "community.duplicate-id-number";

    /// <inheritdoc />
    protected override string English => $"The identity number {MaskedNumber} is already registered to {Holder}.";

    /// <inheritdoc />
    protected override string Chinese => $"证件号码 {MaskedNumber} 已登记给 {Holder}。";
}
