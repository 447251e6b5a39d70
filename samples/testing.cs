#:project ../src/CommunityDomain/CommunityDomain.csproj
// Call waves for a small compound: three buildings, one site with 4 stations and 60 places on the
// 1-metre markers. Prints the loudspeaker schedule, the expected finish against its lower bound, and the
// pool-size advice; checks its own result and exits 1 if a promise is broken.
using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Views;
using NodaTime;

var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
var start = new LocalDateTime(2022, 8, 18, 5, 0).InZoneStrictly(zone).ToInstant();
var household = 1;
BuildingLoad Building(int id, int floors, int x) => new(id, $"{id}", new Position(x, 0),
    [new UnitLoad(id, "1", [.. Enumerable.Range(1, floors).Select(f => new HouseholdLoad(household++, f, qrCode: 2, typed: f % 3 == 0 ? 1 : 0, assisted: f % 4 == 0 ? 1 : 0))])]);

var site = new SiteSpec(1, "east gate", new Position(0, -20), stations: 4, queueCapacity: 60, walkDown: Duration.FromMinutes(4));
var problem = new WaveProblem(start, ServiceTimes.Typical, [site], [Building(1, 18, 0), Building(2, 12, 30), Building(3, 24, 60)]);
var plan = WavePlanner.Plan(problem);

// What the loudspeaker says comes from the Views: the culture's resources and the names the office writes
// (WaveCall.Chinese/English keep the stored names as they are, here "east gate" inside a Chinese sentence).
var chinese = new Labels(CultureInfo.GetCultureInfo("zh-CN"), zone, localNames: new Dictionary<string, string> { ["east gate"] = "东门" });
var english = new Labels(CultureInfo.GetCultureInfo("en"), zone);
foreach (var call in plan.Schedule)
{
    Console.WriteLine($"{chinese.TimeOfDay(call.At)}  {Announcements.Call(call, problem, chinese)}");
    Console.WriteLine($"          {Announcements.Call(call, problem, english)}");
}

Console.WriteLine(plan.ExpectedFinish <= plan.LowerBound
    ? $"Expected to finish at {english.TimeOfDay(plan.ExpectedFinish)}, as early as any plan can."
    : $"Expected to finish at {english.TimeOfDay(plan.ExpectedFinish)}; no plan can finish before {english.TimeOfDay(plan.LowerBound)}.");
foreach (var p in new[] { 0.001, 0.02, 0.35 })
{
    Console.WriteLine($"Prevalence {p:0.###}: {PoolAdvice.Best(p)}");
}

// Checks: everyone called exactly once, nothing before 05:00, finish not before the bound, no pooling above ~0.31.
var called = plan.Schedule.SelectMany(c => c.Households).Select(h => h.HouseholdId).Order().ToList();
var ok = called.SequenceEqual(Enumerable.Range(1, household - 1))
    && plan.Schedule.All(c => c.At >= start && c.People <= site.QueueCapacity)
    && plan.ExpectedFinish >= plan.LowerBound
    && PoolAdvice.Best(0.001).PoolSize == 20 && !PoolAdvice.Best(0.35).Pool;
Console.WriteLine(ok ? "All checks hold." : "A check failed.");
return ok ? 0 : 1;
