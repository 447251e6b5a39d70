using System.Globalization;
using System.Text.Json.Serialization;

namespace CommunityDomain.Supplies.Delivery;

/// <summary>How runs are formed: carrying capacity, time budget, and what counts as neighbouring buildings.</summary>
public sealed class RunOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="capacity">Grams (or parcels) one runner carries per run; positive.</param>
    /// <param name="timeBudget">The longest a run may take; positive, at most a day.</param>
    /// <param name="kind">Whether capacity counts grams or parcels.</param>
    /// <param name="perStop">Time at each household's door (climb, knock, hand over); 0 to a day; default 2 minutes.</param>
    /// <param name="walkingMetresPerMinute">Walking speed between buildings; positive; default 60.</param>
    /// <param name="neighbourMetres">Any two buildings of a run stand within this distance of each other; not negative; default 60.</param>
    /// <exception cref="ArgumentException">A value out of range.</exception>
    public RunOptions(int capacity, Duration timeBudget, CapacityKind kind = CapacityKind.Weight, Duration? perStop = null, double walkingMetresPerMinute = 60, double neighbourMetres = 60)
    {
        Capacity = Guard.Against.NegativeOrZero(capacity);
        TimeBudget = Guard.Against.InvalidInput(timeBudget, nameof(timeBudget), static t => t > Duration.Zero && t <= Duration.FromDays(1),
            "The time budget must be positive and at most a day.");
        Kind = Guard.Against.EnumOutOfRange(kind);
        PerStop = Guard.Against.InvalidInput(perStop ?? Duration.FromMinutes(2), nameof(perStop), static s => s >= Duration.Zero && s <= Duration.FromDays(1),
            "The stop time is between 0 and a day.");

        WalkingMetresPerMinute = Guard.Against.InvalidInput(walkingMetresPerMinute, nameof(walkingMetresPerMinute), static v => double.IsFinite(v) && v > 0,
            "The walking speed must be positive and finite (metres per minute).");
        NeighbourMetres = Guard.Against.InvalidInput(neighbourMetres, nameof(neighbourMetres), static d => double.IsFinite(d) && d >= 0,
            "The neighbour distance cannot be negative and must be finite (metres).");
    }

    /// <summary>Rebuilds stored options through the public constructor's checks (parameter types as the properties, for JSON).</summary>
    [JsonConstructor]
    internal RunOptions(int capacity, Duration timeBudget, CapacityKind kind, Duration perStop, double walkingMetresPerMinute, double neighbourMetres)
        : this(capacity, timeBudget, kind, (Duration?)perStop, walkingMetresPerMinute, neighbourMetres)
    {
    }

    /// <summary>Grams (or parcels) per run.</summary>
    public int Capacity { get; }

    /// <summary>The longest a run may take.</summary>
    public Duration TimeBudget { get; }

    /// <summary>Whether capacity counts grams or parcels.</summary>
    public CapacityKind Kind { get; }

    /// <summary>Time at each household's door.</summary>
    public Duration PerStop { get; }

    /// <summary>Walking speed between buildings.</summary>
    public double WalkingMetresPerMinute { get; }

    /// <summary>The neighbour distance.</summary>
    public double NeighbourMetres { get; }

    /// <summary>The load a parcel puts on a run.</summary>
    /// <param name="parcel">The parcel.</param>
    /// <returns>Its weight, or 1 when counting parcels.</returns>
    public long LoadOf(Parcel parcel) => Kind == CapacityKind.Weight ? parcel.WeightGrams : 1;

    /// <summary>The options in one line.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"capacity {Capacity} {(Kind == CapacityKind.Weight ? "g" : "parcels")}, budget {TimeBudget.TotalMinutes:0} min, {PerStop.TotalMinutes:0.#} min/stop, {WalkingMetresPerMinute} m/min, neighbours within {NeighbourMetres} m");
}
