using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.State;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities;

public sealed partial class Community
{
    /// <summary>Everything the community holds, as plain data for storage.</summary>
    /// <returns>The state; <see cref="Restore"/> rebuilds an equal community from it.</returns>
    public CommunityState ToState() => new()
    {
        Name = Name,
        ZoneId = Zone.Id,
        Version = Version,
        Compounds = [.. _compounds.Select(c => new CompoundState(c.Id.Value, c.Name))],
        Buildings = [.. _buildings.Select(b => new BuildingState(b.Id.Value, b.CompoundId.Value, b.Name, b.Position.X, b.Position.Y))],
        Units = [.. _units.Select(u => new UnitState(u.Id.Value, u.BuildingId.Value, u.Name, u.Floors))],
        Posts = [.. _posts.Select(p => new PostState(p.Id.Value, p.CompoundId.Value, p.Kind, p.Name))],
        Households = [.. _households.Select(h => new HouseholdState(
            h.Id.Value, h.UnitId.Value, h.Room.Floor, h.Room.Door, h.ContactPerson?.Value, h.ContactPhone, h.ContactPhoneGivenFor?.Value))],
        Residents = [.. _residents.Select(r => new ResidentState(
            r.Id.Value, r.HouseholdId.Value, r.Registration, r.Presence, r.PresenceSince, r.LastChangeAt))],
        ControlOrders = [.. _orders.Select(o => new ControlOrderState(
            o.Id.Value, o.Level, o.Scope.Kind, o.Scope.TargetId, o.From, o.Until, o.Reason,
            o.IssuedBy.Account, o.IssuedAt, o.LiftedAt, o.LiftedBy?.Account, o.LiftReason))],
        Incidents = [.. _incidents.Select(i => new IncidentState(
            i.Id.Value, i.PostId.Value, i.Kind, i.Summary, i.ReportedAt, i.ExtraOnDuty, i.Repairer,
            [.. i.Repairers.Select(r => r.Value)], i.ResolvedAt, i.Cost?.Yuan, i.Cost?.BorneBy))],
    };

    /// <summary>Rebuilds a community from stored state, with no pending events.</summary>
    /// <param name="state">The stored state.</param>
    /// <param name="clock">The clock that stamps future events.</param>
    /// <returns>A community equal to the one the state was taken from.</returns>
    /// <exception cref="ArgumentException">The state is inconsistent (ids out of order, dangling references,
    /// a room or identity number used twice, an unknown time zone).</exception>
    public static Community Restore(CommunityState state, IClock clock)
    {
        Guard.Against.Null(state);
        Guard.Against.Null(clock);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(state.ZoneId)
            ?? throw new ArgumentException($"Unknown time zone '{state.ZoneId}'.", nameof(state));
        var community = new Community(Guard.Against.Blank(state.Name, nameof(state)), zone, clock, state.Version);
        try
        {
            community.Load(state);
        }
        catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException or ArgumentOutOfRangeException or InvalidOperationException)
        {
            throw StoredStateError.Inconsistent("community", ex, nameof(state));
        }

        return community;
    }

    // In dependency order: the structure, then who lives where, then what refers to both.
    private void Load(CommunityState state)
    {
        LoadStructure(state);
        LoadHouseholds(state);
        LoadResidents(state);
        LoadContacts(state);
        LoadControlOrders(state);
        LoadIncidents(state);
        CheckOrderScopes();
    }

    // Compounds, buildings, units and posts, each under an existing parent.
    private void LoadStructure(CommunityState state)
    {
        foreach (var c in state.Compounds)
        {
            PutCompound(new Compound(new Id<Compound>(c.Id), Guard.Against.Blank(c.Name)));
        }

        foreach (var b in state.Buildings)
        {
            var compound = Existing(_compounds, b.CompoundId);
            PutBuilding(new Building(new Id<Building>(b.Id), compound, Guard.Against.Blank(b.Name), new Position(b.X, b.Y)));
        }

        foreach (var u in state.Units)
        {
            var building = Existing(_buildings, u.BuildingId);
            PutUnit(new Unit(new Id<Unit>(u.Id), building, Guard.Against.Blank(u.Name), Guard.Against.OutOfRange(u.Floors, nameof(u.Floors), 1, 200, $"Unit {u.Id} has {u.Floors} floors; a unit has 1 to 200.")));
        }

        foreach (var p in state.Posts)
        {
            PutPost(new Post(new Id<Post>(p.Id), Existing(_compounds, p.CompoundId), Guard.Against.EnumOutOfRange(p.Kind), Guard.Against.Blank(p.Name)));
        }
    }

    // Households in existing units; their building and compound come from the unit.
    private void LoadHouseholds(CommunityState state)
    {
        foreach (var h in state.Households)
        {
            var unit = _units[Existing(_units, h.UnitId)];
            var building = _buildings[unit.BuildingId];
            PutHousehold(new Household(new Id<Household>(h.Id), new Room(unit.Id, h.Floor, h.Door), building.Id, building.CompoundId));
        }
    }

    // Residents in existing households, with their last change (never before their presence changed).
    private void LoadResidents(CommunityState state)
    {
        foreach (var r in state.Residents)
        {
            var home = Existing(_households, r.HouseholdId);
            var resident = new Resident(new Id<Resident>(r.Id), home, Guard.Against.Null(r.Registration), Guard.Against.EnumOutOfRange(r.Presence), r.PresenceSince);
            if (r.LastChangeAt is { } last)
            {
                Guard.Against.InvalidInput(last, nameof(state), l => l >= r.PresenceSince, $"Resident {r.Id}'s last change is before their presence changed.");
                resident.RestoreLastChange(last);
            }

            PutResident(resident);
        }
    }

    // Household contacts: a member of the household, and a phone given for the contact person.
    private void LoadContacts(CommunityState state)
    {
        foreach (var h in state.Households.Where(h => h.ContactPersonId is not null || h.ContactPhone is not null || h.ContactPhoneGivenForId is not null))
        {
            var home = _households[new Id<Household>(h.Id)];
            Id<Resident>? person = h.ContactPersonId is { } p ? new Id<Resident>(p) : null;
            if (person is { } member && !home.Members.Contains(member))
            {
                throw new ArgumentException($"The contact of household {h.Id} is not one of its members.", nameof(state));
            }

            // A phone is given for its contact person when one is named with it (SetHouseholdContact sets both at once).
            Id<Resident>? givenFor = h.ContactPhoneGivenForId is { } g ? Existing(_residents, g) : h.ContactPhone is null ? null : person;
            if (givenFor is not null && (h.ContactPhone is null || (person is not null && givenFor != person)))
            {
                throw new ArgumentException($"The contact phone of household {h.Id} is given for a resident other than its contact person, or there is no phone.", nameof(state));
            }

            home.SetContact(person, h.ContactPhone, givenFor);
        }
    }

    // Control orders as issued, lifted where they were.
    private void LoadControlOrders(CommunityState state)
    {
        foreach (var o in state.ControlOrders)
        {
            var request = new ControlOrderRequest(o.Level, ControlScope.FromStored(o.ScopeKind, o.ScopeTargetId), o.From, o.Reason, o.Until);
            var order = new ControlOrder(new Id<ControlOrder>(o.Id), request, ActorOf(o.IssuedBy), o.IssuedAt, Zone);
            if (o.LiftedAt is { } liftedAt)
            {
                order.Lift(liftedAt, ActorOf(o.LiftedBy ?? "system"), o.LiftReason ?? "lifted");
            }

            PutOrder(order);
        }
    }

    // Every order's scope names something that exists (HouseholdsIn throws otherwise).
    private void CheckOrderScopes()
    {
        foreach (var order in _orders)
        {
            _ = HouseholdsIn(order.Scope);
        }
    }

    private static Actor ActorOf(string account) => account == Actor.System.Account ? Actor.System : new Actor(account);

    private static Id<T> Existing<T>(EntityStore<T> store, int value)
        where T : class =>
        store.Contains(new Id<T>(value)) ? new Id<T>(value) : throw new ArgumentException($"No {typeof(T).Name} with id {value}.", nameof(value));
}
