using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.Passes;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Errors;
using CommunityDomain.Supplies.Ledger;
using CommunityDomain.Tests.Generators;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Kernel;

/// <summary>Handed cases of roles on the wings: one refusal per wing, with both languages, and the ledger's named result.</summary>
public sealed class WingRoleTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public void Scan_by_testing_staff_of_another_compound_is_refused_and_changes_nothing()
    {
        var clock = new FakeClock(CommunityOps.T0);
        var community = CommunityOps.Seeded(clock);
        var series = TestingSeries.Create(new Id<TestingSeries>(1), "Five days", new LocalDate(2022, 8, 18), 5, new LocalTime(5, 0), community.Zone, clock);
        var round = series.StartRound(MustTestList.From(community, community.Compounds.Select(c => c.Id), CommunityOps.T0), new PoolingPolicy(5, 1)).AsT0;
        var site = round.AddSite(new Id<Compound>(2), "South gate", 1, 20).AsT0;
        var staff = new Actor("testing.1", Role.TestingStaff, community.Get(new Id<Compound>(1)).Area);
        var resident = round.MustTest.WalkIns.First().Resident;
        var version = round.Version;

        var refused = round.Scan(resident, site.Id, CommunityOps.T0, by: staff);
        var noRound = series.StartRound(MustTestList.From(community, community.Compounds.Select(c => c.Id), CommunityOps.At(24)), new PoolingPolicy(5, 1), staff);

        var outside = Assert.IsType<NotPermitted>(refused.Value);
        Assert.True(outside.OutsideArea);
        Assert.Equal("testing.1 (testing staff, compound 1) may not act outside their area (take samples).", outside.MessageIn(En));
        Assert.Equal("testing.1（采样人员，小区 1）不能在其负责范围以外核酸采样。", outside.MessageIn(Zh));
        Assert.Equal(version, round.Version);
        Assert.Null(round.TubeOf(resident));
        var notRole = Assert.IsType<NotPermitted>(noRound.Value);
        Assert.False(notRole.OutsideArea);
        Assert.Equal(Permission.TestingRounds, notRole.Needed);
        Assert.Single(series.Rounds);
    }

    [Fact]
    public void Delivery_volunteer_delivers_in_their_building_only_and_a_stock_keeper_never_delivers()
    {
        var clock = new FakeClock(CommunityOps.T0);
        var community = CommunityOps.Seeded(clock);
        var home = community.Households[0];
        var ledger = StockLedger.Open(new ItemKind("rice-5kg", "bag", 5000), clock);
        var keeper = new Actor("stock.li", Role.StockKeeper, Area.WholeCommunity);
        Assert.True(ledger.Receive(CommandId.Of("r"), 5, by: keeper).Succeeded);
        Assert.True(ledger.Allocate(CommandId.Of("a"), home.Id, 2, keeper).Succeeded);
        var there = new Actor("runner.1", Role.DeliveryVolunteer, community.Get(home.BuildingId).Area);
        var elsewhere = new Actor("runner.2", Role.DeliveryVolunteer, new Area(AreaKind.Building, home.BuildingId.Value + 1));

        var keeperDelivers = ledger.Deliver(CommandId.Of("d"), CommandId.Of("a"), 1, keeper, community);
        var outside = ledger.Deliver(CommandId.Of("d"), CommandId.Of("a"), 1, elsewhere, community);
        var unplaced = ledger.Deliver(CommandId.Of("d"), CommandId.Of("a"), 1, there);
        Assert.Equal(2, ledger.Reserved);
        var delivered = ledger.Deliver(CommandId.Of("d"), CommandId.Of("a"), 1, there, community);

        Assert.False(keeperDelivers.Succeeded);
        Assert.False(Assert.IsType<NotPermitted>(keeperDelivers.Error).OutsideArea);
        Assert.Equal("kernel.not-permitted", keeperDelivers.ToString());
        Assert.True(Assert.IsType<NotPermitted>(outside.Error).OutsideArea);
        Assert.True(Assert.IsType<NotPermitted>(unplaced.Error).OutsideArea);
        Assert.True(delivered.Succeeded);
        Assert.Null(delivered.Error);
        Assert.Equal("success", delivered.ToString());
        Assert.Equal(1, ledger.Reserved);
        Assert.IsType<ConflictingReplay>(ledger.Deliver(CommandId.Of("d"), CommandId.Of("a"), 2, there, community).Value);
    }

    [Fact]
    public void Gate_of_a_compound_records_its_own_gate_duty_refuses_another_and_keeps_its_compound_when_restored()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(2));
        var policy = new PassPolicy(2, Duration.FromDays(1), Duration.FromHours(2), Duration.FromHours(12));
        var evening = Instant.FromUtc(2022, 8, 20, 10, 30);
        var office = PassOffice.Open(policy, keys, new FakeClock(evening));
        var code = office.Issue(new PassRequest(new Id<Household>(1), ControlLevel.Controlled, evening - Duration.FromHours(1))).AsT0.Code;
        var gate = new PassGate(keys.VerificationKeys(), policy, new Id<Compound>(2));
        var own = new Actor("gate.2", Role.GateDuty, new Area(AreaKind.Compound, 2));
        var other = new Actor("gate.1", Role.GateDuty, new Area(AreaKind.Compound, 1));

        var refused = gate.Exit(code, evening, other);
        var load = gate.LoadRevocations([new PassSerial(9)], evening, other);
        Assert.Equal(0, gate.Version);
        var went = gate.Exit(code, evening + Duration.FromMinutes(1), own);
        var restored = PassGate.Restore(gate.ToState(), keys.VerificationKeys(), policy);

        Assert.True(Assert.IsType<NotPermitted>(refused.Value).OutsideArea);
        Assert.Equal(Permission.GateRecords, load.AsT1.Needed);
        Assert.True(went.IsT0);
        Assert.Equal(new Id<Compound>(2), restored.Compound);
        Assert.True(restored.Return(code, evening + Duration.FromMinutes(30), other).IsT2);
        Assert.Null(new PassGate(keys.VerificationKeys(), policy).Compound);
        Assert.True(new PassGate(keys.VerificationKeys(), policy).Exit(code, evening, own).IsT2);
    }
}
