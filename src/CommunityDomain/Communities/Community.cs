using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.Errors;
using CommunityDomain.Communities.Events;
using CommunityDomain.Kernel;
using OneOf;

namespace CommunityDomain.Communities;

/// <summary>
/// A community office's whole area (社区): compounds, buildings, units, households, residents, duty posts
/// and control orders. The aggregate root of the structure: every change goes through its commands.
/// </summary>
/// <remarks>
/// <para>Commands guard their arguments (an <see cref="ArgumentException"/> naming the parameter for
/// nonsense such as a default id or a blank name) and return business failures as <c>OneOf</c> errors with
/// a message in English and Simplified Chinese. A command that fails changes nothing: same state, same
/// <see cref="AggregateRoot.Version"/>, no event. A command that succeeds and changes state increments the
/// version once and raises past-tense events; one that changes nothing (marking an away resident away)
/// succeeds silently.</para>
/// <para>Time of record comes from the <see cref="IClock"/> given at creation; business times (when a
/// resident left, when an order takes effect) are passed with the command. Ids are assigned in creation
/// order, so the same commands build the same community.</para>
/// </remarks>
public sealed partial class Community : AggregateRoot
{
    private readonly IClock _clock;
    private readonly EntityStore<Compound> _compounds = new();
    private readonly EntityStore<Building> _buildings = new();
    private readonly EntityStore<Unit> _units = new();
    private readonly EntityStore<Post> _posts = new();
    private readonly EntityStore<Household> _households = new();
    private readonly EntityStore<Resident> _residents = new();
    private readonly EntityStore<ControlOrder> _orders = new();
    private readonly Dictionary<Room, Id<Household>> _roomIndex = [];
    private readonly Dictionary<string, Id<Resident>> _documentIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<ControlScope, List<ControlOrder>> _ordersByScope = [];

    private Community(string name, DateTimeZone zone, IClock clock, long version)
        : base(version)
    {
        Name = name;
        Zone = zone;
        _clock = clock;
    }

    /// <summary>The community's name.</summary>
    public string Name { get; }

    /// <summary>The community's time zone (e.g. <c>Asia/Shanghai</c>), for dates and local times.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The compounds, in the order they were added.</summary>
    public IReadOnlyList<Compound> Compounds => _compounds;

    /// <summary>Every household, in id order.</summary>
    public IReadOnlyList<Household> Households => _households;

    /// <summary>Every resident, including those who moved out, in id order.</summary>
    public IReadOnlyList<Resident> Residents => _residents;

    /// <summary>Every control order, including lifted and ended ones, in id order.</summary>
    public IReadOnlyList<ControlOrder> ControlOrders => _orders;

    /// <summary>The number of households.</summary>
    public int HouseholdCount => _households.Count;

    /// <summary>Creates an empty community.</summary>
    /// <param name="name">The community's name; not blank.</param>
    /// <param name="zone">Its time zone.</param>
    /// <param name="clock">The clock that stamps events (a <c>FakeClock</c> in tests).</param>
    /// <returns>The new community at version 0.</returns>
    /// <exception cref="ArgumentException">The name is blank or an argument is null.</exception>
    public static Community Create(string name, DateTimeZone zone, IClock clock) =>
        new(Guard.Against.Blank(name).Trim(), Guard.Against.Null(zone), Guard.Against.Null(clock), 0);

    /// <summary>Adds a compound.</summary>
    /// <param name="name">The compound's name, unique in the community; not blank.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>The new compound, or <see cref="NameTaken"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or blank.</exception>
    public OneOf<Compound, NameTaken, NotPermitted> AddCompound(string name, Actor by = default)
    {
        name = Guard.Against.Blank(name).Trim();
        if (by.Check(Permission.Structure) is { } denied)
        {
            return denied;
        }

        if (_compounds.Any(c => c.Name == name))
        {
            return new NameTaken("compound", name);
        }

        var compound = new Compound(_compounds.NextId, name);
        PutCompound(compound);
        var version = NextVersion();
        Raise(new CompoundAdded(_clock.GetCurrentInstant(), by, version, compound.Id));
        return compound;
    }

    /// <summary>Adds a building to a compound.</summary>
    /// <param name="compound">The compound; not default.</param>
    /// <param name="name">The building's name or number, unique in the compound; not blank.</param>
    /// <param name="position">Where it stands in the compound.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>The new building, or an error.</returns>
    /// <exception cref="ArgumentException"><paramref name="compound"/> is default, or <paramref name="name"/> is null or blank.</exception>
    public OneOf<Building, NotFound<Compound>, NameTaken, NotPermitted> AddBuilding(Id<Compound> compound, string name, Position position, Actor by = default)
    {
        Guard.Against.DefaultId(compound);
        name = Guard.Against.Blank(name).Trim();
        if (!_compounds.TryGetValue(compound, out var owner))
        {
            return new NotFound<Compound>(compound);
        }

        if (by.Check(Permission.Structure, compound.Value) is { } denied)
        {
            return denied;
        }

        if (owner.Buildings.Any(b => _buildings[b].Name == name))
        {
            return new NameTaken("building", name);
        }

        var building = new Building(_buildings.NextId, compound, name, position);
        PutBuilding(building);
        var version = NextVersion();
        Raise(new BuildingAdded(_clock.GetCurrentInstant(), by, version, building.Id, compound));
        return building;
    }

    /// <summary>Adds a unit (单元) to a building.</summary>
    /// <param name="building">The building; not default.</param>
    /// <param name="name">The unit's name or number, unique in the building; not blank.</param>
    /// <param name="floors">How many floors the unit serves; 1 to 200.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>The new unit, or an error.</returns>
    /// <exception cref="ArgumentException"><paramref name="building"/> is default, <paramref name="name"/> is null or blank, or <paramref name="floors"/> is outside 1 to 200 (<see cref="ArgumentOutOfRangeException"/>).</exception>
    public OneOf<Unit, NotFound<Building>, NameTaken, NotPermitted> AddUnit(Id<Building> building, string name, int floors, Actor by = default)
    {
        Guard.Against.DefaultId(building);
        name = Guard.Against.Blank(name).Trim();
        Guard.Against.OutOfRange(floors, nameof(floors), 1, 200, "A unit has 1 to 200 floors.");
        if (!_buildings.TryGetValue(building, out var owner))
        {
            return new NotFound<Building>(building);
        }

        if (by.Check(Permission.Structure, owner.CompoundId.Value, building.Value) is { } denied)
        {
            return denied;
        }

        if (owner.Units.Any(u => _units[u].Name == name))
        {
            return new NameTaken("unit", name);
        }

        var unit = new Unit(_units.NextId, building, name, floors);
        PutUnit(unit);
        var version = NextVersion();
        Raise(new UnitAdded(_clock.GetCurrentInstant(), by, version, unit.Id, building));
        return unit;
    }

    /// <summary>Adds a duty post (gate, checkpoint, testing site or delivery team) to a compound.</summary>
    /// <param name="compound">The compound; not default.</param>
    /// <param name="kind">What the post is for.</param>
    /// <param name="name">The post's name, unique in the compound; not blank.</param>
    /// <param name="by">Who acts.</param>
    /// <returns>The new post, or an error.</returns>
    /// <exception cref="ArgumentException"><paramref name="compound"/> is default, <paramref name="kind"/> is not a defined kind, or <paramref name="name"/> is null or blank.</exception>
    public OneOf<Post, NotFound<Compound>, NameTaken, NotPermitted> AddPost(Id<Compound> compound, PostKind kind, string name, Actor by = default)
    {
        Guard.Against.DefaultId(compound);
        Guard.Against.EnumOutOfRange(kind);
        name = Guard.Against.Blank(name).Trim();
        if (!_compounds.TryGetValue(compound, out var owner))
        {
            return new NotFound<Compound>(compound);
        }

        if (by.Check(Permission.Posts, compound.Value) is { } denied)
        {
            return denied;
        }

        if (owner.Posts.Any(p => _posts[p].Name == name))
        {
            return new NameTaken("post", name);
        }

        var post = new Post(_posts.NextId, compound, kind, name);
        PutPost(post);
        var version = NextVersion();
        Raise(new PostAdded(_clock.GetCurrentInstant(), by, version, post.Id, compound, kind));
        return post;
    }

    private void PutCompound(Compound compound)
    {
        _compounds.Add(compound.Id, compound);
    }

    private void PutBuilding(Building building)
    {
        _buildings.Add(building.Id, building);
        _compounds[building.CompoundId].AddBuilding(building.Id);
    }

    private void PutUnit(Unit unit)
    {
        _units.Add(unit.Id, unit);
        _buildings[unit.BuildingId].AddUnit(unit.Id);
    }

    private void PutPost(Post post)
    {
        _posts.Add(post.Id, post);
        _compounds[post.CompoundId].AddPost(post.Id);
    }
}
