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
        CommandAtomicity.Check(ledger, clock, SuppliesGenerators.Script(steps).Select(c => (Func<StockLedger, bool>)(l => l.Execute(c).IsT0)), l => l.ToState(), oneEvent: true);
    }

    [Property(MaxTest = 150)]
    public void A_pass_office_command_raises_the_version_once_or_not_at_all(bool quotaOfOne, NonNegativeInt[] ops)
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(3));
        var clock = new FakeClock(Evening);
        var office = PassOffice.Open(quotaOfOne ? PassPolicy.OnePersonEveryTwoDays : TwoPerDay, keys, clock);
        CommandAtomicity.Check(office, clock, ops.Select(o => (Func<PassOffice, bool>)(p => OfficeCommand(p, o.Get))), p => p.ToState(), oneEvent: true);
    }

    /// <summary>
    /// The gate device is not an aggregate (it has no version and raises no events: it never reads a clock and only
    /// records what it saw), so its share of the rule is the atomic half: a refused scan leaves it exactly as it was,
    /// an accepted exit records exactly one exit and an accepted return closes exactly one.
    /// </summary>
    [Property(MaxTest = 150)]
    public void A_pass_gate_scan_changes_the_gate_exactly_when_accepted(NonNegativeInt[] ops)
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(4));
        var office = PassOffice.Open(TwoPerDay, keys, new FakeClock(Evening));
        var codes = Enumerable.Range(1, 8)
            .Select(i => office.Issue(new PassRequest(new Id<Household>((i % 3) + 1), ControlLevel.Controlled, Evening - Duration.FromHours(1), Evening + Duration.FromHours(i * 3))))
            .Where(r => r.IsT0).Select(r => r.AsT0.Code).Append("NOT-A-CODE").ToList();
        var gate = new PassGate(keys.VerificationKeys(), TwoPerDay);
        gate.LoadRevocations([new PassSerial(2)]);
        foreach (var op in ops.Select(o => o.Get))
        {
            var code = codes[op / 2 % codes.Count];
            var at = Evening + Duration.FromMinutes(op / 7 % 3000);
            var before = gate.ToState();
            var exit = op % 2 == 0;
            var accepted = exit ? gate.Exit(code, at).IsT0 : gate.Return(code, at).IsT0;
            var after = gate.ToState();
            if (!accepted)
            {
                Assert.Equal(before, after);
            }
            else if (exit)
            {
                Assert.Equal(before.Exits, after.Exits.Take(before.Exits.Count));
                Assert.Equal(before.Exits.Count + 1, after.Exits.Count);
            }
            else
            {
                Assert.Equal(before.Exits.Count, after.Exits.Count);
                Assert.Equal(1, before.Exits.Zip(after.Exits).Count(x => x.First != x.Second));
                Assert.Equal(before.Exits.Count(e => e.Returned) + 1, after.Exits.Count(e => e.Returned));
            }
        }
    }

    /// <summary>A revoke (known or unknown serial) or a request from one of four households at some hour, sometimes sealed or without a test.</summary>
    private static bool OfficeCommand(PassOffice office, int op)
    {
        var kind = op % 10;
        var rest = op / 10;
        if (kind < 2)
        {
            return office.Revoke(new PassSerial((rest % (office.Issued.Count + 2)) + 1), "lost", Actor.Of("desk")).IsT0;
        }

        var from = Evening + Duration.FromHours(rest / 4 % 100);
        var request = new PassRequest(new Id<Household>((rest % 4) + 1), kind == 2 ? ControlLevel.Sealed : ControlLevel.Controlled, kind == 3 ? null : from - Duration.FromHours(1), from);
        return office.Issue(request, Actor.Of("desk")).IsT0;
    }
}
