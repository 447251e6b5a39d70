using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Events;
using CommunityDomain.Supplies.Ledger;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Supplies;

public sealed class StockLedgerProperties
{
    private static readonly ItemKind Rice = new("rice-5kg", "bag", 5000);

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 300)]
    public void The_ledger_identity_holds_after_any_command_sequence_with_replays_and_conflicts(LedgerStep[] steps)
    {
        var ledger = StockLedger.Open(Rice, new FakeClock(Instant.FromUtc(2022, 8, 18, 0, 0)));
        var model = new LedgerModel();
        foreach (var command in SuppliesGenerators.Script(steps))
        {
            var before = Snapshot(ledger);
            var expected = model.Expect(command);
            var result = ledger.Run(command);

            if (expected == Outcome.Replay)
            {
                Assert.True(result.IsT0, $"replay of {command.Id} should succeed harmlessly");
                Assert.Equal(before, Snapshot(ledger));
            }
            else if (expected == Outcome.Conflict)
            {
                Assert.True(result.IsT1, $"conflicting reuse of {command.Id} should be rejected");
                Assert.Equal(before, Snapshot(ledger));
            }
            else if (expected == Outcome.Reject)
            {
                Assert.False(result.IsT0, $"{command} should be rejected");
                Assert.Equal(before, Snapshot(ledger));
            }
            else if (expected == Outcome.Accept)
            {
                Assert.True(result.IsT0, $"{command} should be accepted: {result}");
            }

            if (result.IsT0 && expected != Outcome.Replay)
            {
                model.Accepted(command);
                Assert.Equal(before.Version + 1, ledger.Version);
            }
            else
            {
                Assert.Equal(before.Version, ledger.Version);
            }

            CheckInvariants(ledger, model);
        }
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 200)]
    public void Every_delivered_unit_traces_back_to_receipts_first_expiring_first(LedgerStep[] steps)
    {
        var ledger = StockLedger.Open(Rice, new FakeClock(Instant.FromUtc(2022, 8, 18, 0, 0)));
        var receipts = new Dictionary<CommandId, ReceiveStock>();
        foreach (var command in SuppliesGenerators.Script(steps))
        {
            var lotsBefore = ledger.Lots;
            var version = ledger.Version;
            if (ledger.Run(command).IsT0 && command is ReceiveStock r)
            {
                receipts.TryAdd(r.Id, r);
            }

            if (ledger.Version > version && ledger.PendingEvents[^1] is StockDelivered delivered)
            {
                Assert.Equal(delivered.Quantity, delivered.Traced.Sum(t => t.Quantity));
                Assert.All(delivered.Traced, t => Assert.Contains(t.Receipt, receipts.Keys));
                // First-expiring-first: no lot that sorts before a lot used still had units left over.
                var used = delivered.Traced.Select(t => t.Receipt).ToHashSet();
                var lastUsed = lotsBefore.Select((l, i) => (l, i)).Where(x => used.Contains(x.l.Receipt)).Max(x => x.i);
                foreach (var (lot, i) in lotsBefore.Select((l, i) => (l, i)).Where(x => x.i < lastUsed))
                {
                    var takenHere = delivered.Traced.Where(t => t.Receipt == lot.Receipt).Sum(t => t.Quantity);
                    Assert.Equal(lot.Remaining, takenHere);
                }
            }
        }

        Assert.Equal(ledger.Delivered, ledger.Deliveries.Sum(d => ledger.Trace(d.Delivery).Sum(t => (long)t.Quantity)));
    }

    private static void CheckInvariants(StockLedger ledger, LedgerModel model)
    {
        // OnHand is derived from the counters, so the identity holds by construction; the lots-sum line below is what can fail.
        Assert.Equal(ledger.OnHand, ledger.Received - ledger.Delivered - ledger.WrittenOff);
        Assert.InRange(ledger.Reserved, 0, ledger.OnHand);
        Assert.Equal(ledger.OnHand, ledger.Lots.Sum(l => (long)l.Remaining));
        Assert.All(ledger.Lots, l => Assert.InRange(l.Remaining, 0, l.Received));
        Assert.Equal(model.Received, ledger.Received);
        Assert.Equal(model.Delivered, ledger.Delivered);
        Assert.Equal(model.WrittenOff, ledger.WrittenOff);
        Assert.Equal(model.Reserved, ledger.Reserved);
        foreach (var (delivery, _, quantity) in ledger.Deliveries)
        {
            Assert.Equal(model.DeliveryNet[delivery], quantity);
            Assert.Equal(quantity, ledger.Trace(delivery).Sum(t => t.Quantity));
        }
    }

    private static (long Version, long OnHand, long Reserved, long Received, long Delivered, long WrittenOff, string Lots, int Events) Snapshot(StockLedger l) =>
        (l.Version, l.OnHand, l.Reserved, l.Received, l.Delivered, l.WrittenOff, string.Join(";", l.Lots), l.PendingEvents.Count);

    private enum Outcome
    {
        Accept,
        Reject,
        Replay,
        Conflict,
        Either,
    }

    /// <summary>An independent model of the counts, written from the rules rather than from the ledger's code.</summary>
    private sealed class LedgerModel
    {
        private readonly Dictionary<CommandId, StockCommand> _accepted = [];
        private readonly Dictionary<CommandId, int> _outstanding = [];
        private readonly HashSet<CommandId> _receipts = [];

        public long Received { get; private set; }

        public long Delivered { get; private set; }

        public long WrittenOff { get; private set; }

        public long Reserved => _outstanding.Values.Sum();

        public Dictionary<CommandId, int> DeliveryNet { get; } = [];

        private long Available => Received - Delivered - WrittenOff - Reserved;

        public Outcome Expect(StockCommand c)
        {
            if (_accepted.TryGetValue(c.Id, out var earlier))
            {
                return earlier.Equals(c) ? Outcome.Replay : Outcome.Conflict;
            }

            return c switch
            {
                ReceiveStock => Outcome.Accept,
                AllocateStock a => a.Quantity <= Available ? Outcome.Accept : Outcome.Reject,
                DeliverStock d => _outstanding.TryGetValue(d.Allocation, out var o) && d.Quantity <= o ? Outcome.Accept : Outcome.Reject,
                ReturnStock t => DeliveryNet.TryGetValue(t.Delivery, out var net) && t.Quantity <= net ? Outcome.Accept : Outcome.Reject,
                CancelAllocation x => _outstanding.TryGetValue(x.Allocation, out var o) && x.Quantity <= o ? Outcome.Accept : Outcome.Reject,
                WriteOffStock { Receipt: null } w => w.Quantity <= Available ? Outcome.Accept : Outcome.Reject,
                WriteOffStock w => w.Quantity > Available || !_receipts.Contains(w.Receipt!.Value) ? Outcome.Reject : Outcome.Either,
                _ => Outcome.Either,
            };
        }

        public void Accepted(StockCommand c)
        {
            _accepted.Add(c.Id, c);
            switch (c)
            {
                case ReceiveStock r:
                    Received += r.Quantity;
                    _receipts.Add(r.Id);
                    break;
                case AllocateStock a:
                    _outstanding[a.Id] = a.Quantity;
                    break;
                case DeliverStock d:
                    _outstanding[d.Allocation] -= d.Quantity;
                    Delivered += d.Quantity;
                    DeliveryNet[d.Id] = d.Quantity;
                    break;
                case ReturnStock t:
                    DeliveryNet[t.Delivery] -= t.Quantity;
                    Delivered -= t.Quantity;
                    break;
                case CancelAllocation x:
                    _outstanding[x.Allocation] -= x.Quantity;
                    break;
                case WriteOffStock w:
                    WrittenOff += w.Quantity;
                    break;
            }
        }
    }
}
