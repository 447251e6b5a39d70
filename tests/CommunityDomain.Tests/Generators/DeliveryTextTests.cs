using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Contracts;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// Printed counterexamples paste back (issue 17): a delivery input's text (<see cref="DeliveryText"/>) rebuilds the same
/// parcels, sites and options, and a ledger script's named steps (<see cref="LedgerStep.ParseAll"/>) the same steps.
/// </summary>
public sealed class DeliveryTextTests
{
    [Property(Arbitrary = [typeof(DeliveryInputArbitraries)], MaxTest = 200)]
    public void A_delivery_input_read_back_from_its_text_is_the_same_input(DeliveryInput d)
    {
        var back = DeliveryInput.Parse(d.ToString());

        Assert.Equal(d.Ordinary is null, back.Ordinary is null);
        Assert.Equal(d.Lockdown?.Shape, back.Lockdown?.Shape);
        Assert.Equal(d.Parcels, back.Parcels);
        Assert.Equal(d.Sites, back.Sites);
        Assert.Null(DeepEquality.Difference(d.Options, back.Options));
        Assert.Equal(d.ToString(), back.ToString());
    }

    [Fact]
    public void A_pasted_delivery_case_reads_as_its_lines_say()
    {
        var c = DeliveryCase.Parse("""
            delivery: 2 parcels in 2 buildings
            options 4 parcels budget=90min stop=1ns speed=0.5 neighbours=1E+308
            site B1 60 -45
            site B7 1E+15 0
            parcel H11 B1 1-101 张* item0 500g
            parcel H71 B7 2-301 李* item1 9000g window=2022-08-19T01:00:00Z/2022-08-19T02:30:00Z
            """);

        Assert.Equal((4, CapacityKind.Count, Duration.FromMinutes(90), Duration.Epsilon), (c.Options.Capacity, c.Options.Kind, c.Options.TimeBudget, c.Options.PerStop));
        Assert.Equal((0.5, 1e308), (c.Options.WalkingMetresPerMinute, c.Options.NeighbourMetres));
        Assert.Equal([new BuildingSite(new Id<Building>(1), new Position(60, -45)), new BuildingSite(new Id<Building>(7), new Position(1e15, 0))], c.Sites);
        Assert.Equal(new Parcel(new Id<Household>(11), new Id<Building>(1), "1-101", "张*", "item0", 500), c.Parcels[0]);
        Assert.Equal(new NodaTime.Interval(Instant.FromUtc(2022, 8, 19, 1, 0), Instant.FromUtc(2022, 8, 19, 2, 30)), c.Parcels[1].Window);
        Assert.Equal(9000, c.Parcels[1].WeightGrams);
    }

    [Fact]
    public void A_delivery_text_without_options_is_refused_by_name() =>
        Assert.Contains("options", Assert.Throws<FormatException>(() => DeliveryText.Read("site B1 0 0")).Message, StringComparison.Ordinal);

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 200)]
    public void A_ledger_script_read_back_from_its_printed_steps_is_the_same_script(LedgerStep[] steps)
    {
        Assert.Equal(steps, LedgerStep.ParseAll(string.Join("; ", steps.Select(s => s.ToString()))));
        Assert.Equal(steps, LedgerStep.ParseAll($"[|{string.Join("; ", steps.Select(s => s.ToString()))}|]"));
    }

    [Fact]
    public void Ledger_steps_print_the_command_they_build_not_a_number()
    {
        LedgerStep[] steps = [new(0, 3, 12, 0), new(2, 0, 1, 0), new(3, 1, 2, 3), new(7, 0, 1, 0)];

        Assert.Equal("Receive(3,12,0) Deliver(0,1,0) Return(1,2,3) Conflict(0,1,0)", string.Join(' ', steps.Select(s => s.ToString())));
        var made = SuppliesGenerators.Script(steps);
        Assert.Equal(["ReceiveStock", "DeliverStock", "ReturnStock", "ReceiveStock"], made.Select(m => m.GetType().Name));
    }
}
