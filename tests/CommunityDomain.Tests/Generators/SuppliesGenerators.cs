using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Ledger;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// A generated step of a ledger script: which command to build (<see cref="Kind"/>, named in <see cref="Names"/>) and its
/// raw numbers. It prints as its command's name and numbers, <c>Deliver(0,1,0)</c>, and <see cref="ParseAll"/> reads such
/// steps back out of any printed script (FsCheck's <c>[|Receive(3,12,0); Deliver(0,1,0)|]</c> too).
/// </summary>
public sealed record LedgerStep(int Kind, int A, int B, int C)
{
    /// <summary>
    /// The command each kind builds in <see cref="SuppliesGenerators.Script"/>: 0-5 the ledger's verbs, 6 a verbatim replay
    /// of an earlier command, 7 a conflicting reuse of an earlier id, 8 a small receipt.
    /// </summary>
    public static readonly IReadOnlyList<string> Names = ["Receive", "Allocate", "Deliver", "Return", "WriteOff", "Cancel", "Replay", "Conflict", "ReceiveSmall"];

    /// <summary>The step as its command's name and numbers (<see cref="StepText"/>): <c>Deliver(0,1,0)</c>.</summary>
    public override string ToString() => StepText.Write(Names, Kind, null, A, B, C);

    /// <summary>Every step printed in <paramref name="text"/>, in order (<see cref="ToString"/>'s form; anything else is skipped).</summary>
    /// <param name="text">A printed script, or a failure message holding one.</param>
    /// <returns>The steps.</returns>
    public static LedgerStep[] ParseAll(string text) =>
        [.. StepText.ReadAll(text, Names, 3).Select(s => new LedgerStep(s.Kind, s.Numbers[0], s.Numbers[1], s.Numbers[2]))];
}

/// <summary>Generated needs for allocation properties.</summary>
public sealed record ClaimSpec(int Household, int Need, int Weight, int Tier);

public static class SuppliesGenerators
{
    public static readonly Gen<LedgerStep> Step =
        from kind in Gen.Frequency((4, Gen.Constant(0)), (4, Gen.Constant(1)), (4, Gen.Constant(2)), (2, Gen.Constant(3)),
            (2, Gen.Constant(4)), (1, Gen.Constant(5)), (2, Gen.Constant(6)), (2, Gen.Constant(7)), (1, Gen.Constant(8)))
        from a in Gen.Choose(0, 40)
        from b in Gen.Choose(1, 25)
        from c in Gen.Choose(0, 9)
        select new LedgerStep(kind, a, b, c);

    /// <summary>
    /// Turns raw steps into commands: receipts, allocations, deliveries, returns and write-offs that refer to
    /// earlier commands (sometimes to unknown ones), verbatim replays and conflicting reuses of earlier ids.
    /// </summary>
    internal static IReadOnlyList<StockCommand> Script(IEnumerable<LedgerStep> steps)
    {
        var made = new List<StockCommand>();
        var n = 0;
        CommandId Earlier<T>(int pick, string missing)
            where T : StockCommand
        {
            var of = made.OfType<T>().ToList();
            return of.Count == 0 || pick % 7 == 6 ? CommandId.Of(missing) : of[pick % of.Count].Id;
        }

        foreach (var s in steps)
        {
            n++;
            StockCommand command = s.Kind switch
            {
                0 => new ReceiveStock(CommandId.Of($"r{n}"), s.B, s.C % 3 == 0 ? StockSource.DonatedBy("a resident") : StockSource.Procured,
                    s.C % 2 == 0 ? new LocalDate(2022, 8, 20 + (s.A % 10)) : null),
                1 => new AllocateStock(CommandId.Of($"a{n}"), new Id<Household>(1 + (s.A % 6)), s.B),
                2 => new DeliverStock(CommandId.Of($"d{n}"), Earlier<AllocateStock>(s.A, "a-missing"), 1 + (s.B % 12)),
                3 => new ReturnStock(CommandId.Of($"t{n}"), Earlier<DeliverStock>(s.A, "d-missing"), 1 + (s.B % 6)),
                4 => new WriteOffStock(CommandId.Of($"w{n}"), 1 + (s.B % 8), "spoiled", s.C % 2 == 0 ? Earlier<ReceiveStock>(s.A, "r-missing") : null),
                5 => new CancelAllocation(CommandId.Of($"c{n}"), Earlier<AllocateStock>(s.A, "a-missing"), 1 + (s.B % 5)),
                6 when made.Count > 0 => made[s.A % made.Count],
                7 when made.Count > 0 => Conflicting(made[s.A % made.Count]),
                _ => new ReceiveStock(CommandId.Of($"r{n}"), 1 + (s.B % 3)),
            };
            made.Add(command);
        }

        return made;
    }

    private static StockCommand Conflicting(StockCommand c) => c switch
    {
        ReceiveStock r => new ReceiveStock(r.Id, r.Quantity + 1, r.Source, r.Expiry),
        AllocateStock a => new AllocateStock(a.Id, new Id<Household>(a.Household.Value + 1), a.Quantity),
        DeliverStock d => new DeliverStock(d.Id, d.Allocation, d.Quantity + 1),
        ReturnStock t => new ReturnStock(t.Id, t.Delivery, t.Quantity + 1),
        WriteOffStock w => new WriteOffStock(w.Id, w.Quantity, "other reason", w.Receipt),
        CancelAllocation x => new CancelAllocation(x.Id, x.Allocation, x.Quantity + 1),
        _ => c,
    };

    public static Gen<ClaimSpec[]> Claims(int maxHouseholds, int maxNeed, int maxWeight, int tiers) =>
        from n in Gen.Choose(1, maxHouseholds)
        from specs in Gen.ArrayOf(
            from need in Gen.Choose(0, maxNeed)
            from weight in Gen.Choose(1, maxWeight)
            from tier in Gen.Choose(0, tiers - 1)
            select (need, weight, tier), n)
        from firstId in Gen.Choose(1, 50)
        select specs.Select((s, i) => new ClaimSpec(firstId + (i * 3), s.need, s.weight, s.tier)).ToArray();
}

public sealed class LedgerArbitraries
{
    public static Arbitrary<LedgerStep[]> Steps() => Arb.From(Gen.ArrayOf(SuppliesGenerators.Step), steps => ScriptShrinkers.Shrink(steps, ScriptShrinkers.ShrinkLedgerStep));
}

public sealed record AllocationCase(ClaimSpec[] Specs, int Supply, int Extra, int Seed)
{
    public CommunityDomain.Supplies.Allocation.Claim[] Claims => [.. Specs.Select(s => new CommunityDomain.Supplies.Allocation.Claim(new Id<Household>(s.Household), s.Need, s.Weight, s.Tier))];

    public override string ToString() => $"supply {Supply} (+{Extra}), seed {Seed}: " + string.Join(", ", Specs.Select(s => $"#{s.Household} d{s.Need} w{s.Weight} t{s.Tier}"));
}

public sealed class AllocationArbitraries
{
    private static Gen<AllocationCase> Case(int maxHouseholds, int maxNeed, int maxWeight, int tiers) =>
        from specs in SuppliesGenerators.Claims(maxHouseholds, maxNeed, maxWeight, tiers)
        from supply in Gen.Choose(0, specs.Sum(s => s.Need) + 3)
        from extra in Gen.Choose(1, 20)
        from seed in Gen.Choose(0, 10_000)
        select new AllocationCase(specs, supply, extra, seed);

    public static Arbitrary<AllocationCase> Cases() => Arb.From(Case(40, 30, 6, 3), c => SuppliesShrinkers.ShrinkAllocation(c, slack: 3));
}

public sealed class TinyAllocationArbitraries
{
    public static Arbitrary<AllocationCase> Cases() => Arb.From(
        from specs in SuppliesGenerators.Claims(4, 5, 4, 1)
        from supply in Gen.Choose(0, specs.Sum(s => s.Need))
        select new AllocationCase(specs, supply, 1, 0),
        c => SuppliesShrinkers.ShrinkAllocation(c, slack: 0));
}

public sealed class SingleTierArbitraries
{
    public static Arbitrary<AllocationCase> Cases() => Arb.From(
        from specs in SuppliesGenerators.Claims(60, 40, 8, 1)
        from supply in Gen.Choose(0, specs.Sum(s => s.Need) + 3)
        from extra in Gen.Choose(1, 30)
        select new AllocationCase(specs, supply, extra, 0),
        c => SuppliesShrinkers.ShrinkAllocation(c, slack: 3));
}

public sealed record DeliveryCase(
    CommunityDomain.Supplies.Delivery.Parcel[] Parcels,
    CommunityDomain.Supplies.Delivery.BuildingSite[] Sites,
    CommunityDomain.Supplies.Delivery.RunOptions Options)
{
    /// <summary>A header, then the case as <see cref="DeliveryText"/> lines a test can paste back into <see cref="Parse"/>.</summary>
    public override string ToString() => $"delivery: {Parcels.Length} parcels in {Sites.Length} buildings\n" + DeliveryText.Write(Parcels, Sites, Options);

    /// <summary>Rebuilds a case from <see cref="ToString"/>'s text.</summary>
    public static DeliveryCase Parse(string text)
    {
        var (parcels, sites, options) = DeliveryText.Read(text);
        return new DeliveryCase(parcels, sites, options);
    }
}

public sealed class DeliveryArbitraries
{
    private static readonly Instant Morning = Instant.FromUtc(2022, 8, 19, 1, 0);

    public static Arbitrary<DeliveryCase> Cases() => Arb.From(
        from buildings in Gen.Choose(1, 8)
        from xs in Gen.ArrayOf(Gen.Choose(0, 6), buildings)
        from ys in Gen.ArrayOf(Gen.Choose(0, 4), buildings)
        from parcels in Gen.ArrayOf(
            from b in Gen.Choose(0, buildings - 1)
            from h in Gen.Choose(0, 9)
            from w in Gen.Choose(200, 9000)
            from win in Gen.Choose(0, 3)
            select (b, h, w, win))
        from capacity in Gen.Choose(3000, 20000)
        from budget in Gen.Choose(4, 90)
        from perStop in Gen.Choose(1, 5)
        from neighbour in Gen.Choose(0, 100)
        from byCount in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new DeliveryCase(
            [.. parcels.Select((p, i) => new CommunityDomain.Supplies.Delivery.Parcel(
                new Id<Household>(1 + (p.b * 10) + p.h), new Id<Building>(1 + p.b), $"1-{p.h + 1}01", "张*", $"item{i}", p.w,
                p.win == 1 ? new NodaTime.Interval(Morning, Morning + Duration.FromHours(1)) : p.win == 2 ? new NodaTime.Interval(Morning + Duration.FromHours(3), Morning + Duration.FromMinutes(200)) : null))],
            [.. Enumerable.Range(0, buildings).Select(b => new CommunityDomain.Supplies.Delivery.BuildingSite(new Id<Building>(1 + b), new Position(30 * xs[b], 45 * ys[b])))],
            new CommunityDomain.Supplies.Delivery.RunOptions(byCount ? 1 + (capacity % 6) : capacity, Duration.FromMinutes(budget),
                byCount ? CommunityDomain.Supplies.Delivery.CapacityKind.Count : CommunityDomain.Supplies.Delivery.CapacityKind.Weight,
                Duration.FromMinutes(perStop), 60, neighbour)),
        SuppliesShrinkers.ShrinkDelivery);
}
