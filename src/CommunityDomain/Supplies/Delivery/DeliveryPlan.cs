using System.Globalization;

namespace CommunityDomain.Supplies.Delivery;

/// <summary>The runs for a set of parcels, with the lower bound on their number and the gap to it.</summary>
/// <param name="Runs">The runs, numbered from 1.</param>
/// <param name="Unplaceable">Parcels no run can take (heavier than the capacity, or a door stop longer than the budget or window).</param>
/// <param name="LowerBound">ceil(total load / capacity) over the placeable parcels: no plan can use fewer runs.</param>
public sealed record DeliveryPlan(IReadOnlyList<DeliveryRun> Runs, IReadOnlyList<Parcel> Unplaceable, int LowerBound)
{
    /// <summary>Runs beyond the lower bound.</summary>
    public int Gap => Runs.Count - LowerBound;

    /// <summary>The gap relative to the lower bound (0 when the bound is 0).</summary>
    public double GapRatio => LowerBound == 0 ? 0 : (double)Gap / LowerBound;

    /// <summary>Counts and gap.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Runs.Count} run(s), lower bound {LowerBound}, gap {Gap} ({GapRatio:P1}), {Unplaceable.Count} unplaceable");
}
