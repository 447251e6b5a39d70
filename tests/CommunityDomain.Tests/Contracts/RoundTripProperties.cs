using CommunityDomain.Communities;
using CommunityDomain.Communities.State;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Tests.MassTesting;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Contracts;

/// <summary>Generated values survive Write then Read unchanged, by an independent structural comparison.</summary>
public sealed class RoundTripProperties
{
    /// <summary>One event of every type, drawn from a seed; shrinks to fewer events (<see cref="ScriptShrinkers.Fewer"/>), down to the one that fails.</summary>
    public static Arbitrary<EventSamples> Events() => Arb.From(
        Gen.Choose(0, int.MaxValue - 1).Select(seed =>
        {
            var random = new Random(seed);
            return new EventSamples(seed, [.. ContractSamples.EventTypes.Select(type => ContractSamples.Event(type, random))]);
        }),
        s => ScriptShrinkers.Fewer(s.Events).Select(events => s with { Events = events }));

    /// <summary>Door-to-door problems drawn from a seed (<see cref="DoorProblem"/>), shrinking as <see cref="DoorArbitraries.Shrink"/> does.</summary>
    public static Arbitrary<DoorProblemCase> DoorProblems() => Arb.From(
        Gen.Choose(0, int.MaxValue - 1).Select(seed => new DoorProblemCase(seed, DoorProblem(seed))),
        c => DoorArbitraries.Shrink(c.Problem).Select(p => c with { Problem = p }));

    /// <summary>Up to 30 visits in up to 7 buildings at fractional and negative positions, 1-4 teams, any speed from 0.5 m/s.</summary>
    public static DoorToDoorProblem DoorProblem(int seed)
    {
        var r = new Random(seed);
        var visits = Enumerable.Range(1, r.Next(0, 30))
            .Select(h => (h, b: r.Next(1, 8)))
            .Select(x => new DoorVisit(x.h, x.b, new Position(x.b * 17.5, x.b % 3 * -4.25), r.Next(1, 7)))
            .ToList();
        return new DoorToDoorProblem(new Position(r.Next(-50, 50), r.NextDouble()), r.Next(1, 5), Duration.FromSeconds(r.Next(0, 300)),
            Duration.FromSeconds(r.Next(1, 120)), 0.5 + r.NextDouble(), visits);
    }

    [Property(Arbitrary = [typeof(RoundTripProperties)], MaxTest = 40)]
    public bool Every_domain_event_survives_a_round_trip_alone_and_as_IDomainEvent(EventSamples samples)
    {
        foreach (var e in samples.Events)
        {
            Same(e.GetType(), e);
            Same(typeof(IDomainEvent), e);
        }

        return true;
    }

    [Property(Arbitrary = [typeof(CommunityArbitraries)], MaxTest = 60)]
    public bool Community_event_streams_and_state_survive_a_round_trip(CommunityOp[] ops)
    {
        var community = CommunityOps.Seeded();
        foreach (var op in ops)
        {
            op.Apply(community);
        }

        Same(typeof(IReadOnlyList<IDomainEvent>), community.DequeueEvents().ToList());
        Same(typeof(CommunityState), community.ToState());
        return true;
    }

    [Property(Arbitrary = [typeof(RosterArbitraries)], MaxTest = 25)]
    public bool Roster_problems_rosters_and_changes_survive_a_round_trip(PlantedProblem planted)
    {
        var problem = planted.Problem;
        Same(typeof(RosterProblem), problem);
        var roster = RosterPlanner.Score(problem, planted.Planted);
        Same(typeof(Roster), roster);
        Same(typeof(IReadOnlyList<RosterAssignment>), planted.Planted.ToList());
        var random = new Random(planted.Seed);
        var demand = problem.Demands[random.Next(problem.Demands.Count)];
        var worker = problem.Workers[random.Next(problem.Workers.Count)].Id;
        Same(typeof(RosterChange), new DemandRaised(demand.Post, demand.Date, demand.ShiftCode, random.Next(0, 9), demand.Qualification));
        Same(typeof(RosterChange), new WorkerUnavailable(worker, demand.Date));
        Same(typeof(RosterChange), new WorkerConfined(worker, demand.Compound));
        Same(typeof(RosterChange), new PostClosed(demand.Post, demand.Date));
        var reported = demand.Date.AtMidnight().InUtc().ToInstant() + Duration.FromMinutes(random.Next(0, 2_000));
        Instant? resolved = random.Next(2) == 0 ? null : reported + Duration.FromMinutes(random.Next(1, 5_000));
        var zone = DateTimeZoneProviders.Tzdb[random.Next(2) == 0 ? "Asia/Shanghai" : "Europe/London"];
        Same(typeof(RosterChange), new IncidentRaisesDemand(demand.Post, new NodaTime.Interval(reported, resolved), random.Next(1, 21), zone, demand.Qualification));
        Same(typeof(RosterChange), new IncidentLowersDemand(demand.Post, new NodaTime.Interval(reported, reported + Duration.FromMinutes(random.Next(1, 5_000))), random.Next(1, 21), zone, demand.Qualification));
        Same(typeof(PlannerOptions), new PlannerOptions(planted.Seed, random.Next(2) == 0 ? null : Duration.FromMilliseconds(random.Next(1, 100_000)), random.Next(1, 1000))
        {
            DegreeOfParallelism = random.Next(2) == 0 ? null : random.Next(1, 65),
        });
        Same(typeof(RepairOptions), random.Next(2) == 0
            ? new RepairOptions(random.Next(0, 500), seed: planted.Seed, iterationLimit: random.Next(1, 5000))
            : new RepairOptions(random.Next(0, 500), reported, zone, planted.Seed, random.Next(1, 5000)));
        return true;
    }

    [Property(Arbitrary = [typeof(WaveArbitraries)], MaxTest = 40)]
    public bool Wave_problems_and_plans_survive_a_round_trip(WaveProblem problem)
    {
        Same(typeof(WaveProblem), problem);
        Same(typeof(WavePlan), WavePlanner.Plan(problem));
        return true;
    }

    [Property(Arbitrary = [typeof(RoundTripProperties)], MaxTest = 40)]
    public bool Door_to_door_problems_and_plans_survive_a_round_trip(DoorProblemCase c)
    {
        var problem = c.Problem;
        Same(typeof(DoorToDoorProblem), problem);
        Same(typeof(DoorToDoorPlan), DoorToDoorPlanner.Plan(problem));
        return true;
    }

    [Property(Arbitrary = [typeof(AllocationArbitraries)], MaxTest = 60)]
    public bool Claims_and_allocation_plans_survive_a_round_trip(AllocationCase c)
    {
        var policy = (AllocationPolicy)(1 + (c.Seed % 3));
        Same(typeof(IReadOnlyList<Claim>), c.Claims);
        Same(typeof(AllocationPlan), SupplyAllocator.Allocate(c.Claims, c.Supply, policy));
        return true;
    }

    [Property(Arbitrary = [typeof(DeliveryArbitraries)], MaxTest = 40)]
    public bool Parcels_run_options_and_delivery_plans_survive_a_round_trip(DeliveryCase c)
    {
        Same(typeof(IReadOnlyList<Parcel>), c.Parcels);
        Same(typeof(IReadOnlyList<BuildingSite>), c.Sites);
        Same(typeof(RunOptions), c.Options);
        Same(typeof(DeliveryPlan), RunPlanner.Plan(c.Parcels, c.Sites, c.Options, ["A", "B"]));
        return true;
    }

    [Fact]
    public void Write_is_deterministic_for_sets()
    {
        var worker = new Worker(new Id<Worker>(1), WorkerKind.Staff, new Id<Compound>(1), ["zeta", "alpha", "mid"],
            unavailableDates: [new LocalDate(2024, 1, 9), new LocalDate(2024, 1, 2)]);
        var problem = RosterProblem.Create(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 10)), [], [], [worker]);
        var json = CommunityJson.Write(problem);
        Assert.Contains("\"qualifications\":[\"alpha\",\"mid\",\"zeta\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"unavailableDates\":[\"2024-01-02\",\"2024-01-09\"]", json, StringComparison.Ordinal);
    }

    private static void Same(Type type, object value)
    {
        var back = ContractSamples.RoundTrip(type, value, out var json);
        if (DeepEquality.Difference(value, back) is { } difference)
        {
            throw new InvalidOperationException($"{type.Name} changed in a round trip: {difference}\n{json}");
        }
    }
}

/// <summary>Domain events drawn from one seed; printed as each event's document, which <see cref="CommunityJson.Read"/> rebuilds.</summary>
public sealed record EventSamples(int Seed, IDomainEvent[] Events)
{
    public override string ToString() =>
        $"seed {Seed}: {Events.Length} events\n" + string.Join('\n', Events.Select(e => $"{e.GetType().Name}: {CommunityJson.Write<IDomainEvent>(e)}"));
}

/// <summary>A door-to-door problem and its seed; printed as the problem's document, which <see cref="CommunityJson.Read"/> rebuilds.</summary>
public sealed record DoorProblemCase(int Seed, DoorToDoorProblem Problem)
{
    public override string ToString() => $"seed {Seed}: {Problem.Visits.Count} visits, {Problem.Teams} teams\n{CommunityJson.Write(Problem)}";
}
