#:project ../src/CommunityDomain/CommunityDomain.csproj
// A host consuming domain events: after each command the office app takes the community's new events
// (DequeueEvents), turns them into notices for people (names, Beijing time) and stores each as a JSON document
// in its outbox. Events carry ids, never personal data: the outbox is checked for the residents' name and phone.
using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.Events;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using NodaTime;

var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
var clock = new StoryClock { Now = new LocalDateTime(2022, 8, 17, 21, 0).InZoneStrictly(zone).ToInstant() };
var community = Community.Create("Pubai central community", zone, clock);
var office = Actor.Of("office.zhang");
var outbox = new List<string>();
string Local(Instant at) => at.InZone(zone).ToString("dd MMM HH:mm", CultureInfo.InvariantCulture);

void Dispatch()
{
    foreach (var e in community.DequeueEvents())
    {
        outbox.Add(CommunityJson.Write(e));                                       // stored as an IDomainEvent document
        var notice = e switch
        {
            CompoundAdded c => $"new compound {community.Get(c.Compound).Name}",
            BuildingAdded b => $"building {community.Get(b.Building).Name} added to {community.Get(b.Compound).Name}",
            UnitAdded u => $"stairwell unit {community.Get(u.Unit).Name} added to building {community.Get(u.Building).Name}",
            HouseholdRegistered h => $"household registered in room {h.Room.Door}",
            ResidentRegistered r => $"a resident joined household {r.Household.Value} (details in the register, not in the event)",
            ControlOrderIssued o => $"{o.Level} from {Local(o.From)}: tell every household of {Scope(o.Scope)}",
            ResidentWentAway a => $"resident {a.Resident.Value} away since {Local(a.Since)}: leave off the must-test list",
            _ => e.GetType().Name,
        };
        Console.WriteLine($"  v{e.Version,-2} {Local(e.OccurredAt)} {e.By}: {notice}");
    }
}

string Scope(ControlScope s) => s.Kind == ControlScopeKind.Compound ? community.Get(new Id<Compound>(s.TargetId)).Name : s.ToString();
var meiyuan = community.AddCompound("Meiyuan", office).AsT0;
var unit = community.AddUnit(community.AddBuilding(meiyuan.Id, "3", new Position(30, 45), office).AsT0.Id, "1", floors: 6, office).AsT0;
var home = community.RegisterHousehold(new Room(unit.Id, 3, "302"), office).AsT0;
var resident = community.RegisterResident(home.Id, new ResidentRegistration(PersonName.Of("张三"), phone: new PhoneNumber("13812345678")), office).AsT0;
Dispatch();
clock.Now += Duration.FromMinutes(30);
community.Issue(ControlOrderRequest.Sealed(ControlScope.Of(meiyuan.Id), new LocalDateTime(2022, 8, 18, 5, 0).InZoneStrictly(zone).ToInstant(), "sealed-control area"), office);
PresenceResult away = community.MarkAway(resident.Id, clock.Now - Duration.FromMinutes(10), office);
Dispatch();

var versions = outbox.Select(json => CommunityJson.Read<IDomainEvent>(json).AsT0.Version).ToList();
var ok = away.Succeeded && outbox.Count == 7 && community.DequeueEvents().Count == 0 && versions.SequenceEqual(versions.Order())
    && !outbox.Any(json => json.Contains("张三", StringComparison.Ordinal) || json.Contains("13812345678", StringComparison.Ordinal));
Console.WriteLine($"{outbox.Count} events in the outbox, versions {versions[0]}..{versions[^1]}, no name or phone in them");
Console.WriteLine(ok ? "OK" : "FAILED");
return ok ? 0 : 1;

/// <summary>The office's clock, moved on by the story.</summary>
sealed class StoryClock : IClock
{
    public Instant Now { get; set; }
    public Instant GetCurrentInstant() => Now;
}
