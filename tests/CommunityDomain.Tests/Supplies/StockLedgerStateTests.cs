using CommunityDomain.Contracts;
using CommunityDomain.Supplies.Ledger;
using CommunityDomain.Supplies.Ledger.State;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Supplies;

public sealed class StockLedgerStateTests
{
    private static readonly FakeClock Clock = new(LedgerSamples.T0);

    [Fact]
    public void Restore_busy_ledger_same_queries_and_no_pending_events()
    {
        var ledger = LedgerSamples.Busy();
        var rebuilt = StockLedger.Restore(ledger.ToState(), Clock);

        StockLedgerStateProperties.AssertSameQueries(ledger, rebuilt);
        Assert.Empty(rebuilt.PendingEvents);
        Assert.Equal(3, rebuilt.Returned);
        Assert.Equal(3, rebuilt.WrittenOff);
        Assert.Equal(new[] { new TracedUnits(CommandId.Of("rcv-2"), 5) }, rebuilt.Trace(CommandId.Of("dlv-1")));
    }

    [Fact]
    public void Restore_replay_and_conflicting_replay_still_told_apart()
    {
        var rebuilt = StockLedger.Restore(LedgerSamples.Busy().ToState(), Clock);

        Assert.True(rebuilt.Deliver(CommandId.Of("dlv-1"), CommandId.Of("alc-1"), 8).IsT0);
        Assert.True(rebuilt.Deliver(CommandId.Of("dlv-1"), CommandId.Of("alc-1"), 1).IsT1);
        Assert.True(rebuilt.Receive(CommandId.Of("rcv-2"), 6, StockSource.DonatedBy("someone else"), new LocalDate(2022, 8, 25)).IsT1);
        Assert.True(rebuilt.WriteOff(CommandId.Of("wo-1"), 2, "other reason", CommandId.Of("rcv-3")).IsT1);
        Assert.Empty(rebuilt.PendingEvents);
        Assert.Equal(LedgerSamples.Busy().ToState(), rebuilt.ToState());
    }

    [Fact]
    public void Restore_then_command_continues_version_and_lots_first_expiring_first()
    {
        var rebuilt = StockLedger.Restore(LedgerSamples.Busy().ToState(), Clock);

        Assert.True(rebuilt.Deliver(CommandId.Of("dlv-2"), CommandId.Of("alc-2"), 1).IsT0);

        Assert.Equal(11, rebuilt.Version);
        Assert.Equal(11, Assert.Single(rebuilt.PendingEvents).Version);
        // rcv-2 (expires first) is empty: dlv-1 kept 5 of its 6 and the untargeted write-off took the last one.
        Assert.Equal(new[] { new TracedUnits(CommandId.Of("rcv-1"), 1) }, rebuilt.Trace(CommandId.Of("dlv-2")));
    }

    public static TheoryData<string> Breakages() =>
    [
        "version", "blank item", "duplicate lot", "remaining above received", "lot payload", "missing lot",
        "allocation over-used", "allocation household", "delivery from unknown lot", "delivery above its command",
        "negative take", "unknown command kind", "duplicate command", "more reserved than on hand", "lot gave out too little",
        "delivered count off its commands", "write-off missing from lots",
    ];

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Restore_inconsistent_state_throws_naming_state(string breakage)
    {
        var good = LedgerSamples.Busy().ToState();
        var bad = Break(good, breakage);

        var ex = Assert.ThrowsAny<ArgumentException>(() => StockLedger.Restore(bad, Clock));

        Assert.Equal("state", ex.ParamName);
        Assert.NotEqual(good, bad);
    }

    [Fact]
    public void Restore_null_arguments_throw()
    {
        Assert.Throws<ArgumentNullException>(() => StockLedger.Restore(null!, Clock));
        Assert.Throws<ArgumentNullException>(() => StockLedger.Restore(LedgerSamples.Busy().ToState(), null!));
    }

    [Fact]
    public void ToString_state_shows_counts_but_no_donor_label()
    {
        var state = LedgerSamples.Busy().ToState();

        Assert.Equal("StockLedgerState 'rice-5kg' v10: 3 lots, 2 allocations, 1 deliveries, 10 commands", state.ToString());
        Assert.DoesNotContain("Dongfang", state.Lots[1].ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Dongfang", state.Commands[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_states_compare_lists_by_sequence()
    {
        var a = LedgerSamples.Busy().ToState();
        var b = LedgerSamples.Busy().ToState();

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Deliveries = [a.Deliveries[0] with { Taken = [.. a.Deliveries[0].Taken, new TakeState("rcv-1", 0)] }] });
    }

    [Fact]
    public void Json_busy_ledger_round_trips_to_an_equal_ledger()
    {
        var ledger = LedgerSamples.Busy();

        var read = CommunityJson.Read<StockLedgerState>(CommunityJson.Write(ledger.ToState()));

        Assert.True(read.IsT0, read.ToString());
        StockLedgerStateProperties.AssertSameQueries(ledger, StockLedger.Restore(read.AsT0, Clock));
    }

    private static StockLedgerState Break(StockLedgerState s, string breakage) => breakage switch
    {
        "version" => s with { Version = s.Version + 1 },
        "blank item" => s with { ItemCode = " " },
        "duplicate lot" => s with { Lots = [.. s.Lots, s.Lots[0]] },
        "remaining above received" => s with { Lots = [s.Lots[0] with { Remaining = s.Lots[0].Received + 1 }, .. s.Lots.Skip(1)] },
        "lot payload" => s with { Lots = [s.Lots[0] with { Expiry = null }, .. s.Lots.Skip(1)] },
        "missing lot" => s with { Lots = [.. s.Lots.Skip(1)] },
        "allocation over-used" => s with { Allocations = [s.Allocations[0] with { Cancelled = 5 }, .. s.Allocations.Skip(1)] },
        "allocation household" => s with { Allocations = [s.Allocations[0] with { HouseholdId = 99 }, .. s.Allocations.Skip(1)] },
        "delivery from unknown lot" => s with { Deliveries = [s.Deliveries[0] with { Taken = [new TakeState("rcv-9", 5)] }] },
        "delivery above its command" => s with { Deliveries = [s.Deliveries[0] with { Taken = [new TakeState("rcv-2", 5), new TakeState("rcv-1", 4)] }] },
        "negative take" => s with { Deliveries = [s.Deliveries[0] with { Taken = [new TakeState("rcv-2", 6), new TakeState("rcv-1", -1)] }] },
        "unknown command kind" => s with { Commands = [s.Commands[0] with { Kind = (StockCommandKind)99 }, .. s.Commands.Skip(1)] },
        "duplicate command" => s with { Commands = [.. s.Commands, s.Commands[0]], Version = s.Version + 1 },
        "more reserved than on hand" => s with { Lots = [.. s.Lots.Select(l => l with { Remaining = 0 })] },
        "lot gave out too little" => s with { Lots = [s.Lots[0], s.Lots[1] with { Remaining = 3 }, s.Lots[2]] },
        "delivered count off its commands" => s with { Allocations = [s.Allocations[0] with { Delivered = 7 }, .. s.Allocations.Skip(1)] },
        "write-off missing from lots" => s with { Lots = [s.Lots[0], s.Lots[1], s.Lots[2] with { Remaining = 4 }] },
        _ => throw new ArgumentOutOfRangeException(nameof(breakage)),
    };
}
