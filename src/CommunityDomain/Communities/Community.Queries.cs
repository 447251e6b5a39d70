using CommunityDomain.Kernel;

namespace CommunityDomain.Communities;

public sealed partial class Community
{
    /// <summary>The compound with an id.</summary>
    /// <param name="id">The id; must exist.</param>
    /// <returns>The compound.</returns>
    /// <exception cref="ArgumentException">The id is default or unknown.</exception>
    public Compound Get(Id<Compound> id) => RequireCompound(id, nameof(id));

    /// <summary>The building with an id.</summary>
    /// <param name="id">The id; must exist.</param>
    /// <returns>The building.</returns>
    /// <exception cref="ArgumentException">The id is default or unknown.</exception>
    public Building Get(Id<Building> id) => RequireBuilding(id, nameof(id));

    /// <summary>The unit with an id.</summary>
    /// <param name="id">The id; must exist.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentException">The id is default or unknown.</exception>
    public Unit Get(Id<Unit> id) => RequireUnit(id, nameof(id));

    /// <summary>The household with an id.</summary>
    /// <param name="id">The id; must exist.</param>
    /// <returns>The household.</returns>
    /// <exception cref="ArgumentException">The id is default or unknown.</exception>
    public Household Get(Id<Household> id) => RequireHousehold(id, nameof(id));

    /// <summary>The resident with an id.</summary>
    /// <param name="id">The id; must exist.</param>
    /// <returns>The resident.</returns>
    /// <exception cref="ArgumentException">The id is default or unknown.</exception>
    public Resident Get(Id<Resident> id) => Require(_residents, id, nameof(id));

    /// <summary>The post with an id.</summary>
    /// <param name="id">The id; must exist.</param>
    /// <returns>The post.</returns>
    /// <exception cref="ArgumentException">The id is default or unknown.</exception>
    public Post Get(Id<Post> id) => Require(_posts, id, nameof(id));

    /// <summary>The control order with an id.</summary>
    /// <param name="id">The id; must exist.</param>
    /// <returns>The order.</returns>
    /// <exception cref="ArgumentException">The id is default or unknown.</exception>
    public Control.ControlOrder Get(Id<Control.ControlOrder> id) => Require(_orders, id, nameof(id));

    /// <summary>The compound with a name, or null.</summary>
    /// <param name="name">The compound's name.</param>
    /// <returns>The compound, or null when there is none.</returns>
    public Compound? FindCompound(string name) => _compounds.FirstOrDefault(c => c.Name == name?.Trim());

    /// <summary>The needs-relevant counts of a household's members (those not moved out) on a date.</summary>
    /// <param name="household">The household; must exist.</param>
    /// <param name="on">The date ages are computed on.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentException">The household id is default or unknown.</exception>
    public HouseholdNeeds NeedsOf(Id<Household> household, LocalDate on)
    {
        var home = RequireHousehold(household);
        int present = 0, aged60 = 0, aged80 = 0, infants = 0, disabled = 0, chronic = 0, pregnant = 0, bedridden = 0;
        foreach (var memberId in home.Members)
        {
            var member = _residents[memberId];
            present += member.Presence == Presence.Present ? 1 : 0;
            var age = member.AgeOn(on);
            aged60 += age >= 60 ? 1 : 0;
            aged80 += age >= 80 ? 1 : 0;
            infants += age < 3 ? 1 : 0;
            disabled += member.Conditions.HasFlag(HealthConditions.Disabled) ? 1 : 0;
            chronic += member.Conditions.HasFlag(HealthConditions.ChronicallyIll) ? 1 : 0;
            pregnant += member.Conditions.HasFlag(HealthConditions.Pregnant) ? 1 : 0;
            bedridden += member.Conditions.HasFlag(HealthConditions.Bedridden) ? 1 : 0;
        }

        return new HouseholdNeeds(home.Size, present, aged60, aged80, infants, disabled, chronic, pregnant, bedridden);
    }

    /// <summary>The other buildings of a building's compound within a distance, nearest first.</summary>
    /// <param name="building">The building; must exist.</param>
    /// <param name="withinMetres">The greatest distance, in metres; not negative.</param>
    /// <returns>The neighbours, nearest first (ties in id order).</returns>
    /// <exception cref="ArgumentException">The building is unknown or the distance negative.</exception>
    public IReadOnlyList<Building> NeighboursOf(Id<Building> building, double withinMetres)
    {
        var origin = RequireBuilding(building);
        Guard.Against.Negative(withinMetres);
        return [.. _compounds[origin.CompoundId].Buildings
            .Where(b => b != building)
            .Select(b => _buildings[b])
            .Select(b => (Building: b, Distance: b.Position.DistanceTo(origin.Position)))
            .Where(x => x.Distance <= withinMetres)
            .OrderBy(x => x.Distance).ThenBy(x => x.Building.Id)
            .Select(x => x.Building)];
    }

    /// <summary>The posts of a compound (or of every compound when <paramref name="compound"/> is null), in id order.</summary>
    /// <param name="compound">The compound, or null for all.</param>
    /// <returns>The posts.</returns>
    public IReadOnlyList<Post> PostsOf(Id<Compound>? compound = null) =>
        compound is { } c ? [.. RequireCompound(c, nameof(compound)).Posts.Select(p => _posts[p])] : [.. _posts];

    private Compound RequireCompound(Id<Compound> id, string parameterName = "compound") => Require(_compounds, id, parameterName);

    private Building RequireBuilding(Id<Building> id, string parameterName = "building") => Require(_buildings, id, parameterName);

    private Unit RequireUnit(Id<Unit> id, string parameterName = "unit") => Require(_units, id, parameterName);

    private Household RequireHousehold(Id<Household> id, string parameterName = "household") => Require(_households, id, parameterName);

    private static T Require<T>(EntityStore<T> store, Id<T> id, string parameterName)
        where T : class
    {
        Guard.Against.DefaultId(id, parameterName);
        return store.TryGetValue(id, out var found)
            ? found
            : throw new ArgumentException($"No {typeof(T).Name} with id {id.Value} exists in this community.", parameterName);
    }
}
