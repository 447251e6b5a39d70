using CommunityDomain.Contracts;
using CommunityDomain.Supplies.Ledger;
using CommunityDomain.Supplies.Ledger.State;
using CommunityDomain.Tests.Contracts;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Supplies;

public sealed class StockLedgerStateProperties
{
    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 200)]
    public void A_restored_ledger_equals_the_original_and_answers_every_later_command_the_same(LedgerStep[] steps, byte cutAt)
    {
        var script = SuppliesGenerators.Script(steps);
        var cut = script.Count == 0 ? 0 : cutAt % (script.Count + 1);
        var original = StockLedger.Open(LedgerSamples.Rice, new FakeClock(LedgerSamples.T0));
        foreach (var command in script.Take(cut))
        {
            original.Run(command);
        }

        _ = original.DequeueEvents();
        var rebuilt = StockLedger.Restore(original.ToState(), new FakeClock(LedgerSamples.T0));
        AssertSameQueries(original, rebuilt);
        Assert.Empty(rebuilt.PendingEvents);

        // Replays and conflicting reuses of ids from before the snapshot are in the rest of the script.
        foreach (var command in script.Skip(cut))
        {
            var expected = original.Run(command);
            var actual = rebuilt.Run(command);
            Assert.Equal(expected.Index, actual.Index);
            Assert.Equal(expected.Value, actual.Value);
        }

        AssertSameQueries(original, rebuilt);
        Assert.Null(DeepEquality.Difference(original.DequeueEvents().ToList(), rebuilt.DequeueEvents().ToList()));
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 100)]
    public void A_ledger_state_survives_json_and_restores_to_an_equal_ledger(LedgerStep[] steps)
    {
        var original = StockLedger.Open(LedgerSamples.Rice, new FakeClock(LedgerSamples.T0));
        foreach (var command in SuppliesGenerators.Script(steps))
        {
            original.Run(command);
        }

        var json = CommunityJson.Write(original.ToState());
        var read = CommunityJson.Read<StockLedgerState>(json);

        Assert.True(read.IsT0, $"{read}\n{json}");
        Assert.Null(DeepEquality.Difference(original.ToState(), read.AsT0));
        AssertSameQueries(original, StockLedger.Restore(read.AsT0, new FakeClock(LedgerSamples.T0)));
    }

    internal static void AssertSameQueries(StockLedger expected, StockLedger actual)
    {
        Assert.Equal(expected.ToState(), actual.ToState());
        Assert.Equal(expected.Item, actual.Item);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(
            (expected.Received, expected.Delivered, expected.Returned, expected.WrittenOff, expected.OnHand, expected.Reserved, expected.Available),
            (actual.Received, actual.Delivered, actual.Returned, actual.WrittenOff, actual.OnHand, actual.Reserved, actual.Available));
        Assert.Equal(expected.Lots, actual.Lots);
        Assert.Equal(expected.Deliveries, actual.Deliveries);
        foreach (var (delivery, _, _) in expected.Deliveries)
        {
            Assert.Equal(expected.Trace(delivery), actual.Trace(delivery));
        }

        foreach (var allocation in expected.ToState().Allocations.Select(a => CommandId.Of(a.Id)))
        {
            Assert.Equal(expected.ReservedBy(allocation), actual.ReservedBy(allocation));
        }

        Assert.Equal(expected.ToString(), actual.ToString());
    }
}
