using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// <see cref="RosterRepair.Repair(RosterProblem, IEnumerable{RosterAssignment}, RosterChange?, RepairOptions, IProgress{PlannerProgress}?, CancellationToken)"/>:
/// progress, cancellation and a time limit, checked with the independent <see cref="RosterChecker"/>.
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterArbitraries) }, MaxTest = 25)]
public sealed class RepairStoppingProperties
{
    private const long Moves = 300;

    /// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them to a thread pool).</summary>
    private sealed class Reports : IProgress<PlannerProgress>
    {
        public List<PlannerProgress> All { get; } = [];

        public void Report(PlannerProgress value) => All.Add(value);
    }

    /// <summary>A time source that moves a fixed step each time it is read: elapsed time without a wall clock.</summary>
    private sealed class SteppingTime(long step) : TimeProvider
    {
        private long _now;

        public override long TimestampFrequency => 1_000;

        public override long GetTimestamp() => _now += step;
    }

    private static int Changes(IEnumerable<RosterAssignment> before, IEnumerable<RosterAssignment> after)
    {
        var a = before.ToHashSet();
        var b = after.ToHashSet();
        return a.Count(x => !b.Contains(x)) + b.Count(x => !a.Contains(x));
    }

    [Property]
    public bool With_an_iteration_limit_progress_and_a_live_token_change_nothing_and_repeat_exactly(PlantedProblem g, NonNegativeInt pick)
    {
        var (change, now) = RepairProperties.ChangeOf(g.Problem, pick.Get);
        var options = FreezeAt.Options(pick.Get % 100, now, seed: pick.Get % 7, iterationLimit: Moves);
        using var live = new CancellationTokenSource();

        var plain = RosterRepair.Repair(g.Problem, g.Planted, change, options);
        var first = RosterRepair.Repair(g.Problem, g.Planted, change, options, new Reports(), live.Token);
        var second = RosterRepair.Repair(g.Problem, g.Planted, change, options, new Reports(), live.Token);

        return plain.Roster.Assignments.SequenceEqual(first.Roster.Assignments) && first.Roster.Assignments.SequenceEqual(second.Roster.Assignments)
            && plain.Changes == first.Changes && plain.Candidates == first.Candidates;
    }

    [Property]
    public bool Progress_reports_never_get_worse_and_the_last_is_the_result(PlantedProblem g, NonNegativeInt pick)
    {
        var (change, now) = RepairProperties.ChangeOf(g.Problem, pick.Get);
        var penalty = pick.Get % 100;
        var reports = new Reports();

        var result = RosterRepair.Repair(g.Problem, g.Planted, change, FreezeAt.Options(penalty, now, iterationLimit: Moves), reports, CancellationToken.None);

        // Independent: the result rescored from scratch, its changes counted against the published roster.
        var check = RosterChecker.Check(result.Problem, result.Roster.Assignments);
        var objective = new ScorePart(check.Hard, check.Soft + (penalty * Changes(g.Planted, result.Roster.Assignments)));
        return reports.All.Count >= 1
            && reports.All.Zip(reports.All.Skip(1)).All(x => x.Second.Best < x.First.Best && x.Second.Iteration >= x.First.Iteration && x.Second.Elapsed >= x.First.Elapsed)
            && reports.All[^1].Best == objective
            && reports.All[0].Iteration == 0;
    }

    [Property]
    public bool A_cancelled_token_returns_a_repair_without_re_plans_that_still_keeps_the_rules(PlantedProblem g, NonNegativeInt pick)
    {
        var (change, now) = RepairProperties.ChangeOf(g.Problem, pick.Get);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var reports = new Reports();

        var result = RosterRepair.Repair(g.Problem, g.Planted, change, FreezeAt.Options(pick.Get % 100, now, iterationLimit: Moves), reports, cancelled.Token);

        // Documented: only the two local candidates (no fill, no re-plan), so nothing is added to the published
        // roster; the past and pins stay; nobody stays on a duty they cannot serve.
        var after = result.Roster.Assignments.ToHashSet();
        var pins = result.Problem.Pins.ToHashSet();
        return result.Candidates == 2
            && after.IsSubsetOf(g.Planted)
            && after.Where(a => a.Date < now).ToHashSet().SetEquals(g.Planted.Where(a => a.Date < now))
            && result.Roster.Assignments.All(a => a.Date < now || pins.Contains(a) || RepairProperties.CanServe(result.Problem, a))
            && RosterChecker.Check(result.Problem, result.Roster.Assignments).Hard == result.Roster.Score.Hard
            && reports.All.Count == 1 && reports.All[0].Iteration == 0;
    }

    [Property]
    public bool A_time_limit_shares_the_time_among_the_re_plans_and_still_keeps_the_rules(PlantedProblem g, NonNegativeInt pick, bool tight)
    {
        var (change, now) = RepairProperties.ChangeOf(g.Problem, pick.Get);
        // Each reading of the time moves 1 ms: a 5 ms limit runs out within the first re-plans, a 10 h one never.
        var options = new RepairOptions(pick.Get % 100, FreezeAt.Midnight(now), DateTimeZone.Utc, iterationLimit: Moves)
        {
            TimeLimit = tight ? Duration.FromMilliseconds(5) : Duration.FromHours(10),
            TimeProvider = new SteppingTime(1),
        };

        var result = RosterRepair.Repair(g.Problem, g.Planted, change, options, null, CancellationToken.None);

        var after = result.Roster.Assignments.ToHashSet();
        var pins = result.Problem.Pins.ToHashSet();
        return after.Where(a => a.Date < now).ToHashSet().SetEquals(g.Planted.Where(a => a.Date < now))
            && result.Problem.Pins.All(after.Contains)
            && result.Roster.Assignments.All(a => a.Date < now || pins.Contains(a) || RepairProperties.CanServe(result.Problem, a))
            && RosterChecker.Check(result.Problem, result.Roster.Assignments).Hard == result.Roster.Score.Hard
            && (tight ? result.Candidates < RosterRepair.Repair(g.Problem, g.Planted, change, FreezeAt.Options(pick.Get % 100, now, iterationLimit: Moves)).Candidates : true);
    }

    [Fact]
    public void A_time_limit_that_is_not_positive_is_refused_naming_it()
    {
        Assert.Equal("TimeLimit", Assert.ThrowsAny<ArgumentException>(() => new RepairOptions(1) { TimeLimit = Duration.Zero }).ParamName);
    }
}
