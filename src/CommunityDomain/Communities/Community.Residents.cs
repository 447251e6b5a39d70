using CommunityDomain.Communities.Errors;
using CommunityDomain.Communities.Events;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;
using OneOf;
using OneOf.Types;

namespace CommunityDomain.Communities;

public sealed partial class Community
{
    /// <summary>Registers a household in a room of a unit.</summary>
    /// <param name="room">The room; its unit must exist and its floor be within the unit's floors.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>The new household, or an error.</returns>
    /// <exception cref="ArgumentException"><paramref name="room"/> is default (names no unit).</exception>
    public OneOf<Household, NotFound<Unit>, FloorOutOfRange, RoomOccupied, NotPermitted> RegisterHousehold(Room room, Actor by = default)
    {
        Guard.Against.DefaultId(room.Unit, nameof(room));
        if (!_units.TryGetValue(room.Unit, out var unit))
        {
            return new NotFound<Unit>(room.Unit);
        }

        if (by.Check(Permission.Register, _buildings[unit.BuildingId].CompoundId.Value, unit.BuildingId.Value) is { } denied)
        {
            return denied;
        }

        if (room.Floor > unit.Floors)
        {
            return new FloorOutOfRange(unit.Id, room.Floor, unit.Floors);
        }

        if (_roomIndex.TryGetValue(room, out var occupant))
        {
            return new RoomOccupied(room, occupant);
        }

        var building = _buildings[unit.BuildingId];
        var household = new Household(_households.NextId, room, building.Id, building.CompoundId);
        PutHousehold(household);
        var version = NextVersion();
        Raise(new HouseholdRegistered(_clock.GetCurrentInstant(), by, version, household.Id, room));
        return household;
    }

    /// <summary>Registers a resident as a present member of a household.</summary>
    /// <param name="household">The household; not default.</param>
    /// <param name="registration">The resident's facts.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>The new resident, or an error (a duplicate identity number is refused, and so is a birth date
    /// after the registration date in the community's zone).</returns>
    /// <exception cref="ArgumentException"><paramref name="household"/> is default, <paramref name="registration"/> is null
    /// (<see cref="ArgumentNullException"/>), or its name is <see cref="Resident.ErasedName"/> (reserved: a resident who
    /// looked erased would never be erased).</exception>
    public OneOf<Resident, NotFound<Household>, DuplicateIdNumber, BirthDateInFuture, NotPermitted> RegisterResident(Id<Household> household, ResidentRegistration registration, Actor by = default)
    {
        Guard.Against.DefaultId(household);
        Guard.Against.Null(registration);
        Guard.Against.InvalidInput(registration, nameof(registration), static r => r.Name != Resident.ErasedName, "The name '[erased]' is reserved for residents whose personal data was erased.");
        if (!_households.TryGetValue(household, out var home))
        {
            return new NotFound<Household>(household);
        }

        if (Denied(by, Permission.Register, home) is { } denied)
        {
            return denied;
        }

        if (registration.Document is { } document && _documentIndex.TryGetValue(DocumentKey(document), out var holder))
        {
            return new DuplicateIdNumber(document.Masked, holder);
        }

        var now = _clock.GetCurrentInstant();
        var today = now.InZone(Zone).Date;
        if (registration.BirthDate is { } born && born > today)
        {
            return new BirthDateInFuture(home.Id, today);
        }

        var resident = new Resident(_residents.NextId, home.Id, registration, Presence.Present, now);
        PutResident(resident);
        var version = NextVersion();
        Raise(new ResidentRegistered(now, by, version, resident.Id, home.Id));
        return resident;
    }

    /// <summary>Moves a resident to another household of the community.</summary>
    /// <param name="resident">The resident; not default.</param>
    /// <param name="to">The household to join; not default.</param>
    /// <param name="at">When they move; not before their last recorded change.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>Success (silently, when they already live there), or an error.</returns>
    /// <exception cref="ArgumentException"><paramref name="resident"/> or <paramref name="to"/> is default.</exception>
    public OneOf<Success, NotFound<Resident>, NotFound<Household>, AlreadyMovedOut, ChangeOutOfOrder, NotPermitted> MoveResident(
        Id<Resident> resident, Id<Household> to, Instant at, Actor by = default)
    {
        Guard.Against.DefaultId(resident);
        Guard.Against.DefaultId(to);
        if (!_households.TryGetValue(to, out var target))
        {
            return _residents.Contains(resident) ? new NotFound<Household>(to) : new NotFound<Resident>(resident);
        }

        var active = ActiveResident(resident, at);
        if (!active.TryPickT0(out var person, out var refused))
        {
            return refused.Match<OneOf<Success, NotFound<Resident>, NotFound<Household>, AlreadyMovedOut, ChangeOutOfOrder, NotPermitted>>(
                notFound => notFound, movedOut => movedOut, outOfOrder => outOfOrder);
        }

        // Both ends of the move must lie in the actor's area.
        if ((Denied(by, Permission.Register, _households[person.HouseholdId]) ?? Denied(by, Permission.Register, target)) is { } denied)
        {
            return denied;
        }

        if (person.HouseholdId == to)
        {
            return default(Success);
        }

        var from = person.HouseholdId;
        _households[from].RemoveMember(resident);
        target.AddMember(resident);
        person.MoveTo(to, at);
        var version = NextVersion();
        Raise(new ResidentMoved(_clock.GetCurrentInstant(), by, version, resident, from, to, at));
        return default(Success);
    }

    /// <summary>Records that a resident has left town for a while (they stay registered).</summary>
    /// <param name="resident">The resident; not default.</param>
    /// <param name="since">When they left; not before their last recorded change.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>Success (silently, when already away), or an error.</returns>
    /// <exception cref="ArgumentException"><paramref name="resident"/> is default.</exception>
    public PresenceResult MarkAway(Id<Resident> resident, Instant since, Actor by = default) =>
        ChangePresence(resident, Presence.Away, since, by);

    /// <summary>Records that a resident who was away is back home.</summary>
    /// <param name="resident">The resident; not default.</param>
    /// <param name="since">When they came back; not before their last recorded change.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>Success (silently, when already present), or an error.</returns>
    /// <exception cref="ArgumentException"><paramref name="resident"/> is default.</exception>
    public PresenceResult MarkPresent(Id<Resident> resident, Instant since, Actor by = default) =>
        ChangePresence(resident, Presence.Present, since, by);

    /// <summary>Records that a resident moved out of the community; they leave their household's members.</summary>
    /// <param name="resident">The resident; not default.</param>
    /// <param name="at">When they moved out; not before their last recorded change.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>Success, or an error (moving out twice is refused).</returns>
    /// <exception cref="ArgumentException"><paramref name="resident"/> is default.</exception>
    public PresenceResult MoveOut(Id<Resident> resident, Instant at, Actor by = default) =>
        ChangePresence(resident, Presence.MovedOut, at, by);

    /// <summary>Sets or clears a household's contact person and phone. A phone given with a contact person is recorded
    /// as given for them (<see cref="Household.ContactPhoneGivenFor"/>) and is erased with their personal data.</summary>
    /// <param name="household">The household; not default.</param>
    /// <param name="person">A current member to contact, or null.</param>
    /// <param name="phone">The contact phone, or null.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>Success (silently, when unchanged), or an error (the person must be a current member).</returns>
    /// <exception cref="ArgumentException"><paramref name="household"/> or <paramref name="person"/> is default, or <paramref name="phone"/> is default (pass null for none).</exception>
    public OneOf<Success, NotFound<Household>, NotFound<Resident>, NotPermitted> SetHouseholdContact(
        Id<Household> household, Id<Resident>? person, PhoneNumber? phone, Actor by = default)
    {
        Guard.Against.DefaultId(household);
        if (person is { } p)
        {
            Guard.Against.DefaultId(p, nameof(person));
        }

        Guard.Against.InvalidInput(phone, nameof(phone), static p => p is not { } ph || !string.IsNullOrEmpty(ph.Value),
            "The phone number is default; pass null for none.");

        if (!_households.TryGetValue(household, out var home))
        {
            return new NotFound<Household>(household);
        }

        if (Denied(by, Permission.Register, home) is { } denied)
        {
            return denied;
        }

        if (person is { } member && !home.Members.Contains(member))
        {
            return new NotFound<Resident>(member);
        }

        if (home.ContactPerson == person && home.ContactPhone == phone && home.ContactPhoneGivenFor == (phone is null ? null : person))
        {
            return default(Success);
        }

        // A phone given with a contact person is that person's personal data: it is erased with them (ApplyRetention).
        home.SetContact(person, phone, person);
        var version = NextVersion();
        Raise(new HouseholdContactChanged(_clock.GetCurrentInstant(), by, version, household, person, phone is not null));
        return default(Success);
    }

    private PresenceResult ChangePresence(
        Id<Resident> resident, Presence presence, Instant since, Actor by)
    {
        Guard.Against.DefaultId(resident);
        var active = ActiveResident(resident, since);
        if (!active.TryPickT0(out var person, out var refused))
        {
            return refused.Match<PresenceResult>(
                notFound => notFound, movedOut => movedOut, outOfOrder => outOfOrder);
        }

        if (Denied(by, Permission.Register, _households[person.HouseholdId]) is { } denied)
        {
            return denied;
        }

        if (person.Presence == presence)
        {
            return default(Success);
        }

        person.SetPresence(presence, since);
        var now = _clock.GetCurrentInstant();
        IDomainEvent raised;
        if (presence == Presence.MovedOut)
        {
            _households[person.HouseholdId].RemoveMember(resident);
            if (person.Document is { } document)
            {
                // A moved-out person may come back later under a new registration with the same document.
                _documentIndex.Remove(DocumentKey(document));
            }

            raised = new ResidentMovedOut(now, by, NextVersion(), resident, person.HouseholdId, since);
        }
        else
        {
            var version = NextVersion();
            raised = presence == Presence.Away
                ? new ResidentWentAway(now, by, version, resident, since)
                : new ResidentReturned(now, by, version, resident, since);
        }

        Raise(raised);
        return default(Success);
    }

    /// <summary>The resident, if a change dated <paramref name="at"/> may apply to them: they exist, have not moved out, and the change is not older than their last one (<see cref="Resident.LastChangeAt"/>).</summary>
    private OneOf<Resident, NotFound<Resident>, AlreadyMovedOut, ChangeOutOfOrder> ActiveResident(Id<Resident> resident, Instant at)
    {
        if (!_residents.TryGetValue(resident, out var person))
        {
            return new NotFound<Resident>(resident);
        }

        if (person.Presence == Presence.MovedOut)
        {
            return new AlreadyMovedOut(resident, person.PresenceSince);
        }

        // Every dated change of a resident (move, away, back, moved out) follows their last one, whatever its kind.
        return at < person.LastChangeAt ? new ChangeOutOfOrder(resident, at, person.LastChangeAt) : person;
    }

    /// <summary>Null when the actor may run a command needing <paramref name="permission"/> on the household, else why not.</summary>
    private static NotPermitted? Denied(Actor by, Permission permission, Household home) =>
        by.Check(permission, home.CompoundId.Value, home.BuildingId.Value);

    private static string DocumentKey(IdentityDocument document) => $"{(int)document.Kind}:{document.Number}";

    private void PutHousehold(Household household)
    {
        _households.Add(household.Id, household);
        _units[household.UnitId].AddHousehold(household.Id);
        if (!_roomIndex.TryAdd(household.Room, household.Id))
        {
            throw new ArgumentException($"Households {_roomIndex[household.Room].Value} and {household.Id.Value} occupy the same room.", nameof(household));
        }
    }

    private void PutResident(Resident resident)
    {
        _residents.Add(resident.Id, resident);
        if (resident.Presence != Presence.MovedOut)
        {
            _households[resident.HouseholdId].AddMember(resident.Id);
            if (resident.Document is { } document)
            {
                // TryAdd, never Add: the framework's duplicate-key message would quote the clear number.
                if (!_documentIndex.TryAdd(DocumentKey(document), resident.Id))
                {
                    throw new ArgumentException(
                        $"Residents {_documentIndex[DocumentKey(document)].Value} and {resident.Id.Value} hold the same identity document ({document.Masked}).",
                        nameof(resident));
                }
            }
        }
    }
}
