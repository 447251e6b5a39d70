using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Events;
using CommunityDomain.Supplies.Ledger;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Supplies;

public sealed class StockLedgerTests
{
    private static readonly ItemKind Water = new("water-18l", "bucket", 18_000);
    private static readonly Id<Household> Home = new(7);

    private static StockLedger Ledger() => StockLedger.Open(Water, new FakeClock(Instant.FromUtc(2022, 8, 18, 0, 0)));

    [Fact]
    public void Deliver_two_lots_takes_the_earliest_expiry_first_and_traces_both()
    {
        var ledger = Ledger();
        ledger.Receive(CommandId.Of("late"), 5, StockSource.Procured, new LocalDate(2022, 9, 30));
        ledger.Receive(CommandId.Of("early"), 3, StockSource.DonatedBy("a resident"), new LocalDate(2022, 8, 25));
        ledger.Allocate(CommandId.Of("a1"), Home, 4);

        var result = ledger.Deliver(CommandId.Of("d1"), CommandId.Of("a1"), 4);

        Assert.True(result.IsT0);
        Assert.Equal([new TracedUnits(CommandId.Of("early"), 3), new TracedUnits(CommandId.Of("late"), 1)], ledger.Trace(CommandId.Of("d1")));
        Assert.Equal(4, ledger.OnHand);
        Assert.Equal(0, ledger.Reserved);
        Assert.IsType<StockDelivered>(ledger.PendingEvents[^1]);
    }

    [Fact]
    public void Deliver_after_emptied_lots_takes_a_refilled_or_newly_received_earlier_lot_first()
    {
        // The walk starts at the first lot with stock: a return refills an emptied lot before it, a receipt can expire
        // before it, and a restored ledger starts over; each time the earliest lot with stock is still taken first.
        var ledger = Ledger();
        Assert.Equal("success", ledger.Receive(CommandId.Of("sep5"), 5, StockSource.Procured, new LocalDate(2022, 9, 5)).ToString());
        Assert.Equal("success", ledger.Receive(CommandId.Of("sep10"), 5, StockSource.Procured, new LocalDate(2022, 9, 10)).ToString());
        Assert.Equal("success", ledger.Allocate(CommandId.Of("a1"), Home, 5).ToString());
        Assert.Equal("success", ledger.Deliver(CommandId.Of("d1"), CommandId.Of("a1"), 5).ToString());
        Assert.Equal("success", ledger.Return(CommandId.Of("back"), CommandId.Of("d1"), 2).ToString());
        Assert.Equal("success", ledger.Allocate(CommandId.Of("a2"), Home, 3).ToString());
        Assert.Equal("success", ledger.Deliver(CommandId.Of("d2"), CommandId.Of("a2"), 3).ToString());
        Assert.Equal([new TracedUnits(CommandId.Of("sep5"), 2), new TracedUnits(CommandId.Of("sep10"), 1)], ledger.Trace(CommandId.Of("d2")));

        Assert.Equal("success", ledger.Receive(CommandId.Of("sep1"), 2, StockSource.Procured, new LocalDate(2022, 9, 1)).ToString());
        Assert.Equal("success", ledger.Allocate(CommandId.Of("a3"), Home, 3).ToString());
        Assert.Equal("success", ledger.Deliver(CommandId.Of("d3"), CommandId.Of("a3"), 3).ToString());
        Assert.Equal([new TracedUnits(CommandId.Of("sep1"), 2), new TracedUnits(CommandId.Of("sep10"), 1)], ledger.Trace(CommandId.Of("d3")));

        Assert.Equal("success", ledger.Return(CommandId.Of("back2"), CommandId.Of("d1"), 1).ToString());
        var restored = StockLedger.Restore(ledger.ToState(), new FakeClock(Instant.FromUtc(2022, 8, 19, 0, 0)));
        Assert.Equal("success", restored.Allocate(CommandId.Of("a4"), Home, 2).ToString());
        Assert.Equal("success", restored.Deliver(CommandId.Of("d4"), CommandId.Of("a4"), 2).ToString());
        Assert.Equal([new TracedUnits(CommandId.Of("sep5"), 1), new TracedUnits(CommandId.Of("sep10"), 1)], restored.Trace(CommandId.Of("d4")));
        Assert.Equal(2, restored.OnHand);
    }

    [Fact]
    public void Allocate_more_than_free_is_short_of_stock_and_changes_nothing()
    {
        var ledger = Ledger();
        ledger.Receive(CommandId.Of("r"), 5);
        ledger.Allocate(CommandId.Of("a1"), Home, 3);

        var result = ledger.Allocate(CommandId.Of("a2"), Home, 3);

        Assert.True(result.IsT2);
        Assert.Equal(2, result.AsT2.Available);
        Assert.Equal("supplies.short-of-stock", result.AsT2.Code);
        Assert.Contains("仅有 2 件", result.AsT2.MessageIn(CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
        Assert.Equal(2, ledger.Version);
        Assert.Equal(3, ledger.Reserved);
    }

    [Fact]
    public void Execute_same_id_same_payload_is_harmless_and_other_payload_conflicts()
    {
        var ledger = Ledger();
        Assert.True(ledger.Receive(CommandId.Of("r"), 5).IsT0);

        Assert.True(ledger.Receive(CommandId.Of("r"), 5).IsT0);
        var conflict = ledger.Receive(CommandId.Of("r"), 6);

        Assert.True(conflict.IsT1);
        Assert.Equal(5, ledger.Received);
        Assert.Equal(1, ledger.Version);
    }

    [Fact]
    public void Return_puts_units_back_and_cannot_exceed_what_is_out()
    {
        var ledger = Ledger();
        ledger.Receive(CommandId.Of("r"), 5);
        ledger.Allocate(CommandId.Of("a"), Home, 2);
        ledger.Deliver(CommandId.Of("d"), CommandId.Of("a"), 2);

        Assert.True(ledger.Return(CommandId.Of("t1"), CommandId.Of("d"), 1).IsT0);
        var tooMany = ledger.Return(CommandId.Of("t2"), CommandId.Of("d"), 2);

        Assert.True(tooMany.IsT4);
        Assert.Equal(1, tooMany.AsT4.Outstanding);
        Assert.Equal(4, ledger.OnHand);
        Assert.Equal(1, ledger.Delivered);
    }

    [Fact]
    public void Write_off_reserved_units_is_refused()
    {
        var ledger = Ledger();
        ledger.Receive(CommandId.Of("r"), 5);
        ledger.Allocate(CommandId.Of("a"), Home, 4);

        Assert.True(ledger.WriteOff(CommandId.Of("w"), 2, "leaking").IsT2);
        Assert.True(ledger.WriteOff(CommandId.Of("w"), 1, "leaking").IsT0);
        Assert.Equal(4, ledger.OnHand);
    }

    [Fact]
    public void Deliver_unknown_allocation_is_named_in_the_error()
    {
        var ledger = Ledger();
        var result = ledger.Deliver(CommandId.Of("d"), CommandId.Of("nope"), 1);
        Assert.True(result.IsT3);
        Assert.Contains("nope", result.AsT3.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_with_bad_input_throw_naming_the_parameter()
    {
        Assert.Equal("quantity", Assert.Throws<ArgumentException>(() => new ReceiveStock(CommandId.Of("r"), 0)).ParamName);
        Assert.Equal("household", Assert.Throws<ArgumentException>(() => new AllocateStock(CommandId.Of("a"), default, 1)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new ReceiveStock(default, 1)).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => new WriteOffStock(CommandId.Of("w"), 1, " ")).ParamName);
        Assert.Throws<ArgumentException>(() => StockLedger.Open(default, new FakeClock(Instant.MinValue)));
    }

    [Fact]
    public void ToString_never_shows_the_donor()
    {
        var ledger = Ledger();
        ledger.Receive(CommandId.Of("r"), 5, StockSource.DonatedBy("Mr Li of Dongfang"));
        Assert.DoesNotContain("Li", ledger.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Li", ledger.PendingEvents[0].ToString(), StringComparison.Ordinal);
    }
}
