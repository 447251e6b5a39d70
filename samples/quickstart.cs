#:project ../src/CommunityDomain/CommunityDomain.csproj
// The README's quick start, run by CI so it never goes stale.
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.Identity;
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

// Checks, so CI notices if the quick start stops doing what the README says.
return community.EffectiveLevel(home.Id, start) == ControlLevel.Sealed && community.Residents[0].Name.ToString() == "张*" ? 0 : 1;
