using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Errors;
using CommunityDomain.Supplies.Events;
using CommunityDomain.Supplies.Ledger;
using CommunityDomain.Supplies.Ledger.State;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Supplies;

/// <summary>
/// What the stock ledger records: one event per command with the command's own numbers, the error records of a
/// refusal (with the numbers that explain it, in both languages, the ledger unchanged), the lots it shows, and the
/// state records it stores. Expectations are worked out by hand from the documented rules: lots are used earliest
/// expiry first (no expiry last), a return goes back into the lot it was taken from.
/// </summary>
public sealed class StockLedgerRecordsTests
{
    private static readonly ItemKind Water = new("water-18l", "bucket", 18_000);
    private static readonly Id<Household> Home = new(7);
    private static readonly Instant Now = Instant.FromUtc(2022, 8, 18, 2, 0);
    private static readonly Actor Clerk = Actor.Office("office.li");
    private static readonly LocalDate Soon = new(2022, 8, 25);

    private static StockLedger Ledger() => StockLedger.Open(Water, new FakeClock(Now));

    private static CommandId Of(string id) => CommandId.Of(id);

    [Fact]
    public void A_donated_lot_and_its_source_print_without_the_donor_who_may_be_a_resident()
    {
        var ledger = Ledger();
        ledger.Receive(Of("r1"), 3, StockSource.DonatedBy("王先生"), Soon, Clerk);

        var lot = Assert.Single(ledger.Lots);
        Assert.Equal("王先生", lot.Source.Donor);
        Assert.Equal("donated", lot.Source.ToString());
        Assert.DoesNotContain("王", lot.ToString(), StringComparison.Ordinal);
        Assert.Equal("procured", StockSource.Procured.ToString());
    }

    [Fact]
    public void Receive_raises_StockReceived_with_quantity_donation_flag_expiry_and_no_donor_label()
    {
        var ledger = Ledger();
        ledger.Receive(Of("r1"), 5);

        ledger.Receive(Of("r2"), 3, StockSource.DonatedBy("王先生"), Soon, Clerk);

        var e = Assert.IsType<StockReceived>(ledger.PendingEvents[^1]);
        Assert.Equal((Now, Clerk, 2L, "water-18l", Of("r2"), 3, true, (LocalDate?)Soon), (e.OccurredAt, e.By, e.Version, e.Item, e.Command, e.Quantity, e.Donated, e.Expiry));
        Assert.False(Assert.IsType<StockReceived>(ledger.PendingEvents[0]).Donated);
        Assert.DoesNotContain("王", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_raises_StockAllocated_for_the_household_and_reserves_the_units()
    {
        var ledger = Ledger();
        ledger.Receive(Of("r1"), 5);

        Assert.True(ledger.Allocate(Of("a1"), Home, 4, Clerk).Succeeded);

        var e = Assert.IsType<StockAllocated>(ledger.PendingEvents[^1]);
        Assert.Equal((Of("a1"), Home, 4, 2L, Clerk), (e.Command, e.Household, e.Quantity, e.Version, e.By));
        Assert.Equal((4L, 1L), (ledger.Reserved, ledger.Available));
    }

    [Fact]
    public void Cancel_raises_AllocationCancelled_naming_the_allocation_and_frees_the_units()
    {
        var ledger = Ledger();
        ledger.Receive(Of("r1"), 5);
        ledger.Allocate(Of("a1"), Home, 4);

        Assert.True(ledger.Cancel(Of("c1"), Of("a1"), 3, Clerk).Succeeded);

        var e = Assert.IsType<AllocationCancelled>(ledger.PendingEvents[^1]);
        Assert.Equal((Of("c1"), Of("a1"), 3, 3L), (e.Command, e.Allocation, e.Quantity, e.Version));
        Assert.Equal(1, ledger.ReservedBy(Of("a1")));
        Assert.Equal(4L, ledger.Available);
    }

    [Fact]
    public void Return_raises_StockReturned_naming_the_delivery_and_puts_the_units_back_into_their_lot()
    {
        var ledger = Ledger();
        ledger.Receive(Of("late"), 5);
        ledger.Receive(Of("early"), 3, expiry: Soon);
        ledger.Allocate(Of("a1"), Home, 4);
        ledger.Deliver(Of("d1"), Of("a1"), 4); // 3 from "early", then 1 from "late"

        Assert.True(ledger.Return(Of("t1"), Of("d1"), 2, Clerk).Succeeded);

        var e = Assert.IsType<StockReturned>(ledger.PendingEvents[^1]);
        Assert.Equal((Of("t1"), Of("d1"), 2, 5L), (e.Command, e.Delivery, e.Quantity, e.Version));
        // Latest take first: the 1 unit from "late", then 1 of the 3 from "early".
        Assert.Equal([(Of("early"), 1), (Of("late"), 5)], ledger.Lots.Select(l => (l.Receipt, l.Remaining)));
        Assert.Equal((6L, 2L), (ledger.OnHand, ledger.Returned));
    }

    [Fact]
    public void WriteOff_raises_StockWrittenOff_with_the_reason_and_the_lots_the_units_came_from()
    {
        var ledger = Ledger();
        ledger.Receive(Of("late"), 5);
        ledger.Receive(Of("early"), 3, expiry: Soon);

        Assert.True(ledger.WriteOff(Of("w1"), 4, "buckets cracked", by: Clerk).Succeeded);

        var e = Assert.IsType<StockWrittenOff>(ledger.PendingEvents[^1]);
        Assert.Equal((Of("w1"), 4, "buckets cracked"), (e.Command, e.Quantity, e.Reason));
        Assert.Equal([new TracedUnits(Of("early"), 3), new TracedUnits(Of("late"), 1)], e.Traced);
        Assert.Equal(4L, ledger.WrittenOff);
    }

    [Fact]
    public void Allocate_beyond_what_is_free_is_ShortOfStock_with_item_requested_and_available_in_both_languages()
    {
        var ledger = Ledger();
        ledger.Receive(Of("r1"), 5);
        ledger.Allocate(Of("a1"), Home, 3);

        var result = ledger.Allocate(Of("a2"), Home, 4);

        var error = Assert.IsType<ShortOfStock>(result.Error);
        Assert.Equal(("water-18l", 4, 2), (error.Item, error.Requested, error.Available));
        Assert.Equal("Only 2 unit(s) of water-18l are free; 4 were asked for. Nothing was changed.", error.MessageIn(CultureInfo.GetCultureInfo("en")));
        Assert.Equal("water-18l 仅有 2 件可用，申请了 4 件；未做任何更改。", error.MessageIn(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal((2L, 3L), (ledger.Version, ledger.Reserved));
    }

    public static TheoryData<string, string, string> UnknownReferences => new()
    {
        { "deliver", "allocation", "分配记录" },
        { "cancel", "allocation", "分配记录" },
        { "return", "delivery", "配送记录" },
        { "write-off", "receipt", "入库记录" },
    };

    [Theory]
    [MemberData(nameof(UnknownReferences))]
    public void A_command_naming_a_record_the_ledger_lacks_is_UnknownCommand_naming_it_and_changes_nothing(string command, string expected, string chinese)
    {
        var ledger = Ledger();
        ledger.Receive(Of("r1"), 5);
        var before = ledger.ToState();
        var missing = Of("nowhere");

        var result = command switch
        {
            "deliver" => ledger.Deliver(Of("x"), missing, 1),
            "cancel" => ledger.Cancel(Of("x"), missing, 1),
            "return" => ledger.Return(Of("x"), missing, 1),
            _ => ledger.WriteOff(Of("x"), 1, "lost", missing),
        };

        var error = Assert.IsType<UnknownCommand>(result.Error);
        Assert.Equal((missing, expected), (error.Referenced, error.Expected));
        Assert.Contains($"No {expected} with id 'nowhere'", error.MessageIn(CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
        Assert.Contains(chinese, error.MessageIn(CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
        Assert.Equal(before, ledger.ToState());
    }

    public static TheoryData<string, string, int, int> BeyondOutstanding => new()
    {
        { "deliver", "a1", 5, 4 },
        { "cancel", "a1", 5, 4 },
        { "return", "d1", 3, 2 },
        { "write-off from a lot", "r2", 4, 3 },
    };

    [Theory]
    [MemberData(nameof(BeyondOutstanding))]
    public void A_command_asking_more_than_a_record_has_left_is_ExceedsOutstanding_with_both_numbers_and_changes_nothing(string command, string referenced, int requested, int outstanding)
    {
        var ledger = Ledger();
        ledger.Receive(Of("r1"), 10);
        ledger.Receive(Of("r2"), 3);
        ledger.Allocate(Of("a1"), Home, 6);
        ledger.Deliver(Of("d1"), Of("a1"), 2); // a1 has 4 left; d1 took 2
        var before = ledger.ToState();

        var result = command switch
        {
            "deliver" => ledger.Deliver(Of("x"), Of("a1"), requested),
            "cancel" => ledger.Cancel(Of("x"), Of("a1"), requested),
            "return" => ledger.Return(Of("x"), Of("d1"), requested),
            _ => ledger.WriteOff(Of("x"), requested, "wet", Of("r2")),
        };

        var error = Assert.IsType<ExceedsOutstanding>(result.Error);
        Assert.Equal((Of(referenced), requested, outstanding), (error.Referenced, error.Requested, error.Outstanding));
        Assert.Contains($"{outstanding} unit(s) left; {requested} were asked for", error.MessageIn(CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
        Assert.Contains($"仅剩 {outstanding} 件，申请了 {requested} 件", error.MessageIn(CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
        Assert.Equal(before, ledger.ToState());
    }

    [Fact]
    public void Lots_show_each_receipt_earliest_expiry_first_with_source_and_what_is_left()
    {
        var ledger = Ledger();
        ledger.Receive(Of("none"), 4);
        ledger.Receive(Of("late"), 5, expiry: new LocalDate(2022, 9, 30));
        ledger.Receive(Of("early"), 3, StockSource.DonatedBy("a resident"), Soon);
        ledger.Allocate(Of("a1"), Home, 4);
        ledger.Deliver(Of("d1"), Of("a1"), 4);

        StockLot[] expected =
        [
            new(Of("early"), StockSource.DonatedBy("a resident"), Soon, 3, 0),
            new(Of("late"), StockSource.Procured, new LocalDate(2022, 9, 30), 5, 4),
            new(Of("none"), StockSource.Procured, null, 4, 4),
        ];
        Assert.Equal(expected, ledger.Lots);
        Assert.Equal("lot late: 4/5 left, procured, use by 2022-09-30", ledger.Lots[1].ToString());
        Assert.Equal(ledger.OnHand, ledger.Lots.Sum(l => l.Remaining));
    }

    [Fact]
    public void ToState_stores_lots_allocations_deliveries_and_commands_as_they_happened()
    {
        var ledger = Ledger();
        ledger.Receive(Of("r1"), 5);
        ledger.Receive(Of("r2"), 3, StockSource.DonatedBy("a resident"), Soon);
        ledger.Allocate(Of("a1"), Home, 4);
        ledger.Deliver(Of("d1"), Of("a1"), 3); // all 3 from r2, the earlier expiry
        ledger.Cancel(Of("c1"), Of("a1"), 1);
        ledger.WriteOff(Of("w1"), 1, "cracked", Of("r1"));

        var state = ledger.ToState();

        Assert.Equal([new StockLotState("r1", null, null, 5, 4), new StockLotState("r2", "a resident", Soon, 3, 0)], state.Lots);
        Assert.Equal([new AllocationState("a1", 7, 4, 3, 1)], state.Allocations);
        Assert.Equal([new DeliveryState("d1", 7, [new TakeState("r2", 3)])], state.Deliveries);
        StockCommandState[] commands =
        [
            new(StockCommandKind.Receive, "r1", 5),
            new(StockCommandKind.Receive, "r2", 3, Donor: "a resident", Expiry: Soon),
            new(StockCommandKind.Allocate, "a1", 4, HouseholdId: 7),
            new(StockCommandKind.Deliver, "d1", 3, "a1"),
            new(StockCommandKind.Cancel, "c1", 1, "a1"),
            new(StockCommandKind.WriteOff, "w1", 1, "r1", Reason: "cracked"),
        ];
        Assert.Equal(commands, state.Commands);
        Assert.Equal("StockCommandState Deliver d1: 3", state.Commands[3].ToString());
        Assert.Equal("StockLotState r2: 0/3", state.Lots[1].ToString());
    }

    [Fact]
    public void Restore_reads_the_outstanding_reservation_back_from_the_AllocationState()
    {
        var ledger = Ledger();
        ledger.Receive(Of("r1"), 5);
        ledger.Allocate(Of("a1"), Home, 4);
        ledger.Deliver(Of("d1"), Of("a1"), 1);
        ledger.Cancel(Of("c1"), Of("a1"), 1);

        var restored = StockLedger.Restore(ledger.ToState(), new FakeClock(Now));

        Assert.Equal(2, restored.ReservedBy(Of("a1")));
        Assert.Equal([(Of("d1"), Home, 1)], restored.Deliveries);
        Assert.Equal([new TracedUnits(Of("r1"), 1)], restored.Trace(Of("d1")));
    }
}
