using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Ledger;
using CommunityDomain.Tests.Generators;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Supplies;

/// <summary>A small ledger that has seen every kind of command, for snapshot and contract tests.</summary>
public static class LedgerSamples
{
    public static readonly ItemKind Rice = new("rice-5kg", "bag", 5000);

    public static readonly Instant T0 = Instant.FromUtc(2022, 8, 18, 0, 0);

    public static StockLedger Busy()
    {
        var ledger = StockLedger.Open(Rice, new FakeClock(T0));
        StockCommand[] commands =
        [
            new ReceiveStock(CommandId.Of("rcv-1"), 10, StockSource.Procured, new LocalDate(2022, 9, 1)),
            new ReceiveStock(CommandId.Of("rcv-2"), 6, StockSource.DonatedBy("a resident of Dongfang"), new LocalDate(2022, 8, 25)),
            new ReceiveStock(CommandId.Of("rcv-3"), 4),
            new AllocateStock(CommandId.Of("alc-1"), new Id<Household>(3), 9),
            new AllocateStock(CommandId.Of("alc-2"), new Id<Household>(7), 2),
            new DeliverStock(CommandId.Of("dlv-1"), CommandId.Of("alc-1"), 8),
            new ReturnStock(CommandId.Of("ret-1"), CommandId.Of("dlv-1"), 3),
            new WriteOffStock(CommandId.Of("wo-1"), 2, "bags torn", CommandId.Of("rcv-3")),
            new WriteOffStock(CommandId.Of("wo-2"), 1, "spoiled"),
            new CancelAllocation(CommandId.Of("cnc-1"), CommandId.Of("alc-2"), 1),
        ];
        foreach (var c in commands)
        {
            if (!ledger.Run(c).IsT0)
            {
                throw new InvalidOperationException($"Sample command {c.Id} was rejected.");
            }
        }

        _ = ledger.DequeueEvents();
        return ledger;
    }
}
