using System.Globalization;
using System.Text.Json.Serialization;

namespace CommunityDomain.Communities;

/// <summary>A point in a compound's plane, in metres east (<see cref="X"/>) and north (<see cref="Y"/>) of its origin.</summary>
/// <remarks><c>default(Position)</c> is the compound's origin.</remarks>
public readonly record struct Position
{
    /// <summary>Creates a position.</summary>
    /// <param name="x">Metres east of the origin; finite.</param>
    /// <param name="y">Metres north of the origin; finite.</param>
    /// <exception cref="ArgumentException">A coordinate is NaN or infinite.</exception>
    [JsonConstructor]
    public Position(double x, double y)
    {
        X = Guard.Against.InvalidInput(x, nameof(x), double.IsFinite, "The coordinate must be finite (not NaN or infinite).");
        Y = Guard.Against.InvalidInput(y, nameof(y), double.IsFinite, "The coordinate must be finite (not NaN or infinite).");
    }

    /// <summary>Metres east of the compound's origin.</summary>
    public double X { get; }

    /// <summary>Metres north of the compound's origin.</summary>
    public double Y { get; }

    /// <summary>The straight-line distance to another position, in metres.</summary>
    /// <param name="other">The other position.</param>
    /// <returns>The Euclidean distance in metres.</returns>
    public double DistanceTo(Position other) => Math.Sqrt(((X - other.X) * (X - other.X)) + ((Y - other.Y) * (Y - other.Y)));

    /// <summary>The coordinates in metres, invariant culture, e.g. <c>(12.5 m, -40 m)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({X} m, {Y} m)");
}
