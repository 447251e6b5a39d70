using System.Reflection;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.State;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Errors;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Passes;
using CommunityDomain.Passes.State;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Supplies.Ledger;
using CommunityDomain.Supplies.Ledger.State;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.Contracts;

/// <summary>One sample value per contract type, built by the library's own planners and factories.</summary>
public static class ContractSamples
{
    private static readonly Lazy<IReadOnlyDictionary<Type, object>> All = new(Build);

    public static IReadOnlyDictionary<Type, object> ByType => All.Value;

    /// <summary>Every public non-abstract domain event type in the library.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } =
    [
        .. typeof(IDomainEvent).Assembly.GetExportedTypes()
            .Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    /// <summary>A roster problem with rules by kind, wishes and pins, and a roster for it.</summary>
    public static (RosterProblem Problem, Roster Roster) Rostering(int seed)
    {
        var planted = RosterGenerators.Create(seed);
        var p = planted.Problem;
        var pin = planted.Planted.Count > 0 ? planted.Planted[0] : (RosterAssignment?)null;
        var wish = p.Workers.Count > 0 ? new ShiftWish(p.Workers[0].Id, p.Horizon.Start, p.Shifts[0].Code, WishKind.ShiftOff, 3) : (ShiftWish?)null;
        var problem = RosterProblem.Create(
            p.Horizon, p.Shifts, p.Demands, p.Workers, p.DefaultRules,
            new Dictionary<WorkerKind, WorkRules> { [WorkerKind.ResidentVolunteer] = new(minRest: Duration.FromHours(8), maxWeekends: 2) },
            wish is { } w ? [w] : [], pin is { } x ? [x] : [], new PreferenceWeights(5, 2));
        var roster = RosterPlanner.Plan(problem, new PlannerOptions(seed, iterationLimit: 200)).Match(r => r, n => n.Best);
        return (problem, roster);
    }

    /// <summary>An event of type <paramref name="type"/> with values drawn from <paramref name="random"/>.</summary>
    public static IDomainEvent Event(Type type, Random random)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = constructor.GetParameters().Select(p => ValueOf(p.ParameterType, random, p.Name!)).ToArray();
        return (IDomainEvent)constructor.Invoke(args);
    }

    private static object? ValueOf(Type type, Random r, string name)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return r.Next(3) == 0 ? null : ValueOf(inner, r, name);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Id<>))
        {
            return Activator.CreateInstance(type, r.Next(1, 100_000));
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(r.Next(values.Length));
        }

        return type switch
        {
            _ when type == typeof(Instant) => Instant.FromUtc(2022, 8, 18, 0, 0).PlusNanoseconds(r.NextInt64(0, 86_400_000_000_000L * 30)),
            _ when type == typeof(LocalDate) => new LocalDate(2022, 8, 1).PlusDays(r.Next(0, 400)),
            _ when type == typeof(Actor) => r.Next(4) == 0 ? Actor.System : Actor.Of("office." + (char)('a' + r.Next(26)) + "王"),
            _ when type == typeof(long) => r.NextInt64(1, long.MaxValue),
            _ when type == typeof(int) => r.Next(1, int.MaxValue),
            _ when type == typeof(bool) => r.Next(2) == 0,
            _ when type == typeof(string) => r.Next(2) == 0 ? "Gate motor 故障 \"quoted\" \\ " + r.Next() : "rice-" + r.Next(),
            _ when type == typeof(TubeBarcode) => new TubeBarcode("T-" + r.Next(1, 999_999)),
            _ when type == typeof(CommandId) => new CommandId("cmd-" + r.Next()),
            _ when type == typeof(PassSerial) => new PassSerial(r.Next(1, int.MaxValue)),
            _ when type == typeof(PassKeyId) => new PassKeyId(r.Next(1, ushort.MaxValue)),
            _ when type == typeof(Room) => new Room(new Id<CommunityDomain.Communities.Unit>(r.Next(1, 500)), r.Next(1, 33), $"{r.Next(1, 33)}0{r.Next(1, 9)}"),
            _ when type == typeof(ControlScope) => r.Next(3) switch
            {
                0 => ControlScope.WholeCommunity,
                1 => ControlScope.Of(new Id<Building>(r.Next(1, 50))),
                _ => ControlScope.Of(new Id<Household>(r.Next(1, 5000))),
            },
            _ when type == typeof(decimal) => r.Next(0, 1_000_000) / 100m,
            _ when type == typeof(IReadOnlyList<Id<Resident>>) =>
                Enumerable.Range(0, r.Next(0, 4)).Select(i => new Id<Resident>(r.Next(1, 9_000))).ToList(),
            _ when type == typeof(IReadOnlyList<PassSerial>) =>
                Enumerable.Range(1, r.Next(1, 4)).Select(i => new PassSerial(i * 3)).ToList(),
            _ when type == typeof(IReadOnlyList<TracedUnits>) =>
                Enumerable.Range(0, r.Next(0, 4)).Select(i => new TracedUnits(new CommandId("receipt-" + i), r.Next(1, 50))).ToList(),
            _ => throw new InvalidOperationException($"No sample value for {type.Name} (parameter {name}): add one to ContractSamples.ValueOf."),
        };
    }

    private static Dictionary<Type, object> Build()
    {
        var samples = new Dictionary<Type, object>();
        var random = new Random(7);
        foreach (var type in EventTypes)
        {
            samples[type] = Event(type, random);
        }

        samples[typeof(IDomainEvent)] = samples[EventTypes[0]];
        samples[typeof(IReadOnlyList<IDomainEvent>)] = EventTypes.Select(t => (IDomainEvent)samples[t]).ToList();

        var (problem, roster) = Rostering(3);
        var worker = problem.Workers[0].Id;
        var demand = problem.Demands[0];
        samples[typeof(RosterProblem)] = problem;
        samples[typeof(PlannerOptions)] = new PlannerOptions(7, Duration.FromSeconds(2), 500);
        samples[typeof(Roster)] = roster;
        samples[typeof(RosterScore)] = roster.Score;
        samples[typeof(NoFeasibleRoster)] = new NoFeasibleRoster(roster);
        samples[typeof(RosterAssignment)] = new RosterAssignment(worker, demand.Date, demand.Post, demand.ShiftCode, "scanner");
        samples[typeof(IReadOnlyList<RosterAssignment>)] = roster.Assignments;
        var options = new RepairOptions(50, problem.Horizon.Start.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), DateTimeZone.Utc, 3, 300);
        samples[typeof(RepairOptions)] = options;
        samples[typeof(RepairResult)] = RosterRepair.Repair(problem, roster.Assignments, new WorkerUnavailable(worker, problem.Horizon.Start.PlusDays(1)), options);
        samples[typeof(DispatchRanking)] = RosterDispatch.Rank(problem, roster.Assignments, demand.Post, demand.Date.At(new LocalTime(9, 0)), Duration.FromHours(2));
        var second = problem.Workers.Count > 1 ? problem.Workers[1].Id : worker;
        samples[typeof(SwapVerdict)] = RosterSwaps.Check(problem, roster.Assignments, worker, second, problem.Horizon.Start);
        samples[typeof(WorkerExplanation)] = RosterExplanations.WhyWorker(problem, roster, worker);
        samples[typeof(IReadOnlyList<ShortfallReason>)] = RosterExplanations.WhyShort(problem, roster.Assignments, demand.Post, demand.Date, demand.ShiftCode);
        RosterChange[] changes =
        [
            new WorkerUnavailable(worker, problem.Horizon.Start),
            new WorkerConfined(worker, new Id<Compound>(2)),
            new DemandRaised(demand.Post, demand.Date, demand.ShiftCode, 4, "marshal"),
            new PostClosed(demand.Post, problem.Horizon.End),
            new IncidentRaisesDemand(demand.Post, new NodaTime.Interval(demand.Date.AtMidnight().InUtc().ToInstant(), null), 1, DateTimeZoneProviders.Tzdb["Asia/Shanghai"]),
            new IncidentLowersDemand(demand.Post, new NodaTime.Interval(demand.Date.AtMidnight().InUtc().ToInstant(), demand.Date.PlusDays(2).AtMidnight().InUtc().ToInstant()), 1, DateTimeZoneProviders.Tzdb["Asia/Shanghai"]),
        ];
        foreach (var change in changes)
        {
            samples[change.GetType()] = change;
        }

        samples[typeof(RosterChange)] = changes[2];

        var wave = TestingGenerators.SmallProblemOf(5, 2, 2);
        var plan = WavePlanner.Plan(wave);
        samples[typeof(WaveProblem)] = wave;
        samples[typeof(IReadOnlyList<WaveProblem>)] = new[] { wave, TestingGenerators.SmallProblemOf(6, 1, 1) };
        samples[typeof(WavePlan)] = plan;
        samples[typeof(IReadOnlyList<WavePlan>)] = new[] { plan };
        samples[typeof(SiteSpec)] = wave.Sites[0];
        samples[typeof(StationSizing)] = StationSizer.StationsToFinishBy(wave, plan.ExpectedFinish.Plus(Duration.FromHours(3))).AsT0;
        samples[typeof(DeadlineUnreachable)] = new DeadlineUnreachable(plan.Start, 50, plan.ExpectedFinish);
        var door = new DoorToDoorProblem(new Position(0, 0), 2, Duration.FromMinutes(2), Duration.FromSeconds(45), 1.2,
            [new DoorVisit(1, 1, new Position(10, 20), 3), new DoorVisit(2, 1, new Position(10, 20), 1), new DoorVisit(3, 2, new Position(-40, 5.5), 2)]);
        samples[typeof(DoorToDoorProblem)] = door;
        samples[typeof(DoorToDoorPlan)] = DoorToDoorPlanner.Plan(door);
        samples[typeof(PoolAdvice)] = PoolAdvice.Best(0.01);

        Claim[] claims = [new(new Id<Household>(1), 10, 2, 0), new(new Id<Household>(4), 6, 1, 1), new(new Id<Household>(9), 0)];
        samples[typeof(IReadOnlyList<Claim>)] = claims;
        samples[typeof(AllocationPlan)] = SupplyAllocator.Allocate(claims, 12, AllocationPolicy.MaxMin);
        var morning = Instant.FromUtc(2022, 8, 19, 1, 0);
        Parcel[] parcels =
        [
            new(new Id<Household>(1), new Id<Building>(1), "101", "Li Hua", "rice 5 kg", 5000, new NodaTime.Interval(morning, morning.Plus(Duration.FromHours(2)))),
            new(new Id<Household>(2), new Id<Building>(2), "302", "王芳", "vegetables", 3000),
        ];
        BuildingSite[] sites = [new(new Id<Building>(1), new Position(0, 0)), new(new Id<Building>(2), new Position(50, 10))];
        var runOptions = new RunOptions(8000, Duration.FromMinutes(40), CapacityKind.Weight, Duration.FromMinutes(1));
        samples[typeof(IReadOnlyList<Parcel>)] = parcels;
        samples[typeof(IReadOnlyList<BuildingSite>)] = sites;
        samples[typeof(RunOptions)] = runOptions;
        samples[typeof(DeliveryPlan)] = RunPlanner.Plan(parcels, sites, runOptions, ["team A", "team B"]);

        samples[typeof(CommunityState)] = CommunityOps.Seeded().ToState();
        samples[typeof(CommunityDomain.Communities.CommunityStatistics)] = CommunityOps.Seeded().ExportStatistics(CommunityOps.At(3)).AsT0;
        samples[typeof(StockLedgerState)] = CommunityDomain.Tests.Supplies.LedgerSamples.Busy().ToState();
        samples[typeof(PassOfficeState)] = PassOfficeSample();
        samples[typeof(PassGateState)] = PassGateSample();
        var testing = CommunityDomain.Tests.MassTesting.TestingSamples.Busy().Series;
        samples[typeof(CommunityDomain.MassTesting.State.TestingSeriesState)] = testing.ToState();
        samples[typeof(CommunityDomain.MassTesting.State.TestingRoundState)] = testing.Rounds[0].ToState();
        samples[typeof(CommunityDomain.MassTesting.State.MustTestListState)] = testing.Rounds[0].MustTest.ToState();
        return samples;
    }

    /// <summary>An office with three passes, one revoked, under the Harbin policy.</summary>
    private static PassOfficeState PassOfficeSample()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(2));
        var evening = Instant.FromUtc(2022, 8, 20, 10, 30);
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new NodaTime.Testing.FakeClock(evening));
        foreach (var household in new[] { 4, 9, 12 })
        {
            _ = office.Issue(new PassRequest(new Id<Household>(household), ControlLevel.Controlled, evening - Duration.FromHours(20), evening + Duration.FromMinutes(household)));
        }

        _ = office.Revoke(new PassSerial(2), "reported lost");
        return office.ToState();
    }

    /// <summary>A gate that let two holders out, one of them back, with one revocation loaded.</summary>
    private static PassGateState PassGateSample()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(2));
        var evening = Instant.FromUtc(2022, 8, 20, 10, 30);
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new NodaTime.Testing.FakeClock(evening));
        var codes = new[] { 4, 9 }.Select(h => office.Issue(new PassRequest(new Id<Household>(h), ControlLevel.Controlled, evening - Duration.FromHours(20), evening)).AsT0.Code).ToList();
        var gate = new PassGate(keys.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays);
        gate.LoadRevocations([new PassSerial(7)], evening);
        _ = gate.Exit(codes[0], evening + Duration.FromMinutes(5));
        _ = gate.Exit(codes[1], evening + Duration.FromMinutes(12));
        _ = gate.Return(codes[0], evening + Duration.FromMinutes(80));
        return gate.ToState();
    }

    /// <summary>Writes then reads <paramref name="value"/> as a contract of type <paramref name="type"/>.</summary>
    public static object? RoundTrip(Type type, object value, out string json)
    {
        var write = typeof(CommunityDomain.Contracts.CommunityJson).GetMethod(nameof(CommunityDomain.Contracts.CommunityJson.Write))!.MakeGenericMethod(type);
        var read = typeof(CommunityDomain.Contracts.CommunityJson).GetMethod(nameof(CommunityDomain.Contracts.CommunityJson.Read))!.MakeGenericMethod(type);
        json = (string)write.Invoke(null, [value])!;
        var result = (OneOf.IOneOf)read.Invoke(null, [json])!;
        return result.Index == 0 ? result.Value : throw new InvalidOperationException($"Read failed: {result.Value}\n{json}");
    }

    internal static MethodInfo[] PlannerEntryPoints() =>
    [
        .. new[]
        {
            typeof(RosterPlanner), typeof(RosterRepair), typeof(RosterDispatch), typeof(RosterSwaps), typeof(RosterExplanations),
            typeof(WavePlanner), typeof(DoorToDoorPlanner), typeof(StationSizer), typeof(SupplyAllocator), typeof(RunPlanner),
        }.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name != nameof(SupplyAllocator.AllocateInto)), // the buffer-filling fast path; its output is part of AllocationPlan
        typeof(PoolAdvice).GetMethod(nameof(PoolAdvice.Best))!,
    ];
}
