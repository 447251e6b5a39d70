using System.Globalization;
using CommunityDomain.Communities;

namespace CommunityDomain.Supplies.Allocation;

/// <summary>
/// Rules that turn a household's make-up into its need for one item: a ration per present person per day
/// for a number of days, plus extras per infant under 3, per member aged 80+ and per chronically ill member.
/// </summary>
public sealed class NeedRules
{
    /// <summary>Creates the rules.</summary>
    /// <param name="rationPerPersonPerDay">Units per present person per day; not negative.</param>
    /// <param name="days">Days covered; positive.</param>
    /// <param name="perInfant">Extra units per infant under 3; not negative.</param>
    /// <param name="perAged80">Extra units per member aged 80 or more; not negative.</param>
    /// <param name="perChronicallyIll">Extra units per chronically ill member; not negative.</param>
    /// <exception cref="ArgumentException">A negative amount or days that are not positive.</exception>
    public NeedRules(int rationPerPersonPerDay, int days, int perInfant = 0, int perAged80 = 0, int perChronicallyIll = 0)
    {
        RationPerPersonPerDay = Guard.Against.Negative(rationPerPersonPerDay);
        Days = Guard.Against.NegativeOrZero(days);
        PerInfant = Guard.Against.Negative(perInfant);
        PerAged80 = Guard.Against.Negative(perAged80);
        PerChronicallyIll = Guard.Against.Negative(perChronicallyIll);
    }

    /// <summary>Units per present person per day.</summary>
    public int RationPerPersonPerDay { get; }

    /// <summary>Days covered.</summary>
    public int Days { get; }

    /// <summary>Extra units per infant under 3.</summary>
    public int PerInfant { get; }

    /// <summary>Extra units per member aged 80+.</summary>
    public int PerAged80 { get; }

    /// <summary>Extra units per chronically ill member.</summary>
    public int PerChronicallyIll { get; }

    /// <summary>The need of a household with the given make-up (capped at <see cref="Claim.MaxUnits"/>).</summary>
    /// <param name="needs">The household's make-up, e.g. from <c>Community.NeedsOf</c>.</param>
    /// <returns>Units needed.</returns>
    public int NeedOf(HouseholdNeeds needs)
    {
        var total = ((long)RationPerPersonPerDay * Days * needs.Present)
            + ((long)PerInfant * needs.InfantsUnder3)
            + ((long)PerAged80 * needs.Aged80Plus)
            + ((long)PerChronicallyIll * needs.ChronicallyIll);
        return (int)Math.Min(total, Claim.MaxUnits);
    }

    /// <summary>The rules in one line.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{RationPerPersonPerDay}/person/day x {Days} day(s), +{PerInfant}/infant, +{PerAged80}/80+, +{PerChronicallyIll}/chronically ill");
}
