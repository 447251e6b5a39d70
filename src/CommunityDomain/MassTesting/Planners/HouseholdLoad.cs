using System.Globalization;
using System.Text.Json.Serialization;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>A must-test household as the call-wave planner sees it: its floor and who comes down, by intake.</summary>
/// <remarks><c>default(HouseholdLoad)</c> has id 0 and is rejected by <see cref="UnitLoad"/>.</remarks>
public readonly record struct HouseholdLoad
{
    /// <summary>Creates a load.</summary>
    /// <param name="householdId">The household's id (positive).</param>
    /// <param name="floor">Its floor.</param>
    /// <param name="qrCode">Residents with a pre-registered QR code.</param>
    /// <param name="typed">Residents whose details are typed in.</param>
    /// <param name="assisted">Residents who need help.</param>
    /// <exception cref="ArgumentException">A non-positive id, a negative count, nobody, or more than 1,000,000 people (the largest queue).</exception>
    [JsonConstructor]
    public HouseholdLoad(int householdId, int floor, int qrCode, int typed, int assisted)
    {
        HouseholdId = Guard.Against.NegativeOrZero(householdId);
        Floor = floor;
        QrCode = Guard.Against.Negative(qrCode);
        Typed = Guard.Against.Negative(typed);
        Assisted = Guard.Against.Negative(assisted);
        // Summed in 64 bits: three large counts must not wrap around to a small or negative household.
        var people = (long)qrCode + typed + assisted;
        if (people == 0)
        {
            throw new ArgumentException("A must-test household sends at least one person.", nameof(qrCode));
        }

        if (people > 1_000_000)
        {
            throw new ArgumentException("A household of more than 1,000,000 people fits no queue.", nameof(qrCode));
        }
    }

    /// <summary>The household's id.</summary>
    public int HouseholdId { get; }

    /// <summary>Its floor.</summary>
    public int Floor { get; }

    /// <summary>Residents with a QR code.</summary>
    public int QrCode { get; }

    /// <summary>Residents typed in.</summary>
    public int Typed { get; }

    /// <summary>Residents who need help.</summary>
    public int Assisted { get; }

    /// <summary>People who come down.</summary>
    public int People => QrCode + Typed + Assisted;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Household#{HouseholdId} F{Floor}: {QrCode} QR, {Typed} typed, {Assisted} assisted");
}
