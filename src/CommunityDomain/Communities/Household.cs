using CommunityDomain.Kernel;

namespace CommunityDomain.Communities;

/// <summary>A household (户) living in one room of one unit; its members are residents.</summary>
public sealed class Household
{
    internal Household(Id<Household> id, Room room)
    {
        Id = id;
        Room = room;
    }

    /// <summary>The household's id, unique in its community.</summary>
    public Id<Household> Id { get; }

    /// <summary>Where the household lives.</summary>
    public Room Room { get; }

    /// <summary>Room and id.</summary>
    public override string ToString() => $"Household {Room} ({Id})";
}
