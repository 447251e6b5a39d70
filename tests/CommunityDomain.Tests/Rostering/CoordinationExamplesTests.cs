using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using static CommunityDomain.Tests.Rostering.RosterExamples;

namespace CommunityDomain.Tests.Rostering;

public sealed class CoordinationExamplesTests
{
    [Fact]
    public void Swap_into_a_day_shift_after_ones_own_night_is_refused_for_rest()
    {
        // Worker 1 works N on Monday; worker 2 D on Tuesday. Swapping Tuesday puts 1 on D right after the night.
        var p = Problem();
        var verdict = RosterSwaps.Check(p, [A(1, 0, "N"), A(2, 1)], W(1), W(2), Monday.PlusDays(1));
        Assert.False(verdict.Accepted);
        Assert.Contains(RuleKind.Overlap, verdict.BrokenRules);
        Assert.NotEmpty(verdict.Reasons);
    }

    [Fact]
    public void Swap_same_day_between_free_workers_is_accepted()
    {
        var p = Problem();
        var verdict = RosterSwaps.Check(p, [A(1, 0), A(2, 1)], W(1), W(2), Monday);
        Assert.True(verdict.Accepted);
        Assert.Contains(A(2, 0), verdict.After.Assignments);
        Assert.DoesNotContain(A(1, 0), verdict.After.Assignments);
    }

    [Fact]
    public void Swap_moving_a_pinned_assignment_is_refused_even_when_rules_allow_it()
    {
        var p = Problem(pins: [A(1, 0)]);
        var verdict = RosterSwaps.Check(p, [A(1, 0), A(2, 1)], W(1), W(2), Monday);
        Assert.False(verdict.Accepted);
        Assert.Empty(verdict.BrokenRules);
        Assert.Equal([A(1, 0)], verdict.PinnedMoved);
        Assert.Contains("pinned", verdict.ToString(), StringComparison.Ordinal);
        Assert.True(RosterSwaps.Check(p, [A(1, 0), A(2, 1)], W(1), W(2), Monday.PlusDays(1)).Accepted);
    }

    [Fact]
    public void Swap_unknown_worker_is_rejected()
    {
        Assert.Throws<ArgumentException>("first", () => RosterSwaps.Check(Problem(), [], W(9), W(2), Monday));
        Assert.Throws<ArgumentException>("dates", () => RosterSwaps.Check(Problem(), [], W(1), W(2)));
    }

    [Fact]
    public void Dispatch_prefers_the_home_compound_and_skips_the_confined_and_the_resting()
    {
        var workers = new[]
        {
            new Worker(W(1), WorkerKind.Staff, Home),
            new Worker(W(2), WorkerKind.Staff, Other),
            new Worker(W(3), WorkerKind.ResidentVolunteer, Other, confinedTo: Other),
            new Worker(W(4), WorkerKind.Staff, Home),
        };
        var p = Problem(workers: workers, weights: new PreferenceWeights(ownCompound: 5, fairness: 0));
        // Worker 4 worked a night Monday that ends Tuesday 10:00: a Tuesday 09:00 need overlaps it.
        var ranking = RosterDispatch.Rank(p, [A(4, 0, "N")], Gate, Monday.PlusDays(1).At(new LocalTime(9, 0)), Duration.FromHours(4));
        Assert.Equal([W(1), W(2)], ranking.Candidates.Select(c => c.Worker));
        Assert.Equal(0, ranking.Best!.SoftChange);
        Assert.Equal(5, ranking.Candidates[1].SoftChange);
        Assert.Contains("OwnCompound", ranking.Candidates[1].Why, StringComparison.Ordinal);

        // Each candidate carries the duty it would take, the whole roster with it, and its soft change by rule.
        DispatchCandidate second = ranking.Candidates[1];
        Assert.Equal(second.Worker, second.Assignment.Worker);
        Assert.Equal(Gate, second.Assignment.Post);
        Assert.Contains(second.Assignment, second.Roster.Assignments);
        Assert.Equal(5, second.ChangeByRule[RuleKind.OwnCompound]);
        Assert.Equal(second.SoftChange, second.ChangeByRule.Values.Sum());
    }

    [Fact]
    public void Repair_sick_worker_hands_the_duty_over_and_notifies_both()
    {
        var p = Problem(demands: Demands(days: 3, required: 1, minimum: 1), days: 3);
        var published = new[] { A(1, 0), A(1, 1), A(2, 2) };
        var result = RosterRepair.Repair(p, published, new WorkerUnavailable(W(1), Monday.PlusDays(1)), FreezeAt.Options(10, Monday.PlusDays(1), iterationLimit: 500));
        Assert.Equal(0, result.Roster.Score.Hard);
        Assert.Contains(A(1, 0), result.Roster.Assignments);
        Assert.Contains(A(2, 1), result.Roster.Assignments);
        Assert.Equal(2, result.Changes);
        Assert.Equal([W(1), W(2)], result.Notices.Select(n => n.Worker));
        Assert.Equal([A(1, 1)], result.Notices[0].Removed);
        Assert.Equal([A(2, 1)], result.Notices[1].Added);
    }

    [Fact]
    public void Repair_change_reaching_into_the_past_is_rejected()
    {
        var p = Problem(days: 3);
        Assert.Throws<ArgumentException>("change", () =>
            RosterRepair.Repair(p, [A(1, 0)], new PostClosed(Gate, Monday), FreezeAt.Options(1, Monday.PlusDays(1))));
    }

    [Fact]
    public void Assignments_that_fit_no_cell_are_refused_at_the_boundary_naming_the_callers_parameter()
    {
        // The engine's mapper guards nothing; RosterProblem.CellsOf throws under the public parameter's name.
        var p = Problem();
        var unknown = Assert.Throws<ArgumentException>("assignments", () => RosterPlanner.Score(p, [A(9, 0)]));
        Assert.Contains("matches no worker, demand or date", unknown.Message, StringComparison.Ordinal);
        var second = Assert.Throws<ArgumentException>("assignments", () => RosterPlanner.Score(p, [A(1, 0), A(1, 0, "N")]));
        Assert.Contains("second shift that date", second.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("assignments", () => RosterExplanations.WhyShort(p, [A(9, 0)], Gate, Monday, "D"));
        Assert.Throws<ArgumentException>("published", () => RosterRepair.Repair(p, [A(9, 0)], null, FreezeAt.Options(1, Monday)));
        Assert.Throws<ArgumentException>("published", () =>
            RosterRepair.Repair(p, [A(9, 0)], new WorkerUnavailable(W(1), Monday.PlusDays(1)), FreezeAt.Options(1, Monday.PlusDays(1), iterationLimit: 10)));
    }

    [Fact]
    public void Why_short_names_the_busy_the_confined_and_the_free()
    {
        var workers = new[]
        {
            new Worker(W(1), WorkerKind.Staff, Home),
            new Worker(W(2), WorkerKind.ResidentVolunteer, Other, confinedTo: Other),
            new Worker(W(3), WorkerKind.Staff, Home),
        };
        var p = Problem(workers: workers, demands: Demands(required: 2));
        var reasons = RosterExplanations.WhyShort(p, [A(1, 0, "N")], Gate, Monday, "D");
        Assert.Equal(A(1, 0, "N"), reasons[0].OnDutyElsewhere);
        Assert.Equal([RuleKind.Confinement], reasons[1].BrokenRules);
        Assert.True(reasons[2].CouldHaveCovered);
        Assert.True(reasons[2].SoftChange < 0);
    }

    [Fact]
    public void Repair_raised_demand_adds_one_person_and_a_prohibitive_penalty_adds_nobody()
    {
        var p = Problem(demands: Demands(days: 3, required: 1), days: 3);
        var published = new[] { A(1, 0), A(1, 1), A(2, 2) };
        var change = new DemandRaised(Gate, Monday.PlusDays(1), "D", 2);
        var cheap = RosterRepair.Repair(p, published, change, FreezeAt.Options(1, Monday.PlusDays(1), iterationLimit: 300));
        Assert.Equal(1, cheap.Changes);
        Assert.Contains(A(2, 1), cheap.Roster.Assignments);
        var dear = RosterRepair.Repair(p, published, change, FreezeAt.Options(1_000, Monday.PlusDays(1), iterationLimit: 300));
        Assert.Equal(0, dear.Changes);
    }
}
