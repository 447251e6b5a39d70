using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.State;
using CommunityDomain.Tests.Communities;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>A dated round command whose time is its own (minutes from the round's start, shuffled), not the clock's.</summary>
public sealed record TimedRoundOp(int Kind, int A, int B, int Minutes)
{
    public static Gen<TimedRoundOp> Gen =>
        from kind in FsCheck.Fluent.Gen.Frequency((6, FsCheck.Fluent.Gen.Constant(0)), (2, FsCheck.Fluent.Gen.Constant(1)), (2, FsCheck.Fluent.Gen.Constant(2)),
            (3, FsCheck.Fluent.Gen.Constant(3)), (2, FsCheck.Fluent.Gen.Constant(4)), (1, FsCheck.Fluent.Gen.Constant(5)))
        from a in FsCheck.Fluent.Gen.Choose(0, 60)
        from b in FsCheck.Fluent.Gen.Choose(0, 5)
        from minutes in FsCheck.Fluent.Gen.Choose(-30, 600)
        select new TimedRoundOp(kind, a, b, minutes);

    /// <summary>The command each kind runs in <see cref="Apply"/> (5: away when B is even, else exempt).</summary>
    public static readonly IReadOnlyList<string> Names = ["Scan", "SampleAtDoor", "CloseSite", "RecordResult", "SampleIndividually", "AwayOrExempt"];

    /// <summary>The op as its command's name, indexes and time from the round's start (<see cref="StepText"/>): <c>Scan(3,0)@+45min</c>.</summary>
    public override string ToString() => StepText.Write(Names, Kind, Minutes, A, B);

    /// <summary>A script as text, one op a line, which <see cref="ParseAll"/> reads back.</summary>
    public static string Write(IEnumerable<TimedRoundOp> script) => string.Join('\n', script);

    /// <summary>Every dated op printed in <paramref name="text"/>, in order (a script from <see cref="Write"/> or a failure message holding one).</summary>
    public static TimedRoundOp[] ParseAll(string text) =>
        [.. StepText.ReadAll(text, Names, 2).Where(s => s.Minutes is not null).Select(s => new TimedRoundOp(s.Kind, s.Numbers[0], s.Numbers[1], s.Minutes!.Value))];

    /// <summary>Applies the op; true when the round command succeeded (the OneOf holds its first case).</summary>
    public bool Apply(TestingRound round)
    {
        var entries = round.MustTest.Entries;
        var resident = entries[A % entries.Count].Resident;
        var at = round.Start.Plus(Duration.FromMinutes(Minutes));
        switch (Kind)
        {
            case 0:
                return round.Scan(resident, round.Sites[B % round.Sites.Count].Id, at, assisted: B == 0).IsT0;
            case 1:
                return round.SampleAtDoor(entries[A % entries.Count].Household, at).IsT0;
            case 2:
                return round.CloseSite(round.Sites[B % round.Sites.Count].Id, at).IsT0;
            case 3:
                return round.Tubes.Count > 0 && round.RecordResult(round.Tubes[A % round.Tubes.Count].Barcode, (TubeResult)((B % 3) + 1), at).IsT0;
            case 4:
                var pending = round.PendingResamples;
                return round.SampleIndividually(pending.Count > 0 ? pending[A % pending.Count].Resident : resident, at).IsT0;
            default:
                return B % 2 == 0 ? round.MarkAway(resident).IsT0 : round.Exempt(resident, "in hospital").IsT0;
        }
    }
}

/// <summary>Dated round scripts of up to 60 ops that shrink by dropping ops (halves, then one fewer) and lowering numbers.</summary>
public static class TimedRoundArbitraries
{
    public static Arbitrary<TimedRoundOp[]> Scripts() => Arb.From(
        FsCheck.Fluent.Gen.Choose(0, 60).SelectMany(n => TimedRoundOp.Gen.ArrayOf(n)),
        ops => ScriptShrinkers.Shrink(ops, ScriptShrinkers.ShrinkTimedRoundOp));
}

/// <summary>
/// Issue 18 for the testing wing. Time moves forward per tube: no accepted sample precedes the tube's previous one, no
/// closing precedes the tube's or the site's last sample, no result precedes its tube's closing, no re-sample precedes the
/// result that called for it. Every scoped figure comes from its scope only: a compound's statistics and closure and a
/// building's closure equal a recount of that scope alone from the stored round.
/// </summary>
[Properties(Arbitrary = [typeof(TimedRoundArbitraries)], MaxTest = 150)]
public sealed class FactOrderAndScopeProperties
{
    private static (RoundFixture Fixture, TestingRound Round) Setup(int seed)
    {
        var (fixture, round) = RoundProperties.Setup(seed);
        _ = round.DequeueEvents();
        return (fixture, round);
    }

    private static Instant At(TestingRound round, int minutes) => round.Start.Plus(Duration.FromMinutes(minutes));

    [Fact]
    public void Scan_dated_before_the_open_tubes_last_sample_is_refused_and_changes_nothing()
    {
        var (_, round) = Setup(1);
        var walkIns = round.MustTest.WalkIns.Where(e => !e.KeyGroup).ToList();
        var tube = round.Scan(walkIns[0].Resident, round.Sites[0].Id, At(round, 60)).AsT0;
        var before = round.ToState();
        var events = round.PendingEvents.Count;

        var early = round.Scan(walkIns[1].Resident, round.Sites[0].Id, At(round, 59));

        Assert.True(early.IsT5, early.Value.ToString());
        Assert.Equal((tube.Barcode, At(round, 59), At(round, 60)), (early.AsT5.Tube, early.AsT5.RequestedAt, early.AsT5.LastChangeAt));
        Assert.Equal("testing.change-out-of-order", early.AsT5.Code);
        Assert.Contains("out of order", early.AsT5.MessageIn(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("顺序", early.AsT5.MessageIn(new CultureInfo("zh-CN")), StringComparison.Ordinal);
        Assert.Equal(before, round.ToState());
        Assert.Equal(events, round.PendingEvents.Count);
        Assert.True(round.Scan(walkIns[1].Resident, round.Sites[0].Id, At(round, 60)).IsT0);
    }

    [Fact]
    public void CloseSite_before_its_last_sample_is_refused_and_at_it_is_accepted()
    {
        var (_, round) = Setup(1);
        var entry = round.MustTest.WalkIns.First();
        var tube = round.Scan(entry.Resident, round.Sites[0].Id, At(round, 90)).AsT0;
        var before = round.ToState();

        var early = round.CloseSite(round.Sites[0].Id, At(round, 80));

        Assert.True(early.IsT1);
        Assert.Equal((tube.Barcode, At(round, 90)), (early.AsT1.Tube, early.AsT1.LastChangeAt));
        Assert.Equal(before, round.ToState());
        var closed = round.CloseSite(round.Sites[0].Id, At(round, 90)).AsT0;
        Assert.Equal([tube], closed.TubesClosed);
        Assert.Equal(At(round, 90), tube.ClosedAt);
    }

    [Fact]
    public void A_result_dated_before_its_tube_closed_is_refused_but_one_days_later_and_out_of_tube_order_is_accepted()
    {
        var (_, round) = Setup(1);
        foreach (var (entry, i) in round.MustTest.WalkIns.Select((e, i) => (e, i)))
        {
            _ = round.Scan(entry.Resident, round.Sites[0].Id, At(round, 10 + i));
        }

        _ = round.CloseSite(round.Sites[0].Id, At(round, 120)).AsT0;
        var first = round.Tubes[0];
        var last = round.Tubes.Last(t => t.ClosedAt == At(round, 120)); // closed with the site, after its last sample
        var before = round.ToState();

        var early = round.RecordResult(last.Barcode, TubeResult.Negative, At(round, 119));

        Assert.True(early.IsT4, early.Value.ToString());
        Assert.Equal(before, round.ToState());
        Assert.True(round.RecordResult(last.Barcode, TubeResult.Negative, At(round, 60 * 24 * 3)).IsT0);
        Assert.True(round.RecordResult(first.Barcode, TubeResult.Negative, At(round, 60 * 24)).IsT0); // another tube, earlier: late results come in any order
    }

    [Fact]
    public void A_resample_dated_before_the_result_that_called_for_it_is_refused()
    {
        var (_, round) = Setup(1);
        var entry = round.MustTest.WalkIns.First(e => e.KeyGroup); // key groups are pooled 1-in-1: the tube closes at once
        var tube = round.Scan(entry.Resident, round.Sites[0].Id, At(round, 30)).AsT0;
        Assert.True(round.RecordResult(tube.Barcode, TubeResult.Positive, At(round, 300)).IsT0);

        var early = round.SampleIndividually(entry.Resident, At(round, 299));

        Assert.True(early.IsT3, early.Value.ToString());
        Assert.Equal((tube.Barcode, At(round, 300)), (early.AsT3.Tube, early.AsT3.LastChangeAt));
        Assert.Single(round.PendingResamples);
        Assert.True(round.SampleIndividually(entry.Resident, At(round, 300)).IsT0);
    }

    [Fact]
    public void Statistics_of_a_compound_finish_at_its_own_last_sample_not_the_rounds()
    {
        // East's only sample at 06:00 (a walk-in), West's at 09:00 (a sealed household at its door).
        var (fixture, round) = Setup(1);
        var east = fixture.OpenCompound.Id;
        var west = fixture.SealedCompound.Id;
        var sixOClock = At(round, 60);
        var nineOClock = At(round, 240);
        Assert.Equal(new LocalTime(6, 0), sixOClock.InZone(RoundFixture.Zone).TimeOfDay);
        _ = round.Scan(round.MustTest.WalkIns.First(e => e.Compound == east).Resident, round.Sites[0].Id, sixOClock).AsT0;
        _ = round.SampleAtDoor(round.MustTest.Entries.First(e => e.Compound == west && e.Disposition == Disposition.DoorToDoor).Household, nineOClock).AsT0;

        Assert.Equal(sixOClock, round.Statistics(east).Finish);
        Assert.Equal(nineOClock, round.Statistics(west).Finish);
        Assert.Equal(nineOClock, round.Statistics().Finish);
        Assert.Null(round.Statistics(new Id<Compound>(99)).Finish);
    }

    [Property]
    public void No_accepted_fact_is_dated_before_the_fact_it_follows_for_the_same_tube(TimedRoundOp[] ops, PositiveInt seed)
    {
        var (fixture, round) = Setup(seed.Get % 50);
        CommandAtomicity.Check(round, fixture.Clock, ops.Select(op => (Func<TestingRound, bool>)op.Apply), r => r.ToState());

        // Recount from the stored round, not from the round's own bookkeeping.
        var state = round.ToState();
        foreach (var tube in state.Tubes)
        {
            var times = tube.SampledAt!;
            Assert.Equal(tube.Members.Count, times.Count);
            for (var i = 1; i < times.Count; i++)
            {
                Assert.True(times[i] >= times[i - 1], $"{tube.Barcode}: sample {i} at {times[i]} after one at {times[i - 1]}");
            }

            Assert.True(tube.ClosedAt is not { } closed || closed >= times[^1], $"{tube.Barcode} closed at {tube.ClosedAt} before its last sample {times[^1]}");
            Assert.True(tube.ResultAt is not { } result || result >= tube.ClosedAt!.Value, $"{tube.Barcode}: result at {tube.ResultAt} before closing at {tube.ClosedAt}");
            if (tube.PoolClass == PoolClass.Individual)
            {
                var called = state.Tubes.Single(t => t.PoolClass != PoolClass.Individual && t.Members.Contains(tube.Members[0]));
                Assert.True(times[0] >= called.ResultAt!.Value, $"{tube.Barcode}: re-sample at {times[0]} before the result at {called.ResultAt}");
            }
        }

        foreach (var site in state.Sites.Where(s => s.ClosedAt is not null))
        {
            Instant? latest = state.Tubes.Where(t => t.SiteId == site.Id).SelectMany(t => t.SampledAt!).Select(x => (Instant?)x).Max();
            Assert.True(latest is null || latest <= site.ClosedAt!.Value, $"site {site.Id} closed at {site.ClosedAt} before a sample at {latest}");
        }
    }

    [Property]
    public void Every_compounds_and_buildings_figures_equal_a_recount_of_that_scope_alone(TimedRoundOp[] ops, PositiveInt seed)
    {
        var (_, round) = Setup(seed.Get % 50);
        foreach (var op in ops)
        {
            _ = op.Apply(round);
        }

        var state = round.ToState();
        var compounds = state.MustTest.Entries.Select(e => e.CompoundId).Append(99).Distinct();
        foreach (var compound in compounds)
        {
            var id = new Id<Compound>(compound);
            var expected = Recount(state, e => e.CompoundId == compound, t => TubeCompound(state, t) == compound);
            Assert.Equal(expected.Statistics, round.Statistics(id));
            Assert.Equal(expected.Closure, Figures(round.Closure(id)));
        }

        foreach (var building in state.MustTest.Entries.Select(e => e.BuildingId).Distinct())
        {
            Assert.Equal(Recount(state, e => e.BuildingId == building, _ => false).Closure, Figures(round.Closure(new Id<Building>(building))));
        }

        // The whole round is the one scope holding everything.
        Assert.Equal(Recount(state, _ => true, _ => true).Statistics, round.Statistics());
    }

    private static (int Listed, int Tested, int Exempt, int Away, int Door, string Missing) Figures(CoverageClosure c) =>
        (c.Listed, c.Tested, c.Exempt, c.Away, c.DoorToDoorPending, string.Join(",", c.Missing.Select(m => m.Resident.Value)));

    private static int TubeCompound(TestingRoundState state, TubeState tube) =>
        tube.SiteId is { } site ? state.Sites.Single(s => s.Id == site).CompoundId : state.MustTest.Entries.Single(e => e.ResidentId == tube.Members[0]).CompoundId;

    /// <summary>The scope's figures counted from the stored round alone: its entries, their samples, its tubes.</summary>
    private static (RoundStatistics Statistics, (int, int, int, int, int, string) Closure) Recount(
        TestingRoundState state, Func<MustTestEntryState, bool> inScope, Func<TubeState, bool> tubeInScope)
    {
        var entries = state.MustTest.Entries.Where(inScope).ToList();
        var scope = entries.Select(e => e.ResidentId).ToHashSet();
        var firstSamples = state.Tubes.Where(t => t.PoolClass != PoolClass.Individual)
            .SelectMany(t => t.Members.Select((m, i) => (Resident: m, At: t.SampledAt![i]))).Where(x => scope.Contains(x.Resident)).ToList();
        var resamples = state.Tubes.Where(t => t.PoolClass == PoolClass.Individual && scope.Contains(t.Members[0])).ToList();
        var sampled = firstSamples.Select(x => x.Resident).ToHashSet();
        Disposition Now(MustTestEntryState e) => state.Excused.FirstOrDefault(x => x.ResidentId == e.ResidentId)?.Disposition ?? e.Disposition;
        var unsampled = entries.Where(e => !sampled.Contains(e.ResidentId)).ToList();
        int exempt = unsampled.Count(e => Now(e) == Disposition.Exempt), away = unsampled.Count(e => Now(e) == Disposition.Away);
        var tubes = state.Tubes.Where(tubeInScope).ToList();
        var times = firstSamples.Select(x => x.At).Concat(resamples.Select(t => t.SampledAt![0])).ToList();
        var statistics = new RoundStatistics(
            firstSamples.Count + resamples.Count, tubes.Count, tubes.Count(t => t.Result == TubeResult.Pending), entries.Count,
            sampled.Count + exempt + away, state.Assisted.Count(scope.Contains), times.Count == 0 ? null : times.Max());
        var closure = (entries.Count, sampled.Count, exempt, away, unsampled.Count(e => Now(e) == Disposition.DoorToDoor),
            string.Join(",", unsampled.Where(e => Now(e) == Disposition.WalkIn).Select(e => e.ResidentId)));
        return (statistics, closure);
    }
}
