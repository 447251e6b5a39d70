using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>
/// Issue 11, "the whole kind": every mass-testing planner answers every problem its constructors accept
/// (lockdown-shaped: empty, one huge building, tight queues, identical, limits) without an exception, and the
/// answer passes a light independent check.
/// </summary>
[Properties(Arbitrary = [typeof(LockdownPlannerArbitraries)], MaxTest = 120)]
public sealed class PlannerNoCrashProperties
{
    [Property]
    public void The_wave_planner_answers_every_accepted_problem(WaveCase c)
    {
        var problem = c.Problem;
        var plan = WavePlanner.Plan(problem);
        var called = plan.Sites.SelectMany(s => s.Calls).SelectMany(x => x.Households).Select(h => h.HouseholdId).Order();
        Assert.Equal(problem.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Households).Select(h => h.HouseholdId).Order(), called);
        Assert.True(plan.ExpectedFinish >= plan.LowerBound && plan.LowerBound >= problem.Start);
        var replayed = QueueReplay.Replay(problem, plan);
        Assert.Equal(replayed.Select(r => r.Finish).Append(problem.Start).Max(), plan.ExpectedFinish);
        Assert.All(replayed, r => Assert.True(r.MaxQueue <= problem.Sites.Single(s => s.SiteId == r.SiteId).QueueCapacity));
    }

    [Property]
    public void The_door_to_door_planner_answers_every_accepted_problem(DoorCase c)
    {
        var plan = DoorToDoorPlanner.Plan(c.Problem);
        Assert.Equal(c.Problem.Visits.Select(v => v.HouseholdId).Order(), plan.Routes.SelectMany(r => r.Visits).Select(v => v.HouseholdId).Order());
        Assert.True(plan.Routes.Count <= c.Problem.Teams);
        Assert.All(plan.Routes, r => Assert.NotEmpty(r.Visits));
        Assert.All(plan.Routes, r => Assert.True(r.Estimate >= Duration.Zero));
    }

    [Property(MaxTest = 60)]
    public void The_station_sizer_answers_every_accepted_request(SizerCase c)
    {
        var problem = c.Wave.Problem;
        var deadline = problem.Start + c.DeadlineAfterStart;
        var result = StationSizer.StationsToFinishBy(problem, deadline, c.MaxStations, c.Shift);
        result.Switch(
            sizing =>
            {
                Assert.InRange(sizing.StationsPerSite, 1, c.MaxStations);
                Assert.True(sizing.Plan.ExpectedFinish <= deadline);

                // Samplers recomputed in wide arithmetic: stations x sites x shifts of at most the shift length.
                var shifts = Math.Max(1, (long)Math.Ceiling((sizing.Plan.ExpectedFinish - problem.Start).TotalTicks / c.Shift.TotalTicks));
                Assert.Equal(sizing.StationsPerSite * (long)problem.Sites.Count * shifts, sizing.Samplers);
            },
            unreachable =>
            {
                Assert.Equal(c.MaxStations, unreachable.MaxStations);
                Assert.True(unreachable.BestFinish > deadline);
            });
    }

    [Property(MaxTest = 300)]
    public void Pool_advice_answers_every_prevalence_and_allowed_sizes(PoolCase c)
    {
        var advice = PoolAdvice.Best(c.Prevalence, c.Sizes);
        var sizes = c.Sizes ?? [1, 5, 10, 20];
        Assert.Contains(advice.PoolSize, sizes);
        var best = sizes.Min(k => k == 1 ? 1.0 : (1.0 / k) + 1.0 - Math.Pow(1.0 - c.Prevalence, k));
        Assert.Equal(best, advice.ExpectedTestsPerPerson);
    }
}
