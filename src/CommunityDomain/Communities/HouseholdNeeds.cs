using System.Globalization;

namespace CommunityDomain.Communities;

/// <summary>Counts of a household's needs-relevant members on a date (residents who have not moved out).</summary>
/// <param name="Members">Registered members, present or away.</param>
/// <param name="Present">Members at home.</param>
/// <param name="Aged60Plus">Members aged 60 or more (includes those 80 or more).</param>
/// <param name="Aged80Plus">Members aged 80 or more.</param>
/// <param name="InfantsUnder3">Members under 3 years old.</param>
/// <param name="Disabled">Members with a disability.</param>
/// <param name="ChronicallyIll">Members with a chronic illness.</param>
/// <param name="Pregnant">Pregnant members.</param>
/// <param name="Bedridden">Bedridden members.</param>
/// <remarks><c>default(HouseholdNeeds)</c> is an empty household.</remarks>
public readonly record struct HouseholdNeeds(
    int Members,
    int Present,
    int Aged60Plus,
    int Aged80Plus,
    int InfantsUnder3,
    int Disabled,
    int ChronicallyIll,
    int Pregnant,
    int Bedridden)
{
    /// <summary>True when any member is 80+, an infant, disabled, chronically ill, pregnant or bedridden.</summary>
    public bool IsVulnerable => Aged80Plus + InfantsUnder3 + Disabled + ChronicallyIll + Pregnant + Bedridden > 0;

    /// <summary>Adds two counts (for totals per building or compound).</summary>
    /// <param name="left">The first counts.</param>
    /// <param name="right">The second counts.</param>
    /// <returns>The sums.</returns>
    public static HouseholdNeeds operator +(HouseholdNeeds left, HouseholdNeeds right) => new(
        left.Members + right.Members,
        left.Present + right.Present,
        left.Aged60Plus + right.Aged60Plus,
        left.Aged80Plus + right.Aged80Plus,
        left.InfantsUnder3 + right.InfantsUnder3,
        left.Disabled + right.Disabled,
        left.ChronicallyIll + right.ChronicallyIll,
        left.Pregnant + right.Pregnant,
        left.Bedridden + right.Bedridden);

    /// <summary>Adds two counts (named alternate of <c>+</c>).</summary>
    /// <param name="other">The counts to add.</param>
    /// <returns>The sums.</returns>
    public HouseholdNeeds Add(HouseholdNeeds other) => this + other;

    /// <summary>A compact invariant summary.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"members {Members} (present {Present}), 60+ {Aged60Plus}, 80+ {Aged80Plus}, under-3 {InfantsUnder3}, disabled {Disabled}, chronic {ChronicallyIll}, pregnant {Pregnant}, bedridden {Bedridden}");
}
