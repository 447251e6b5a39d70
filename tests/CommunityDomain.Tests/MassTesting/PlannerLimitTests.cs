using CommunityDomain.Communities;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.MassTesting;

/// <summary>Regression examples for the crashes the lockdown generators found (issue 11), and the documented limits that replace them.</summary>
public sealed class PlannerLimitTests
{
    [Fact]
    public void DoorToDoor_households_of_int_max_people_do_not_overflow_the_work_sum()
    {
        // Was an OverflowException from a checked int sum of people in one building.
        var problem = new DoorToDoorProblem(new Position(0, 0), 1, Duration.FromMinutes(1), Duration.Epsilon, 1.0,
            [new DoorVisit(11, 4, new Position(100, 0), int.MaxValue), new DoorVisit(12, 4, new Position(100, 0), 1)]);
        var plan = DoorToDoorPlanner.Plan(problem);
        var route = Assert.Single(plan.Routes);
        Assert.Equal(2, route.Visits.Count);

        // 200 m at 1 m/s, two doors, (2^31) ns of swabbing.
        Assert.Equal(Duration.FromSeconds(200) + Duration.FromMinutes(2) + Duration.FromNanoseconds(int.MaxValue + 1L), route.Estimate, DurationWithin.Microsecond);
    }

    [Fact]
    public void DoorToDoorProblem_a_job_beyond_ten_years_is_rejected()
    {
        var far = new DoorVisit(1, 1, new Position(1e300, 0), 1);
        Assert.Equal("visits", Assert.Throws<ArgumentException>(() => new DoorToDoorProblem(new Position(-1e300, 0), 1, Duration.Zero, Duration.FromSeconds(1), 1, [far])).ParamName);
        var slow = new DoorVisit(1, 1, new Position(1000, 0), 1);
        Assert.Equal("visits", Assert.Throws<ArgumentException>(() => new DoorToDoorProblem(new Position(0, 0), 1, Duration.Zero, Duration.FromSeconds(1), 1e-9, [slow])).ParamName);
    }

    [Fact]
    public void StationsToFinishBy_a_shift_under_a_minute_is_rejected()
    {
        var problem = TestingGenerators.SmallProblemOf(1, 2, 1);
        Assert.Equal("shift", Assert.Throws<ArgumentException>(() => StationSizer.StationsToFinishBy(problem, problem.Start + Duration.FromHours(9), 10, Duration.FromSeconds(59))).ParamName);
    }

    [Fact]
    public void StationsToFinishBy_one_minute_shifts_count_samplers_without_overflow()
    {
        // Was an OverflowException (checked) / a wrapped count: shifts of 1e-11 minutes.
        var problem = TestingGenerators.SmallProblemOf(7, 3, 2);
        var sizing = StationSizer.StationsToFinishBy(problem, problem.Start + Duration.FromDays(30), 3, Duration.FromMinutes(1)).AsT0;
        var shifts = (long)Math.Ceiling((sizing.Plan.ExpectedFinish - problem.Start).TotalMinutes);
        Assert.Equal(sizing.StationsPerSite * 2L * Math.Max(1, shifts), sizing.Samplers);
    }

    [Fact]
    public void ServiceTimes_shorter_than_a_millisecond_are_rejected()
    {
        // A 1 ns service was 0 ticks in the queue model: one station then "served" a whole queue in one instant and the
        // independent replay saw 2,880 people waiting in a queue of 2,083 (found by the lockdown generators).
        Assert.Equal("qrCode", Assert.Throws<ArgumentException>(() => new ServiceTimes(Duration.Epsilon, Duration.FromSeconds(1), Duration.FromHours(1))).ParamName);
        Assert.Equal("typed", Assert.Throws<ArgumentException>(() => new ServiceTimes(Duration.FromSeconds(1), Duration.FromTicks(1), Duration.FromHours(1))).ParamName);
        Assert.Equal(Duration.FromMilliseconds(1), new ServiceTimes(Duration.FromMilliseconds(1), Duration.FromSeconds(1), Duration.FromHours(1)).QrCode);
    }

    [Fact]
    public void WavePlanner_millisecond_services_keep_the_replayed_queue_within_capacity()
    {
        var site = new SiteSpec(2, "S", new Position(0, 0), 1, 2083, Duration.Zero);
        var unit = new UnitLoad(1, "1", [new HouseholdLoad(7, 975_475_122, 1, 1, 2), new HouseholdLoad(8, -1_668_253_030, 1065, 0, 2), new HouseholdLoad(9, 1_868_863_503, 1810, 2, 0)]);
        var problem = new WaveProblem(Instant.FromUtc(7999, 12, 31, 23, 59), new ServiceTimes(Duration.FromMilliseconds(1), Duration.FromSeconds(1), Duration.FromHours(1)),
            [site], [new BuildingLoad(3, "3", new Position(-3e7, 3e8), [unit])]);
        var plan = WavePlanner.Plan(problem);
        Assert.All(QueueReplay.Replay(problem, plan), r => Assert.InRange(r.MaxQueue, 0, 2083));
    }

    [Fact]
    public void HouseholdLoad_counts_that_wrap_around_int_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new HouseholdLoad(1, 1, int.MaxValue, 2, 0));
        Assert.Throws<ArgumentException>(() => new HouseholdLoad(1, 1, 1_000_000, 1, 0));
        Assert.Equal(1_000_000, new HouseholdLoad(1, 1, 999_999, 0, 1).People);
    }

    [Fact]
    public void WaveProblem_a_start_too_late_for_the_calendar_or_too_many_people_is_rejected()
    {
        var site = new SiteSpec(1, "S", new Position(0, 0), 1, 1_000_000, Duration.Zero);
        Assert.Equal("start", Assert.Throws<ArgumentException>(() => new WaveProblem(Instant.FromUtc(8000, 1, 1, 0, 0), ServiceTimes.Typical, [site], [])).ParamName);
        var unit = new UnitLoad(1, "1", [.. Enumerable.Range(1, 11).Select(i => new HouseholdLoad(i, 1, 1_000_000, 0, 0))]);
        var tooMany = Assert.Throws<ArgumentException>(() => new WaveProblem(TestingGenerators.Start, ServiceTimes.Typical, [site], [new BuildingLoad(1, "1", new Position(0, 0), [unit])]));
        Assert.Equal("buildings", tooMany.ParamName);
        Assert.StartsWith($"More than {WaveProblem.MaxPeople} people in one problem.", tooMany.Message, StringComparison.Ordinal);
        var full = new UnitLoad(1, "1", [.. Enumerable.Range(1, 10).Select(i => new HouseholdLoad(i, 1, 1_000_000, 0, 0))]);
        Assert.Equal(WaveProblem.MaxPeople, new WaveProblem(TestingGenerators.Start, ServiceTimes.Typical, [site], [new BuildingLoad(1, "1", new Position(0, 0), [full])]).People);
    }

    [Fact]
    public void WavePlanner_a_start_late_in_year_7999_with_hour_long_service_plans_within_the_calendar()
    {
        var site = new SiteSpec(1, "S", new Position(0, 0), 1, 3000, Duration.FromHours(2));
        var unit = new UnitLoad(1, "1", [new HouseholdLoad(1, 1, 3000, 0, 0)]);
        var start = Instant.FromUtc(7999, 12, 31, 23, 59);
        var problem = new WaveProblem(start, new ServiceTimes(Duration.FromHours(1), Duration.FromHours(1), Duration.FromHours(1)), [site], [new BuildingLoad(1, "1", new Position(0, 0), [unit])]);
        Assert.Equal(start + Duration.FromHours(3002), WavePlanner.Plan(problem).ExpectedFinish);
    }

    private sealed class DurationWithin(Duration tolerance) : IEqualityComparer<Duration>
    {
        public static readonly DurationWithin Microsecond = new(Duration.FromNanoseconds(1000));

        public bool Equals(Duration x, Duration y) => Duration.Max(x - y, y - x) <= tolerance;

        public int GetHashCode(Duration obj) => 0;
    }
}
