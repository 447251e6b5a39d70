using CommunityDomain.MassTesting;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>A round command with small indexes, so sequences hit valid and invalid targets alike.</summary>
public sealed record RoundOp(int Kind, int A, int B)
{
    public static Gen<RoundOp> Gen =>
        from kind in FsCheck.Fluent.Gen.Choose(0, 10)
        from a in FsCheck.Fluent.Gen.Choose(0, 60)
        from b in FsCheck.Fluent.Gen.Choose(0, 5)
        select new RoundOp(kind, a, b);

    /// <summary>
    /// The command each kind runs in <see cref="Apply"/>: 0 and 1 scan (two kinds, so scans are a larger share of a
    /// script), 7 (and any other number) waits A + 1 minutes on the clock.
    /// </summary>
    public static readonly IReadOnlyList<string> Names =
        ["Scan", "ScanAlso", "SampleAtDoor", "MarkAway", "Exempt", "CloseSite", "RecordResult", "Wait", "SampleIndividually", "MoveHouse", "RecordAntigen"];

    /// <summary>The op as its command's name and indexes (<see cref="StepText"/>): <c>CloseSite(0,4)</c>.</summary>
    public override string ToString() => StepText.Write(Names, Kind, null, A, B);

    /// <summary>A script as text, one op a line, which <see cref="ParseAll"/> reads back.</summary>
    public static string Write(IEnumerable<RoundOp> script) => string.Join('\n', script);

    /// <summary>Every op printed in <paramref name="text"/>, in order (a script from <see cref="Write"/> or a failure message holding one).</summary>
    public static RoundOp[] ParseAll(string text) =>
        [.. StepText.ReadAll(text, Names, 2).Select(s => new RoundOp(s.Kind, s.Numbers[0], s.Numbers[1]))];

    /// <summary>Applies the op; true when it was a round command that succeeded (the OneOf holds its first case).</summary>
    public bool Apply(RoundFixture fixture, TestingRound round)
    {
        var entries = round.MustTest.Entries;
        var resident = entries[A % entries.Count].Resident;
        var at = fixture.Clock.GetCurrentInstant();
        switch (Kind)
        {
            case 0:
            case 1:
                return round.Scan(resident, round.Sites[B % round.Sites.Count].Id, at, assisted: B == 0).IsT0;
            case 2:
                return round.SampleAtDoor(entries[A % entries.Count].Household, at).IsT0;
            case 3:
                return round.MarkAway(resident).IsT0;
            case 4:
                // Two reasons, so a second exemption sometimes replaces the reason and sometimes repeats it.
                return round.Exempt(resident, B % 2 == 0 ? "hospitalised" : "quarantined in a hotel").IsT0;
            case 5:
                return round.CloseSite(round.Sites[B % round.Sites.Count].Id, at).IsT0;
            case 6:
                return round.Tubes.Count > 0 && round.RecordResult(round.Tubes[A % round.Tubes.Count].Barcode, (TubeResult)((B % 3) + 1), at).IsT0;
            case 8:
                var pending = round.PendingResamples;
                return round.SampleIndividually(pending.Count > 0 && B > 0 ? pending[A % pending.Count].Resident : resident, at).IsT0;
            case 9:
                // A resident moves house in the community after the round started: the list stays as it was.
                _ = fixture.Community.MoveResident(resident, fixture.Community.Households[(A + B) % fixture.Community.Households.Count].Id, at);
                return false;
            case 10:
                _ = round.RecordAntigen(resident, at, positive: B == 0);
                return true;
            default:
                fixture.Clock.Advance(Duration.FromMinutes(A + 1));
                return false;
        }
    }
}

public static class RoundArbitraries
{
    public static Arbitrary<RoundOp[]> Ops() => Arb.From(RoundOp.Gen.ArrayOf(), ops => ScriptShrinkers.Shrink(ops, ScriptShrinkers.ShrinkRoundOp));
}

/// <summary>Round scripts of up to 60 ops that shrink by dropping ops and lowering indexes, so a counterexample is a short script.</summary>
public static class RoundScriptArbitraries
{
    public static Arbitrary<RoundOp[]> Scripts() => Arb.From(
        FsCheck.Fluent.Gen.Choose(0, 60).SelectMany(n => RoundOp.Gen.ArrayOf(n)),
        ops => ScriptShrinkers.Shrink(ops, ScriptShrinkers.ShrinkRoundOp));
}

[Properties(Arbitrary = [typeof(RoundArbitraries)], MaxTest = 100)]
public sealed class RoundProperties
{
    internal static (RoundFixture Fixture, TestingRound Round) Setup(int seed)
    {
        var fixture = new RoundFixture(seed);
        var round = fixture.StartRound(policy: new PoolingPolicy(5, 1),
            keyGroups: fixture.Community.Residents.Where(r => r.Id.Value % 4 == 0).Select(r => r.Id).ToHashSet());
        _ = round.AddSite(fixture.OpenCompound.Id, "A", 2, 50).AsT0;
        _ = round.AddSite(fixture.OpenCompound.Id, "B", 1, 20).AsT0;
        return (fixture, round);
    }

    private static void AssertClosureIdentity(CoverageClosure c) =>
        Assert.Equal(c.Listed, c.Tested + c.Exempt + c.Away + c.DoorToDoorPending + c.Missing.Count);

    [Property]
    public void The_closure_identity_holds_after_any_sequence_of_scans_exemptions_moves_and_late_results(RoundOp[] ops, PositiveInt seed)
    {
        var (fixture, round) = Setup(seed.Get % 50);
        var listed = round.MustTest.Entries.Count;
        foreach (var op in ops)
        {
            _ = op.Apply(fixture, round);
            var whole = round.Closure();
            AssertClosureIdentity(whole);
            Assert.Equal(listed, whole.Listed);
            var byCompound = fixture.Community.Compounds.Select(c => round.Closure(c.Id)).ToList();
            byCompound.ForEach(AssertClosureIdentity);
            Assert.Equal(whole.Tested, byCompound.Sum(c => c.Tested));
            Assert.Equal(whole.Missing.Count, byCompound.Sum(c => c.Missing.Count));
            foreach (var building in round.MustTest.Entries.Select(e => e.Building).Distinct())
            {
                AssertClosureIdentity(round.Closure(building));
            }

            // Tested is exactly who sits in a tube, counted once.
            var inTubes = round.Tubes.Where(t => t.PoolClass != PoolClass.Individual).SelectMany(t => t.Members).ToList();
            var resampled = round.Tubes.Where(t => t.PoolClass == PoolClass.Individual).SelectMany(t => t.Members).ToList();
            Assert.Equal(inTubes.Count, inTubes.Distinct().Count());
            Assert.Equal(resampled.Count, resampled.Distinct().Count());
            Assert.Equal(inTubes.Count, whole.Tested);
            Assert.Equal(inTubes.Count + resampled.Count, round.Statistics().Tests);
            Assert.All(resampled, r => Assert.Contains(r, round.Resamples.Select(x => x.Resident)));
            Assert.All(whole.Missing, m => Assert.Null(round.TubeOf(m.Resident)));

            // A closed site leaves no open tube behind.
            Assert.All(round.Sites.Where(s => s.ClosedAt is not null), s => Assert.All(round.Tubes.Where(t => t.Site == s.Id), t => Assert.True(t.IsClosed)));
        }
    }

    [Property]
    public void Scanning_twice_never_changes_counts(RoundOp[] ops, PositiveInt seed)
    {
        var (fixture, round) = Setup(seed.Get % 50);
        foreach (var op in ops)
        {
            _ = op.Apply(fixture, round);
        }

        foreach (var sampled in round.Tubes.SelectMany(t => t.Members).ToList())
        {
            var before = (round.Closure().ToString(), round.Statistics(), round.Version, round.Tubes.Count);
            var again = round.Scan(sampled, round.Sites[0].Id, fixture.Clock.GetCurrentInstant());
            Assert.True(again.IsT2, "a second scan is reported as AlreadySampled");
            Assert.Equal(before, (round.Closure().ToString(), round.Statistics(), round.Version, round.Tubes.Count));
        }
    }

    [Property]
    public void Pooled_tubes_never_exceed_k_and_a_household_tube_holds_exactly_that_household(RoundOp[] ops, PositiveInt seed)
    {
        var (fixture, round) = Setup(seed.Get % 50);
        foreach (var op in ops)
        {
            _ = op.Apply(fixture, round);
        }

        Assert.Equal(round.Tubes.Count, round.Tubes.Select(t => t.Barcode).Distinct().Count());
        foreach (var tube in round.Tubes)
        {
            if (tube.PoolClass == PoolClass.Household)
            {
                var home = tube.Household!.Value;
                var due = round.MustTest.Entries.Where(e => e.Household == home && e.Disposition == Disposition.DoorToDoor).Select(e => e.Resident).ToList();
                Assert.All(tube.Members, m => Assert.Contains(m, due));
                Assert.All(due.Where(d => round.TubeOf(d) != tube), d => Assert.Contains(round.StatusOf(d), new CoverageStatus?[] { CoverageStatus.Exempt, CoverageStatus.Away }));
            }
            else if (tube.PoolClass == PoolClass.Individual)
            {
                var only = Assert.Single(tube.Members);
                Assert.Contains(only, round.Resamples.Select(r => r.Resident));
                Assert.True(tube.IsClosed);
            }
            else
            {
                var k = round.Policy.SizeFor(tube.PoolClass);
                Assert.InRange(tube.Members.Count, 1, k);
                Assert.True(tube.Members.Count < k || tube.IsClosed, "a full tube is closed");
                Assert.All(tube.Members, m => Assert.Equal(tube.PoolClass == PoolClass.KeyGroup, round.MustTest.Find(m)!.KeyGroup));
            }
        }
    }

    [Property]
    public void A_positive_or_invalid_tubes_resample_list_is_exactly_its_members(RoundOp[] ops, PositiveInt seed)
    {
        var (fixture, round) = Setup(seed.Get % 50);
        foreach (var op in ops)
        {
            _ = op.Apply(fixture, round);
        }

        var expected = round.Tubes.Where(t => t.PoolClass != PoolClass.Individual && t.Result is TubeResult.Positive or TubeResult.Invalid)
            .SelectMany(t => t.Members.Select(m => (m, t.Barcode))).ToList();
        Assert.Equal(expected, round.Resamples.Select(r => (r.Resident, r.Tube)).ToList());
        var flagged = round.Tubes.Where(t => t.Result == TubeResult.Positive).SelectMany(t => t.Members)
            .Select(m => round.MustTest.Find(m)!.Household).Distinct().Order().ToList();
        Assert.Equal(flagged, round.FlaggedHouseholds);
    }
}
