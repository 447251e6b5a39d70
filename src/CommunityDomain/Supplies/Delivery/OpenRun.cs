using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Delivery;

// A run being filled by the planner's packings: its parcels, load, households, buildings in first-visit order and
// estimated time (one door stop per household, plus a walk from the last new building to each new one).
internal sealed class OpenRun(Interval? window)
{
    private readonly List<Parcel> _parcels = [];
    private readonly HashSet<Id<Household>> _households = [];
    private readonly List<Id<Building>> _buildings = [];

    public long Load { get; private set; }

    public Duration Time { get; private set; }

    // The building of the run's first parcel (default before any): every later building is its neighbour.
    public Id<Building> FirstBuilding => _buildings.Count > 0 ? _buildings[0] : default;

    public IReadOnlyCollection<Id<Household>> Households => _households;

    public bool Fits(Parcel parcel, RunOptions options, Duration budget, Dictionary<Id<Building>, Position> positions) =>
        Load + options.LoadOf(parcel) <= options.Capacity
        && (_buildings.Contains(parcel.Building) || _buildings.TrueForAll(b => positions[parcel.Building].DistanceTo(positions[b]) <= options.NeighbourMetres))
        && Time + Extra(parcel, options, positions) <= budget;

    public void Add(Parcel parcel, RunOptions options, Dictionary<Id<Building>, Position> positions)
    {
        Time += Extra(parcel, options, positions);
        Load += options.LoadOf(parcel);
        _parcels.Add(parcel);
        _households.Add(parcel.Household);
        if (!_buildings.Contains(parcel.Building))
        {
            _buildings.Add(parcel.Building);
        }
    }

    private Duration Extra(Parcel parcel, RunOptions options, Dictionary<Id<Building>, Position> positions)
    {
        var extra = _households.Contains(parcel.Household) ? Duration.Zero : options.PerStop;
        return _buildings.Count > 0 && !_buildings.Contains(parcel.Building)
            ? extra + RunPlanner.Walk(positions[_buildings[^1]], positions[parcel.Building], options)
            : extra;
    }

    public DeliveryRun ToRun(int number, string runner)
    {
        var order = _buildings.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => x.i);
        var parcels = _parcels.OrderBy(p => order[p.Building]).ThenBy(p => p.Room, StringComparer.Ordinal).ThenBy(p => p.Household.Value).ToList();
        return new DeliveryRun(number, runner, parcels, Load, Time, window);
    }
}
