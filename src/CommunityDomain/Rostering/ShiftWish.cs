using System.Globalization;
using System.Text.Json.Serialization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering;

/// <summary>A soft request of one worker about one shift code on one date, with a penalty weight.</summary>
/// <remarks>
/// A shift-on wish costs <see cref="Weight"/> unless the worker works that exact shift code that date
/// (at any post); a shift-off wish costs <see cref="Weight"/> when they do. <c>default(ShiftWish)</c>
/// has no worker and is rejected by <see cref="RosterProblem.Create"/>.
/// </remarks>
public readonly record struct ShiftWish
{
    /// <summary>Creates a wish.</summary>
    /// <param name="worker">The worker.</param>
    /// <param name="date">The date.</param>
    /// <param name="shiftCode">The shift code.</param>
    /// <param name="kind">On or off.</param>
    /// <param name="weight">The penalty weight; zero or more.</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    [JsonConstructor]
    public ShiftWish(Id<Worker> worker, LocalDate date, string shiftCode, WishKind kind, int weight)
    {
        Worker = Guard.Against.DefaultId(worker);
        Date = date;
        ShiftCode = Guard.Against.Blank(shiftCode);
        Kind = Guard.Against.EnumOutOfRange(kind);
        Weight = Guard.Against.Negative(weight);
    }

    /// <summary>The worker.</summary>
    public Id<Worker> Worker { get; }

    /// <summary>The date.</summary>
    public LocalDate Date { get; }

    /// <summary>The shift code.</summary>
    public string ShiftCode { get; }

    /// <summary>On or off.</summary>
    public WishKind Kind { get; }

    /// <summary>The penalty weight.</summary>
    public int Weight { get; }

    /// <summary>E.g. <c>Worker#3 wants N on 2024-01-05 (w2)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Worker} {(Kind == WishKind.ShiftOn ? "wants" : "does not want")} {ShiftCode} on {Date:yyyy-MM-dd} (w{Weight})");
}
