using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.Passes;
using CommunityDomain.Supplies.Ledger;
using CommunityDomain.Tests.Communities;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Tests.MassTesting;
using CommunityDomain.Tests.Supplies;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Kernel;

/// <summary>
/// "A successful command raises the aggregate's version by exactly one; a failed one not at all", checked with the
/// one shared <see cref="CommandAtomicity"/> over generated command scripts for every aggregate. The community's
/// and the incidents' scripts run in <c>CommunityProperties</c> and <c>IncidentProperties</c> with the same check.
/// </summary>
public sealed class OneVersionPerCommandProperties
{
    private static readonly Instant Evening = Instant.FromUtc(2022, 8, 20, 10, 30);
    private static readonly PassPolicy TwoPerDay = new(2, Duration.FromDays(1), Duration.FromHours(2), Duration.FromHours(12));

    [Property(Arbitrary = [typeof(RoundScriptArbitraries)], MaxTest = 150)]
    public void A_testing_round_command_raises_the_version_once_or_not_at_all(RoundOp[] ops, PositiveInt seed)
    {
        var (fixture, round) = RoundProperties.Setup(seed.Get % 50);
        CommandAtomicity.Check(round, fixture.Clock, ops.Select(op => (Func<TestingRound, bool>)(r => op.Apply(fixture, r))), r => r.ToState());
    }

    [Property(MaxTest = 60)]
    public void A_testing_series_command_raises_the_version_once_or_not_at_all(NonNegativeInt[] days, PositiveInt seed)
    {
        // Days from two before the series to two after it: outside, inside, and repeated.
        var fixture = new RoundFixture(seed.Get % 20);
        var series = fixture.Series;
        var compounds = fixture.Community.Compounds.Select(c => c.Id).ToList();
        CommandAtomicity.Check(series, fixture.Clock, days.Select(d => (Func<TestingSeries, bool>)(s =>
            s.StartRound(MustTestList.From(fixture.Community, compounds, s.StartOf(s.FirstDay.PlusDays((d.Get % 9) - 2))), PoolingPolicy.Standard).IsT0)),
            s => s.ToState(), oneEvent: true);
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 150)]
    public void A_stock_ledger_command_raises_the_version_once_or_not_at_all(LedgerStep[] steps)
    {
        // Scripts replay and reuse command ids: a replay succeeds without change and must not raise the version.
        var clock = new FakeClock(LedgerSamples.T0);
        var ledger = StockLedger.Open(LedgerSamples.Rice, clock);
        CommandAtomicity.Check(ledger, clock, SuppliesGenerators.Script(steps).Select(c => (Func<StockLedger, bool>)(l => l.Run(c).IsT0)), l => l.ToState(), oneEvent: true);
    }

    [Property(MaxTest = 150)]
    public void A_pass_office_command_raises_the_version_once_or_not_at_all(bool quotaOfOne, NonNegativeInt[] ops)
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(3));
        var clock = new FakeClock(Evening);
        var office = PassOffice.Open(quotaOfOne ? PassPolicy.OnePersonEveryTwoDays : TwoPerDay, keys, clock);
        // A batch is one command: one version, one PassIssued per pass (so more than one event per change).
        CommandAtomicity.Check(office, clock, ops.Select(o => (Func<PassOffice, bool>)(p => OfficeCommand(p, o.Get))), p => p.ToState());
    }

    /// <summary>
    /// The gate device is an aggregate too (it reads no clock: each call is given the instant, here the test clock's):
    /// exits, returns and revocation loads over eight genuine codes, a forged one, known and new serials.
    /// </summary>
    [Property(MaxTest = 150)]
    public void A_pass_gate_command_raises_the_version_once_or_not_at_all(NonNegativeInt[] ops)
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(4));
        var clock = new FakeClock(Evening - Duration.FromMinutes(30));
        var office = PassOffice.Open(TwoPerDay, keys, new FakeClock(Evening));
        var codes = Enumerable.Range(1, 8)
            .Select(i => office.Issue(new PassRequest(new Id<Household>((i % 3) + 1), ControlLevel.Controlled, Evening - Duration.FromHours(1), Evening + Duration.FromHours(i * 3))))
            .Where(r => r.IsT0).Select(r => r.AsT0.Code).Append("NOT-A-CODE").ToList();
        var gate = new PassGate(keys.VerificationKeys(), TwoPerDay);
        CommandAtomicity.Check(gate, clock, ops.Select(o => (Func<PassGate, bool>)(g => GateCommand(g, clock, codes, o.Get))), g => g.ToState(), oneEvent: true);
    }

    /// <summary>Exit, return (with or without someone on duty) or a load of one to three serials, some already known.</summary>
    private static bool GateCommand(PassGate gate, FakeClock clock, List<string> codes, int op)
    {
        clock.Advance(Duration.FromMinutes(op / 7 % 300));
        var at = clock.GetCurrentInstant();
        var code = codes[op / 5 % codes.Count];
        return (op % 5) switch
        {
            0 => gate.Exit(code, at).IsT0,
            1 => gate.Exit(code, at, Actor.Of("gate.dongfang")).IsT0,
            2 => gate.Return(code, at).IsT0,
            3 => gate.Return(code, at, Actor.Of("gate.dongfang")).IsT0,
            _ => gate.LoadRevocations([.. Enumerable.Range(0, (op / 11 % 3) + 1).Select(i => new PassSerial((op / 13 % 10) + i + 1))], at).AsT0 > 0,
        };
    }

    /// <summary>A revoke (known or unknown serial), a request from one of four households at some hour, sometimes sealed or without a test, or a batch.</summary>
    private static bool OfficeCommand(PassOffice office, int op)
    {
        var kind = op % 10;
        var rest = op / 10;
        if (kind < 2)
        {
            return office.Revoke(new PassSerial((rest % (office.Issued.Count + 2)) + 1), "lost", Actor.Of("desk")).IsT0;
        }

        if (kind == 9)
        {
            // An evening's batch: up to six requests from the four households, some sealed, the same hour or the next.
            var requests = Enumerable.Range(0, rest % 7).Select(i => new PassRequest(
                new Id<Household>(((rest / 7) + i) % 4 + 1), (rest + i) % 5 == 0 ? ControlLevel.Sealed : ControlLevel.Controlled,
                Evening - Duration.FromHours(1), Evening + Duration.FromHours((rest / 3 + i) % 30)));
            return office.IssueBatch(requests, Actor.Of("desk")).Any(r => r.IsT0);
        }

        var from = Evening + Duration.FromHours(rest / 4 % 100);
        var request = new PassRequest(new Id<Household>((rest % 4) + 1), kind == 2 ? ControlLevel.Sealed : ControlLevel.Controlled, kind == 3 ? null : from - Duration.FromHours(1), from);
        return office.Issue(request, Actor.Of("desk")).IsT0;
    }
}
