using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.Passes;
using CommunityDomain.Supplies.Ledger;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Kernel;

/// <summary>One generated command of a wing: its kind, two raw numbers and the actor.</summary>
public sealed record WingCommand(int Kind, int A, int B, Actor By)
{
    public override string ToString() => $"#{Kind}({A},{B}) by {By.Account}/{By.Role}/{By.Area}";
}

/// <summary>Scripts of wing commands by actors of every role over every kind of area.</summary>
public static class WingRoleArbitraries
{
    private static Gen<WingCommand> Command(int kinds) =>
        from kind in Gen.Choose(0, kinds - 1)
        from a in Gen.Choose(0, 30)
        from b in Gen.Choose(0, 30)
        from actor in RoleScripts.Actors
        select new WingCommand(kind, a, b, actor);

    private static Arbitrary<WingCommand[]> Scripts(int kinds) => Arb.From(
        Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Command(kinds), n)),
        s => ScriptShrinkers.Fewer(s));

    public static Arbitrary<WingCommand[]> Commands() => Scripts(9);

    /// <summary>Ledger scripts: the ledger property's own steps (<see cref="SuppliesGenerators.Step"/>), each with an actor.</summary>
    public static Arbitrary<(LedgerStep Step, Actor By)[]> LedgerScripts() => Arb.From(
        Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(SuppliesGenerators.Step.SelectMany(s => RoleScripts.Actors.Select(a => (s, a))), n)),
        s => ScriptShrinkers.Shrink(s, x => ScriptShrinkers.ShrinkLedgerStep(x.Item1).Select(step => (step, x.Item2))));
}

/// <summary>
/// Roles on the wings (issue 14): testing series and rounds, the stock ledger and the pass gate keep the same promise
/// as the community, checked by the shared <see cref="RoleScripts"/> property: no refused command changes any state,
/// refusals follow the role table of docs/security.md, and a permitted command is judged as the system would judge it.
/// </summary>
[Properties(Arbitrary = [typeof(WingRoleArbitraries)], MaxTest = 80)]
public sealed class WingRoleProperties
{
    private static readonly Instant Start = CommunityOps.T0; // 05:00 on 18 August 2022 in Asia/Shanghai
    private static readonly (int?, int?)[] Everywhere = [(null, null)];

    private static (int?, int?)[] PlaceOf(MustTestEntry? entry) => entry is null ? Everywhere : [(entry.Compound.Value, entry.Building.Value)];

    private static (TestingSeries Series, Community Community, FakeClock Clock) Testing()
    {
        var clock = new FakeClock(Start);
        var community = CommunityOps.Seeded(clock);
        var series = TestingSeries.Create(new Id<TestingSeries>(1), "Five days", new LocalDate(2022, 8, 18), 5, new LocalTime(5, 0), community.Zone, clock);
        return (series, community, clock);
    }

    [Property]
    public void Testing_series_no_refused_round_start_changes_anything_and_a_permitted_one_is_judged_as_the_system_would(WingCommand[] script)
    {
        var (series, community, clock) = Testing();
        var lists = Enumerable.Range(-1, 8)
            .Select(d => MustTestList.From(community, community.Compounds.Select(c => c.Id), series.StartOf(series.FirstDay.PlusDays(d)))).ToList();
        RoleScripts.Check(
            series,
            s => TestingSeries.Restore(s.ToState(), clock),
            s => s.ToState(),
            script.Select(c => new RoleStep<TestingSeries>(
                c.ToString(), c.By, (s, by) => s.StartRound(lists[c.A % lists.Count], new PoolingPolicy(5, 1), by).Value,
                _ => (Permission.TestingRounds, Everywhere))),
            () => clock.AdvanceMinutes(1));
    }

    [Property]
    public void Testing_round_no_refused_command_changes_anything_and_a_permitted_one_is_judged_as_the_system_would(WingCommand[] script)
    {
        var (series, community, clock) = Testing();
        var list = MustTestList.From(community, community.Compounds.Select(c => c.Id), series.StartOf(series.FirstDay));
        var round = series.StartRound(list, new PoolingPolicy(5, 1)).AsT0;
        _ = round.AddSite(new Id<Compound>(1), "North square", 2, 40).AsT0;
        _ = round.AddSite(new Id<Compound>(2), "South gate", 1, 20).AsT0;

        RoleScripts.Check(
            round,
            _ => TestingSeries.Restore(series.ToState(), clock).Rounds[0],
            r => r.ToState(),
            script.Select(c => new RoleStep<TestingRound>(c.ToString(), c.By, (r, by) => RunRound(r, c, by, clock.GetCurrentInstant()), r => ExpectRound(r, c))),
            () => clock.AdvanceMinutes(1));
    }

    private static Id<Resident> ResidentOf(WingCommand c) => new(1 + (c.A % 13)); // 12 residents, and one the list does not know

    private static Id<SamplingSite> SiteOf(TestingRound r, WingCommand c) => new(1 + (c.B % r.Sites.Count));

    private static TubeBarcode? BarcodeOf(TestingRound r, WingCommand c) =>
        r.Tubes.Count == 0 || c.B % 5 == 4 ? null : r.Tubes[c.B % r.Tubes.Count].Barcode;

    private static object RunRound(TestingRound r, WingCommand c, Actor by, Instant at) => c.Kind switch
    {
        0 => r.AddSite(new Id<Compound>(1 + (c.A % 2)), $"Site {c.B}", 1 + (c.B % 3), 30, by).Value,
        1 => r.Scan(ResidentOf(c), SiteOf(r, c), at, c.B % 2 == 0, by).Value,
        2 => r.SampleAtDoor(new Id<Household>(1 + (c.A % 11)), at, by).Value,
        3 => r.SampleIndividually(ResidentOf(c), at, by).Value,
        4 => r.MarkAway(ResidentOf(c), by).Value,
        5 => r.Exempt(ResidentOf(c), c.B % 2 == 0 ? "bedridden" : "in hospital", by).Value,
        6 => r.CloseSite(SiteOf(r, c), at, by).Value,
        7 => r.RecordResult(BarcodeOf(r, c) ?? new TubeBarcode("S1-R01-999999"), c.B % 3 == 0 ? TubeResult.Positive : TubeResult.Negative, at, by).Value,
        _ => r.RecordAntigen(ResidentOf(c), at, c.B % 4 == 0, by).Value,
    };

    // Where each command acts, read from the round's public data as docs/security.md describes it.
    private static (Permission, (int?, int?)[]?) ExpectRound(TestingRound r, WingCommand c)
    {
        (int?, int?)[] SiteCompound() => [(r.Sites[SiteOf(r, c).Value - 1].Compound.Value, null)];
        switch (c.Kind)
        {
            case 0:
                return (Permission.TestingRounds, [(1 + (c.A % 2), null)]);
            case 1:
                return (Permission.Testing, SiteCompound());
            case 2:
                return (Permission.Testing, PlaceOf(r.MustTest.Entries.FirstOrDefault(e => e.Household == new Id<Household>(1 + (c.A % 11)))));
            case 3 or 4 or 8:
                return (Permission.Testing, PlaceOf(r.MustTest.Find(ResidentOf(c))));
            case 5:
                return (Permission.TestingRounds, PlaceOf(r.MustTest.Find(ResidentOf(c))));
            case 6:
                return (Permission.TestingRounds, SiteCompound());
            default:
                if (BarcodeOf(r, c) is not { } barcode)
                {
                    return (Permission.TestResults, Everywhere);
                }

                var tube = r.Tubes.Single(t => t.Barcode == barcode);
                var compound = tube.Site is { } site ? r.Sites[site.Value - 1].Compound : r.MustTest.Find(tube.Members[0])!.Compound;
                return (Permission.TestResults, [(compound.Value, null)]);
        }
    }

    [Property]
    public void Stock_ledger_no_refused_command_changes_anything_and_a_permitted_one_is_judged_as_the_system_would((LedgerStep Step, Actor By)[] script, bool placed)
    {
        var clock = new FakeClock(Start);
        var community = CommunityOps.Seeded(clock);
        var ledger = StockLedger.Open(new CommunityDomain.Supplies.ItemKind("rice-5kg", "bag", 5000), clock);
        var commands = SuppliesGenerators.Script(script.Select(s => s.Step));
        RoleScripts.Check(
            ledger,
            l => StockLedger.Restore(l.ToState(), clock),
            l => l.ToState(),
            commands.Select((command, i) => new RoleStep<StockLedger>(
                $"{command}", script[i].By, (l, by) => l.Run(command, by, placed ? community : null).Value, l => ExpectLedger(l, command, placed ? community : null))),
            () => clock.AdvanceMinutes(1));
    }

    // A delivery acts at its household's building when the ledger is given the community; every other stock command over the whole community.
    private static (Permission, (int?, int?)[]?) ExpectLedger(StockLedger l, StockCommand command, Community? community)
    {
        if (command is not DeliverStock deliver)
        {
            return (Permission.Supplies, Everywhere);
        }

        var allocation = l.ToState().Allocations.FirstOrDefault(a => a.Id == deliver.Allocation.Value);
        if (community is null || allocation is null)
        {
            return (Permission.Deliveries, Everywhere);
        }

        var home = community.Get(new Id<Household>(allocation.HouseholdId));
        return (Permission.Deliveries, [(home.CompoundId.Value, home.BuildingId.Value)]);
    }

    [Property]
    public void Pass_gate_no_refused_record_changes_anything_and_a_permitted_one_is_judged_as_the_system_would(WingCommand[] script, PositiveInt where)
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(5));
        var policy = new PassPolicy(2, Duration.FromDays(1), Duration.FromHours(2), Duration.FromHours(12));
        var evening = Instant.FromUtc(2022, 8, 20, 10, 30);
        var office = PassOffice.Open(policy, keys, new FakeClock(evening));
        var codes = Enumerable.Range(1, 6)
            .Select(i => office.Issue(new PassRequest(new Id<Household>(i), ControlLevel.Controlled, evening - Duration.FromHours(1), evening + Duration.FromHours(i))).AsT0.Code)
            .Append("NOT-A-CODE").ToList();
        int? compound = where.Get % 3 == 0 ? null : where.Get % 3;
        var gate = compound is { } c ? new PassGate(keys.VerificationKeys(), policy, new Id<Compound>(c)) : new PassGate(keys.VerificationKeys(), policy);
        var clock = new FakeClock(evening);
        RoleScripts.Check(
            gate,
            g => PassGate.Restore(g.ToState(), keys.VerificationKeys(), policy),
            g => g.ToState(),
            script.Select(cmd => new RoleStep<PassGate>(cmd.ToString(), cmd.By, (g, by) => (cmd.Kind % 3) switch
            {
                0 => g.Exit(codes[cmd.A % codes.Count], clock.GetCurrentInstant(), by).Value,
                1 => g.Return(codes[cmd.A % codes.Count], clock.GetCurrentInstant(), by).Value,
                _ => g.LoadRevocations([new PassSerial(1 + (cmd.A % 8))], clock.GetCurrentInstant(), by).Value,
            }, _ => (Permission.GateRecords, [(compound, null)]))),
            () => clock.AdvanceMinutes(20));
    }
}
