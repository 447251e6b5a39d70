using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Errors;

/// <summary>A household is already registered in the room.</summary>
/// <param name="Room">The room asked for.</param>
/// <param name="Occupant">The household registered there.</param>
public sealed record RoomOccupied(Room Room, Id<Household> Occupant) : DomainError
{
    /// <inheritdoc />
    public override string Code => "community.room-occupied";

    /// <inheritdoc />
    protected override string English => $"Room {Room.Door} on floor {Room.Floor} of {Room.Unit} is already registered to {Occupant}.";

    /// <inheritdoc />
    protected override string Chinese => $"{Room.Unit} 第 {Room.Floor} 层 {Room.Door} 室已登记给 {Occupant}。";
}
