using CommunityDomain.Supplies.Delivery;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// Delivery-run input from either generator: a small ordinary case (<see cref="DeliveryCase"/>: up to 8 buildings on
/// a grid, windows, weight or count capacity) or a lockdown shape (<see cref="LockdownDeliveryCase"/>: no parcels,
/// one building, capacity 1, identical parcels, degenerate windows, extremes, many parcels). A guarantee that must
/// hold for both is one property over this input (issue 17), not a pair.
/// </summary>
public sealed record DeliveryInput(DeliveryCase? Ordinary, LockdownDeliveryCase? Lockdown)
{
    /// <summary>The parcels.</summary>
    public Parcel[] Parcels => Ordinary?.Parcels ?? Lockdown!.Parcels;

    /// <summary>The building sites.</summary>
    public BuildingSite[] Sites => Ordinary?.Sites ?? Lockdown!.Sites;

    /// <summary>The run options.</summary>
    public RunOptions Options => Ordinary?.Options ?? Lockdown!.Options;

    /// <summary>The case's own text (<c>delivery: ...</c> or <c>lockdown delivery [shape]: ...</c>), which <see cref="Parse"/> reads back.</summary>
    public override string ToString() => Ordinary?.ToString() ?? Lockdown!.ToString();

    /// <summary>Rebuilds an input from <see cref="ToString"/>'s text: the header tells an ordinary case from a lockdown shape.</summary>
    public static DeliveryInput Parse(string text) =>
        text.StartsWith("lockdown", StringComparison.Ordinal)
            ? new DeliveryInput(null, LockdownDeliveryCase.Parse(text))
            : new DeliveryInput(DeliveryCase.Parse(text), null);
}

/// <summary>
/// <see cref="DeliveryInput"/>s: two ordinary cases to one lockdown shape (the share the folded pairs ran, 300 and
/// 150); each shrinks with its own generator's shrinker and stays of its kind.
/// </summary>
public static class DeliveryInputArbitraries
{
    public static Arbitrary<DeliveryInput> Inputs() => Arb.From(
        Gen.Frequency(
            (2, DeliveryArbitraries.Cases().Generator.Select(c => new DeliveryInput(c, null))),
            (1, PlannerGenerators.Delivery.Select(c => new DeliveryInput(null, c)))),
        Shrink);

    public static IEnumerable<DeliveryInput> Shrink(DeliveryInput d) =>
        d.Ordinary is { } o
            ? SuppliesShrinkers.ShrinkDelivery(o).Select(c => new DeliveryInput(c, null))
            : PlannerGenerators.ShrinkDelivery(d.Lockdown!).Select(c => new DeliveryInput(null, c));
}
