using CommunityDomain.Communities;
using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Tests.Communities;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using NodaTime.Testing;
using Interval = NodaTime.Interval;

namespace CommunityDomain.Tests.Rostering;

/// <summary>Resolving an incident yields the change that lowers the demand its report raised, for the shifts after it.</summary>
public sealed class IncidentLowersDemandTests
{
    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly LocalDate Start = new(2022, 8, 18);

    /// <summary>The seeded community's Gate A (compound 1) on three 8-hour shifts for a week (exactly one guard each, at least one), twelve workers, a planned roster.</summary>
    private static (RosterProblem Problem, IReadOnlyList<RosterAssignment> Roster, Post Gate) GateWeek(Community community)
    {
        var gate = community.PostsOf(new Id<Compound>(1)).First(p => p.Kind == PostKind.Gate);
        ShiftDefinition[] shifts =
        [
            new("N", new LocalTime(0, 0), Duration.FromHours(8)), new("D", new LocalTime(8, 0), Duration.FromHours(8)),
            new("E", new LocalTime(16, 0), Duration.FromHours(8)),
        ];
        var horizon = new DateInterval(Start, Start.PlusDays(6));
        var demands = horizon.SelectMany(d => shifts.Select(s => new Demand(gate.Id, gate.CompoundId, d, s.Code, 1, minimum: 1)));
        var workers = Enumerable.Range(1, 12).Select(i => new Worker(new Id<Worker>(i), WorkerKind.PartyMemberVolunteer, gate.CompoundId));
        var problem = RosterProblem.Create(horizon, shifts, demands, workers);
        return (problem, RosterPlanner.Plan(problem, new PlannerOptions(seed: 1, iterationLimit: 2_000)).AsT0.Assignments, gate);
    }

    private static Instant At(LocalDate date, int hour) => date.At(new LocalTime(hour, 0)).InZoneStrictly(Beijing).ToInstant();

    private static string Fields(Demand d) => $"{d.Post} {d.Date} {d.ShiftCode} {d.Qualification} {d.Required} {d.Minimum} {d.Maximum} {d.UnderWeight} {d.OverWeight}";

    [Fact]
    public void Report_then_resolve_brings_the_demand_back_and_repair_releases_the_extra_guard()
    {
        var clock = new FakeClock(At(Start.PlusDays(2), 9));
        var community = IncidentArbitraries.Seeded(clock);
        var (problem, published, gate) = GateWeek(community);

        // 10:00 on the 20th the gate motor fails: one more guard on every shift from then on (the window is open).
        var incident = community.ReportIncident(gate.Id, IncidentKind.GateFailure, At(Start.PlusDays(2), 10), 1, "gate motor failed", Actor.Of("dongfang.head")).AsT0;
        var raised = RosterRepair.Repair(problem, published, IncidentRaisesDemand.From(incident, Beijing), FreezeAt.Options(50, Start.PlusDays(2), seed: 1, iterationLimit: 2_000));
        Assert.All(raised.Problem.Demands.Where(d => d.Date > Start.PlusDays(2)), d => Assert.Equal((2, (int?)2, (int?)null), (d.Required, d.Minimum, d.Maximum)));

        // Repaired at 13:00 on the 22nd: the shifts from 16:00 that day on need one guard again.
        clock.Reset(At(Start.PlusDays(4), 13));
        Assert.True(community.ResolveIncident(incident.Id, At(Start.PlusDays(4), 13), new IncidentCost(380m, "two residents")).IsT0);
        var change = IncidentLowersDemand.From(incident, Beijing);
        var lowered = RosterRepair.Repair(raised.Problem, raised.Roster.Assignments, change, FreezeAt.Options(50, Start.PlusDays(4), seed: 1, iterationLimit: 2_000));

        // Shifts that start after the resolution are back to the original; those it overlapped keep the extra guard,
        // exactly as the closed incident's raise gives them.
        var shiftStart = problem.Shifts.ToDictionary(s => s.Code, s => s.Start);
        foreach (var (original, now) in problem.Demands.Zip(lowered.Problem.Demands))
        {
            var starts = original.Date.At(shiftStart[original.ShiftCode]).InZoneStrictly(Beijing).ToInstant();
            var overlapped = starts + Duration.FromHours(8) > incident.ReportedAt && starts < incident.ResolvedAt!.Value;
            Assert.Equal(overlapped ? original.Required + 1 : original.Required, now.Required);
            Assert.Equal(overlapped ? original.Maximum + 1 : original.Maximum, now.Maximum);
            Assert.Equal(overlapped ? original.Minimum + 1 : original.Minimum, now.Minimum);
        }

        Assert.Equal(problem.Demands.Where(d => d.Date >= Start.PlusDays(5)).Select(Fields), lowered.Problem.Demands.Where(d => d.Date >= Start.PlusDays(5)).Select(Fields));
        var closed = IncidentRaisesDemand.From(incident, Beijing).ApplyTo(problem);
        Assert.Equal(closed.Demands.Select(Fields), lowered.Problem.Demands.Select(Fields));

        // The repair fed the lowering keeps one guard per shift after the resolution (the second comes off) and
        // never touches the days before it.
        var after = lowered.Roster.Assignments;
        Assert.True(lowered.Roster.Score.IsFeasible);
        Assert.All(lowered.Problem.Demands.Where(d => d.Date >= Start.PlusDays(5)),
            d => Assert.Equal(1, after.Count(a => a.Post == d.Post && a.Date == d.Date && a.ShiftCode == d.ShiftCode)));
        Assert.Equal(raised.Roster.Assignments.Where(a => a.Date < Start.PlusDays(4)).ToHashSet(), after.Where(a => a.Date < Start.PlusDays(4)).ToHashSet());
    }

    [Fact]
    public void From_an_open_incident_or_with_nonsense_throws_naming_the_parameter()
    {
        var community = IncidentArbitraries.Seeded(new FakeClock(At(Start, 9)));
        var gate = community.PostsOf(new Id<Compound>(1))[0];
        var open = community.ReportIncident(gate.Id, IncidentKind.GateFailure, At(Start, 10), 1, "gate motor failed").AsT0;
        var window = new Interval(At(Start, 10), At(Start, 13));

        Assert.Equal("incident", Assert.ThrowsAny<ArgumentException>(() => IncidentLowersDemand.From(open, Beijing)).ParamName);
        Assert.Equal("window", Assert.ThrowsAny<ArgumentException>(() => new IncidentLowersDemand(gate.Id, new Interval(At(Start, 10), null), 1, Beijing)).ParamName);
        Assert.Equal("extra", Assert.ThrowsAny<ArgumentException>(() => new IncidentLowersDemand(gate.Id, window, 0, Beijing)).ParamName);
        Assert.Equal("post", Assert.ThrowsAny<ArgumentException>(() => new IncidentLowersDemand(default, window, 1, Beijing)).ParamName);
        Assert.Equal("zone", Assert.ThrowsAny<ArgumentException>(() => new IncidentLowersDemand(gate.Id, window, 1, null!)).ParamName);
    }

    /// <summary>Over generated problems (any post, qualification, window, extra): raising with the window open then
    /// lowering on resolution gives field for field what raising with the closed window gives.</summary>
    [Property(Arbitrary = new[] { typeof(RosterArbitraries) }, MaxTest = 100)]
    public bool Raise_open_then_lower_equals_the_closed_raise(PlantedProblem g, NonNegativeInt from, NonNegativeInt length, PositiveInt extra)
    {
        var p = g.Problem;
        var demand = p.Demands[from.Get % p.Demands.Count];
        var first = p.Horizon.Start.AtMidnight().InZoneLeniently(Beijing).ToInstant().Plus(Duration.FromMinutes((from.Get % (p.Horizon.Length * 48)) * 30));
        var window = new Interval(first, first.Plus(Duration.FromMinutes(30 * (1 + (length.Get % 200)))));
        var e = 1 + (extra.Get % 3);

        var reported = new IncidentRaisesDemand(demand.Post, new Interval(first, null), e, Beijing, demand.Qualification).ApplyTo(p);
        var resolved = new IncidentLowersDemand(demand.Post, window, e, Beijing, demand.Qualification).ApplyTo(reported);
        var closed = new IncidentRaisesDemand(demand.Post, window, e, Beijing, demand.Qualification).ApplyTo(p);

        return resolved.Demands.Select(Fields).SequenceEqual(closed.Demands.Select(Fields));
    }

    /// <summary>
    /// Both incident changes are one <see cref="IncidentDemandChange"/>: the same guards (except the window rule) and the
    /// same overlap test, so a lowering with a closed window picks exactly the shifts the raise with that window picks.
    /// </summary>
    [Fact]
    public void Raise_and_lower_share_the_IncidentDemandChange_overlap_and_guards()
    {
        var community = IncidentArbitraries.Seeded(new FakeClock(At(Start, 9)));
        var gate = community.PostsOf(new Id<Compound>(1))[0];
        var window = new Interval(At(Start, 10), At(Start, 13));
        IncidentDemandChange raise = new IncidentRaisesDemand(gate.Id, window, 2, Beijing, "guard");
        IncidentDemandChange lower = new IncidentLowersDemand(gate.Id, window, 2, Beijing, "guard");
        ShiftDefinition[] shifts =
        [
            new("N", new LocalTime(0, 0), Duration.FromHours(8)), new("D", new LocalTime(8, 0), Duration.FromHours(8)),
            new("E", new LocalTime(16, 0), Duration.FromHours(8)), new("X", new LocalTime(13, 0), Duration.FromMinutes(30)),
        ];

        // 10:00-13:00 overlaps only the day shift (a shift starting at the window's end does not overlap it).
        Assert.Equal(["D"], shifts.Where(s => lower.Overlaps(Start, s)).Select(s => s.Code));
        Assert.Equal(shifts.Select(s => raise.Overlaps(Start, s)), shifts.Select(s => lower.Overlaps(Start, s)));
        Assert.Equal(raise.ShiftWindow(Start, shifts[1]), new Interval(At(Start, 8), At(Start, 16)));
        Assert.Equal((gate.Id, window, 2, "guard"), (lower.Post, lower.Window, lower.Extra, lower.Qualification));
        Assert.Equal("extra", Assert.ThrowsAny<ArgumentException>(() => new IncidentRaisesDemand(gate.Id, window, 21, Beijing)).ParamName);
        Assert.Equal("extra", Assert.ThrowsAny<ArgumentException>(() => new IncidentLowersDemand(gate.Id, window, 21, Beijing)).ParamName);
        Assert.Equal("qualification", Assert.ThrowsAny<ArgumentException>(() => new IncidentLowersDemand(gate.Id, window, 1, Beijing, " ")).ParamName);
        Assert.Equal("window", Assert.ThrowsAny<ArgumentException>(() => new IncidentRaisesDemand(gate.Id, new Interval(null, At(Start, 13)), 1, Beijing)).ParamName);
        Assert.NotNull(new IncidentRaisesDemand(gate.Id, new Interval(At(Start, 10), null), 1, Beijing));
    }
}
