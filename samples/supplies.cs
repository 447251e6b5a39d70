#:project ../src/CommunityDomain/CommunityDomain.csproj
// Fair shares of scarce stock, traced from receipt to door: a ledger, a max-min allocation and delivery runs.
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Supplies.Ledger;
using NodaTime;

var rice = new ItemKind("rice-5kg", "bag", 5000);
var ledger = StockLedger.Open(rice, SystemClock.Instance);
ledger.Receive(CommandId.Of("rcv-1"), 10, StockSource.Procured);
ledger.Receive(CommandId.Of("rcv-2"), 4, StockSource.DonatedBy("a neighbour"), new LocalDate(2022, 8, 30));
ledger.Receive(CommandId.Of("rcv-2"), 4, StockSource.DonatedBy("a neighbour"), new LocalDate(2022, 8, 30)); // a replay: harmless

// Four sealed households; the one with an urgent request (tier 0) is served in full first.
Claim[] claims =
[
    new(new Id<Household>(1), need: 6, weight: 3, tier: 1),
    new(new Id<Household>(2), need: 2, weight: 1, tier: 1),
    new(new Id<Household>(3), need: 9, weight: 4, tier: 1),
    new(new Id<Household>(4), need: 3, weight: 2, tier: 0),
];
var plan = SupplyAllocator.Allocate(claims, ledger.Available, AllocationPolicy.MaxMin);
foreach (var share in plan.Shares)
{
    Console.WriteLine(plan.Explain(share.Household));
    ledger.Allocate(CommandId.Of($"a-{share.Household.Value}"), share.Household, share.Allocated);
}

var parcels = plan.Shares.Select(s => new Parcel(s.Household, new Id<Building>(s.Household.Value <= 2 ? 1 : 2), $"1-{s.Household.Value}01", "王*", $"rice x{s.Allocated}", s.Allocated * 5000)).ToList();
var sites = new[] { new BuildingSite(new Id<Building>(1), new Position(0, 0)), new BuildingSite(new Id<Building>(2), new Position(30, 0)) };
var runs = RunPlanner.Plan(parcels, sites, new RunOptions(capacity: 40_000, Duration.FromMinutes(30)), ["volunteer.li", "volunteer.zhao"]);
Console.WriteLine(runs);
foreach (var run in runs.Runs)
{
    Console.WriteLine(run.Sheet());
    foreach (var p in run.Parcels)
    {
        ledger.Deliver(CommandId.Of($"d-{p.Household.Value}"), CommandId.Of($"a-{p.Household.Value}"), p.WeightGrams / 5000);
    }
}

Console.WriteLine(ledger);
var traced = ledger.Deliveries.Sum(d => ledger.Trace(d.Delivery).Sum(t => t.Quantity));
var ok = ledger.Received == 14 && ledger.OnHand == 0 && traced == 14 && plan.ShareOf(new Id<Household>(4)).Allocated == 3
    && plan.Shares.All(s => s.Allocated <= s.Need) && runs.Runs.All(r => r.Load <= 40_000);
Console.WriteLine(ok ? "OK" : "FAILED");
return ok ? 0 : 1;
