using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities;

/// <summary>A household (户) living in one room of one unit; its members are residents.</summary>
public sealed class Household
{
    private readonly List<Id<Resident>> _members = [];

    internal Household(Id<Household> id, Room room, Id<Building> buildingId, Id<Compound> compoundId)
    {
        Id = id;
        Room = room;
        BuildingId = buildingId;
        CompoundId = compoundId;
    }

    /// <summary>The household's id, unique in its community.</summary>
    public Id<Household> Id { get; }

    /// <summary>Where the household lives.</summary>
    public Room Room { get; }

    /// <summary>The unit the household lives in (same as <c>Room.Unit</c>).</summary>
    public Id<Unit> UnitId => Room.Unit;

    /// <summary>The building the household lives in.</summary>
    public Id<Building> BuildingId { get; }

    /// <summary>The compound the household lives in.</summary>
    public Id<Compound> CompoundId { get; }

    /// <summary>Members who have not moved out (present or away), in id order.</summary>
    public IReadOnlyList<Id<Resident>> Members => _members;

    /// <summary>The number of members who have not moved out.</summary>
    public int Size => _members.Count;

    /// <summary>The member to contact for the household, if set.</summary>
    public Id<Resident>? ContactPerson { get; private set; }

    /// <summary>The household's contact phone, if set (masked in its <c>ToString</c>).</summary>
    public PhoneNumber? ContactPhone { get; private set; }

    /// <summary>
    /// The resident <see cref="ContactPhone"/> was given for: the contact person named with it, kept when they leave
    /// the household (the phone stays until changed) so that erasing their personal data erases this phone too. Null
    /// when there is no phone or it was given without a contact person (the household's own number).
    /// </summary>
    public Id<Resident>? ContactPhoneGivenFor { get; private set; }

    internal void AddMember(Id<Resident> resident)
    {
        var at = _members.BinarySearch(resident);
        _members.Insert(at < 0 ? ~at : at, resident);
    }

    internal void RemoveMember(Id<Resident> resident)
    {
        _members.Remove(resident);
        if (ContactPerson == resident)
        {
            ContactPerson = null;
        }
    }

    internal void SetContact(Id<Resident>? person, PhoneNumber? phone, Id<Resident>? phoneGivenFor)
    {
        ContactPerson = person;
        ContactPhone = phone;
        ContactPhoneGivenFor = phone is null ? null : phoneGivenFor;
    }

    /// <summary>Clears the contact phone (erasure); the contact person, if any, stays.</summary>
    internal void ClearContactPhone()
    {
        ContactPhone = null;
        ContactPhoneGivenFor = null;
    }

    /// <summary>Room, size and id; no personal data.</summary>
    public override string ToString() => $"Household {Room}, {Size} member(s) ({Id})";
}
