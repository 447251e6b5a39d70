using CommunityDomain.Benchmarks.Scale;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.Passes;
using CommunityDomain.Rostering;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Ledger;
using NodaTime;

namespace CityHost;

/// <summary>
/// The city office: turns each generated community (the benchmarks' <see cref="ScaleGenerator"/>) into
/// the documents its grain stores. Deterministic: community <c>i</c> of seed <c>s</c> always gives the same documents.
/// </summary>
public static class CityOffice
{
    /// <summary>When the office writes the documents: 20:00 on 17 August 2022 in Asia/Shanghai.</summary>
    public static readonly Instant Now = Instant.FromUtc(2022, 8, 17, 12, 0);

    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly ItemKind VegetablePack = new("vegetable-pack", "pack", 5_000);
    private static readonly string[] Surnames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang"];
    private static readonly string[] GivenNames = ["Fang", "Wei", "Min", "Jing", "Lei", "Yan", "Tao", "Hui"];

    /// <summary>
    /// Writes community <paramref name="index"/> of city <paramref name="seed"/>: its structure (one
    /// building per testing building, gates, a testing site, a registered household with two residents
    /// per building), a testing series with its first round started, a vegetable ledger with one parcel
    /// reserved per household, a pass office with a pass per household, and its planning inputs.
    /// </summary>
    /// <param name="index">The community's index (0-based); the roster seed is <c>index + 1</c>.</param>
    /// <param name="seed">The city's seed.</param>
    /// <param name="iterations">Roster moves after construction: fixed work, so results do not depend on the machine.</param>
    /// <param name="keys">The city's pass signing keys (the office signs; storage holds no key material).</param>
    public static CommunityDocuments Write(int index, int seed, long iterations, PassSigningKeys keys)
    {
        var generated = ScaleGenerator.Community(index, seed);
        var clock = new FixedClock(Now);
        var community = Community.Create($"Community {index + 1}", Zone, clock);
        var compound = community.AddCompound("Main compound").AsT0;
        var households = new List<Id<Household>>();
        var person = 0;
        foreach (var load in generated.Testing.Buildings)
        {
            var building = community.AddBuilding(compound.Id, load.Name, load.Position).AsT0;
            var unit = community.AddUnit(building.Id, "Unit 1", 6).AsT0;
            var household = community.RegisterHousehold(new Room(unit.Id, 1, "101")).AsT0;
            households.Add(household.Id);
            for (var r = 0; r < 2; r++, person++)
            {
                var name = PersonName.Of($"{Surnames[(index + person) % Surnames.Length]} {GivenNames[(index * 7 + person) % GivenNames.Length]}");
                var phone = new PhoneNumber($"13{(index * 1_000 + person) % 1_000_000_000:D9}");
                _ = community.RegisterResident(household.Id, new ResidentRegistration(name, phone: phone, birthDate: new LocalDate(1960 + (person % 40), 1 + (person % 12), 1))).AsT0;
            }
        }

        var gates = generated.Demands.Where(d => d.ShiftCode.StartsWith('G')).Select(d => d.Post).Distinct().Count();
        for (var g = 1; g <= gates; g++)
        {
            _ = community.AddPost(compound.Id, PostKind.Gate, $"Gate {g}").AsT0;
        }

        _ = community.AddPost(compound.Id, PostKind.TestingSite, "Testing site").AsT0;

        var series = TestingSeries.Create(new Id<TestingSeries>(1), "Whole-population testing, 5 days", ScaleGenerator.FirstDate.PlusDays(2), 5, new LocalTime(5, 0), Zone, clock);
        var firstRound = series.StartOf(series.FirstDay);
        _ = series.StartRound(MustTestList.From(community, [compound.Id], firstRound), PoolingPolicy.Standard).AsT0;

        var ledger = StockLedger.Open(VegetablePack, clock);
        _ = ledger.Receive(CommandId.Of("rcv-1"), 2 * households.Count, StockSource.Procured, new LocalDate(2022, 8, 25)).AsT0;
        foreach (var household in households)
        {
            _ = ledger.Allocate(CommandId.Of($"alloc-{household.Value}"), household, 1).AsT0;
        }

        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, clock);
        foreach (var household in households)
        {
            _ = office.Issue(new PassRequest(household, community.EffectiveLevel(household, Now), lastNegativeTest: Now - Duration.FromHours(20)));
        }

        return new CommunityDocuments
        {
            Community = CommunityJson.Write(community.ToState()),
            TestingEvents = CommunityJson.Write<IReadOnlyList<IDomainEvent>>(series.DequeueEvents()),
            Ledger = CommunityJson.Write(ledger.ToState()),
            PassOffice = CommunityJson.Write(office.ToState()),
            RosterProblem = CommunityJson.Write(generated.CreateRosterProblem()),
            WaveProblem = CommunityJson.Write(generated.Testing),
            PlannerOptions = CommunityJson.Write(new PlannerOptions(index + 1, iterationLimit: iterations)),
        };
    }
}

/// <summary>A clock stopped at one instant: the sample's plans and states must not depend on the wall clock.</summary>
/// <param name="now">The instant it always reads.</param>
public sealed class FixedClock(Instant now) : IClock
{
    /// <inheritdoc />
    public Instant GetCurrentInstant() => now;
}
