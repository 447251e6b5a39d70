using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Errors;

/// <summary>A room's floor is above the top floor of its unit.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Floor">The floor asked for.</param>
/// <param name="Floors">The unit's number of floors.</param>
public sealed record FloorOutOfRange(Id<Unit> Unit, int Floor, int Floors) : DomainError
{
    /// <inheritdoc />
    public override string Code => "community.floor-out-of-range";

    /// <inheritdoc />
    protected override string English => $"{Unit} has {Floors} floors; floor {Floor} does not exist.";

    /// <inheritdoc />
    protected override string Chinese => $"{Unit} 共 {Floors} 层，不存在第 {Floor} 层。";
}
