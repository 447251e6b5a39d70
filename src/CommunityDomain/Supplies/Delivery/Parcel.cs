using System.Globalization;
using System.Text.Json.Serialization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Delivery;

/// <summary>One parcel to carry to a household's door: where, for whom (masked), what, how heavy, and when.</summary>
/// <remarks><c>default(Parcel)</c> names no household and is rejected by the planner.</remarks>
public readonly record struct Parcel
{
    /// <summary>Creates a parcel.</summary>
    /// <param name="household">The household; not default.</param>
    /// <param name="building">Its building; not default.</param>
    /// <param name="room">The door label, e.g. <c>"1-302"</c>; not blank.</param>
    /// <param name="recipient">A masked label for the recipient, e.g. <c>"张*"</c> (never a clear name); not blank.</param>
    /// <param name="contents">What is in it, e.g. <c>"rice-5kg x1"</c>; not blank.</param>
    /// <param name="weightGrams">Its weight; positive.</param>
    /// <param name="window">When it must be delivered, if anytime is not fine.</param>
    /// <exception cref="ArgumentException">A default id, a blank label or a weight that is not positive.</exception>
    [JsonConstructor]
    public Parcel(Id<Household> household, Id<Building> building, string room, string recipient, string contents, int weightGrams, Interval? window = null)
    {
        Household = Guard.Against.DefaultId(household);
        Building = Guard.Against.DefaultId(building);
        Room = Guard.Against.Blank(room).Trim();
        // Masked here, whatever it looks like: a clear name given by mistake (or one ending in a star) never
        // reaches a run sheet, a ToString or a stored document.
        Recipient = Masking.PersonLabel(Guard.Against.Blank(recipient).Trim(), Room);
        Contents = Guard.Against.Blank(contents).Trim();
        WeightGrams = Guard.Against.NegativeOrZero(weightGrams);
        Window = Guard.Against.InvalidInput(window, nameof(window), static w => w is null or { HasStart: true, HasEnd: true }, "A window needs a start and an end.");
    }

    /// <summary>The household.</summary>
    public Id<Household> Household { get; }

    /// <summary>Its building.</summary>
    public Id<Building> Building { get; }

    /// <summary>The door label.</summary>
    public string Room { get => field ?? string.Empty; }

    /// <summary>The masked recipient label (masked on creation, or the <c>household &lt;room&gt;</c> fallback).</summary>
    public string Recipient { get => field ?? string.Empty; }

    /// <summary>What is in it.</summary>
    public string Contents { get => field ?? string.Empty; }

    /// <summary>Its weight in grams.</summary>
    public int WeightGrams { get; }

    /// <summary>When it must be delivered, if constrained.</summary>
    public Interval? Window { get; }

    /// <summary>E.g. <c>Building#3 1-302 张*: rice-5kg x1 (5.0 kg)</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Building} {Room} {Recipient}: {Contents} ({WeightGrams / 1000.0:0.0} kg)");
}
