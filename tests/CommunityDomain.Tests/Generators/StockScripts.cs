using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Ledger;

namespace CommunityDomain.Tests.Generators;

/// <summary>Runs a generated stock command (a record, as scripts hold them) through the ledger's public verb. The scripts
/// shrink as raw steps before they become commands (<see cref="LedgerArbitraries"/> and the ledger role scripts through
/// <see cref="ScriptShrinkers.ShrinkLedgerStep"/>; demonstrated in <see cref="ScriptShrinkerTests"/> and
/// <see cref="ShrinkDemonstrationTests"/>).</summary>
internal static class StockScripts
{
    internal static StockResult Run(this StockLedger ledger, StockCommand command, Actor by = default, Community? community = null) => command switch
    {
        ReceiveStock c => ledger.Receive(c.Id, c.Quantity, c.Source, c.Expiry, by),
        AllocateStock c => ledger.Allocate(c.Id, c.Household, c.Quantity, by),
        DeliverStock c => ledger.Deliver(c.Id, c.Allocation, c.Quantity, by, community),
        ReturnStock c => ledger.Return(c.Id, c.Delivery, c.Quantity, by),
        WriteOffStock c => ledger.WriteOff(c.Id, c.Quantity, c.Reason, c.Receipt, by),
        CancelAllocation c => ledger.Cancel(c.Id, c.Allocation, c.Quantity, by),
        _ => throw new ArgumentException($"Unknown stock command {command.GetType().Name}.", nameof(command)),
    };
}
