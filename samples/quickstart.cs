#:project ../src/CommunityDomain/CommunityDomain.csproj
// The README's quick start, run by CI so it never goes stale.
using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Views;
using NodaTime;

var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
var community = Community.Create("Pubai central community", zone, SystemClock.Instance);
var meiyuan = community.AddCompound("Meiyuan").AsT0;                    // business failures are OneOf
var building = community.AddBuilding(meiyuan.Id, "3", new Position(30, 45)).AsT0;
var unit = community.AddUnit(building.Id, "1", floors: 6).AsT0;
var home = community.RegisterHousehold(new Room(unit.Id, 3, "302")).AsT0;
community.RegisterResident(home.Id, new ResidentRegistration(
    PersonName.Of("张三"), IdentityDocument.MainlandId("11010519491231002X"), new PhoneNumber("13812345678")));

var start = new LocalDateTime(2022, 8, 18, 5, 0).InZoneStrictly(zone).ToInstant();
community.Issue(ControlOrderRequest.Sealed(meiyuan.Id, start, "sealed-control area"));
Console.WriteLine(community.EffectiveLevel(home.Id, start));           // Sealed
Console.WriteLine(community.Residents[0].Name);                         // 张* (personal data is masked)

// A named roster grid in the office's language: names, local times, Chinese.
var gate = community.AddPost(meiyuan.Id, PostKind.Gate, "North gate").AsT0;
var workers = new[] { new Worker(new Id<Worker>(1), WorkerKind.ResidentVolunteer, meiyuan.Id, displayName: "李志愿者") };
var problem = RosterProblem.Create(new DateInterval(new LocalDate(2022, 8, 18), new LocalDate(2022, 8, 19)),
    [new ShiftDefinition("D", new LocalTime(8, 0), Duration.FromHours(8))], [new Demand(gate.Id, meiyuan.Id, new LocalDate(2022, 8, 18), "D", 1)], workers,
    community: community);                                              // its posts checked, its zone the roster's clock
var roster = RosterPlanner.Plan(problem, new PlannerOptions(seed: 1, iterationLimit: 1_000)).Match(r => r, none => none.Best);
var labels = Labels.For(community, CultureInfo.GetCultureInfo("zh-CN"), workers,
    new Dictionary<string, string> { ["Meiyuan"] = "梅苑小区", ["North gate"] = "北门" });
Console.Write(RosterGrid.Markdown(problem, roster.Assignments, labels)); // | 李志愿者 | 居民志愿者 | 08:00-16:00 北门 | 休 | 8小时 |

// Checks, so CI notices if the quick start stops doing what the README says.
var grid = RosterGrid.Markdown(problem, roster.Assignments, labels);
return community.EffectiveLevel(home.Id, start) == ControlLevel.Sealed && community.Residents[0].Name.ToString() == "张*"
    && grid.Contains("| 李志愿者 | 居民志愿者 | 08:00-16:00 北门 | 休 | 8小时 |", StringComparison.Ordinal) ? 0 : 1;
