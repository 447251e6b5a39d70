#:project ../src/CommunityDomain/CommunityDomain.csproj
// A revoked pass refused at the gate: the office issues Household 12 a pass in the evening, then a positive
// result in the building makes it revoke it. The gate device, offline, only needs the revoked serial numbers
// it synced: the genuine, unexpired pass is refused, with the reason in English and Chinese.
using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using NodaTime;

var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
var evening = new LocalDateTime(2022, 8, 20, 18, 30).InZoneStrictly(zone).ToInstant();
using var keys = PassSigningKeys.Generate(new PassKeyId(1));
var clock = new OfficeClock { Now = evening };
var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, clock);
var gate = new PassGate(keys.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays);
string Local(Instant at) => at.InZone(zone).ToString("dd MMM HH:mm", CultureInfo.InvariantCulture);

var pass = office.Issue(new PassRequest(new Id<Household>(12), ControlLevel.Controlled, evening - Duration.FromHours(12)), Actor.Of("office.zhang")).AsT0;
Console.WriteLine($"Issued pass {pass.Content.Serial} to household 12, valid {Local(pass.Content.ValidFrom)} to {Local(pass.Content.ValidUntil)} (Beijing time)");

// 19:05 a neighbour tests positive: the office revokes the pass and the gate syncs the revoked list.
clock.Now = evening + Duration.FromMinutes(35);
var revoked = office.Revoke(pass.Content.Serial, "positive case in the building", Actor.Of("office.zhang"));
var again = office.Revoke(pass.Content.Serial, "twice", Actor.Of("office.zhang"));
gate.LoadRevocations(office.Revoked, clock.Now, Actor.Of("gate.dongfang"));
Console.WriteLine($"{Local(clock.Now)} revoked: {revoked.IsT0}; revoking again: {again.Match(_ => "accepted?!", e => e.Message, d => d.Message)}");

var at = evening + Duration.FromMinutes(45);
var verified = gate.Verify(pass.Code, at);
var exit = gate.Exit(pass.Code, at);
Console.WriteLine($"{Local(at)} household 12 at the gate: check {verified.Match(_ => "passed?!", r => $"refused ({r.Reason})")}, exit " +
    exit.Match(_ => "allowed?!", r => $"refused ({r.Reason})"));
exit.Switch(_ => { }, r =>
{
    Console.WriteLine($"  en: {r.MessageIn(CultureInfo.GetCultureInfo("en"))}");
    Console.WriteLine($"  zh: {r.MessageIn(CultureInfo.GetCultureInfo("zh-CN"))}");
});
foreach (var e in office.DequeueEvents())
{
    Console.WriteLine($"  event {e.GetType().Name} at {Local(e.OccurredAt)} by {e.By}");
}

var ok = revoked.IsT0 && again.IsT1 && verified.IsT1 && exit.IsT1 && exit.AsT1.Reason == PassRejection.Revoked && gate.Overdue(at + Duration.FromHours(6)).Count == 0;
Console.WriteLine(ok ? "OK" : "FAILED");
return ok ? 0 : 1;

/// <summary>The office's clock, set by the story.</summary>
sealed class OfficeClock : IClock
{
    public Instant Now { get; set; }

    public Instant GetCurrentInstant() => Now;
}
