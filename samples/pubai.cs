#:project Scenario/Pubai.Scenario.csproj
// The Pubai central community (蒲白中心社区) of the source story, built with CommunityDomain:
// six compounds, generated households, gates and posts, medium-risk control from 18 August 2022 05:00
// and sealed Meiyuan. Prints a summary and checks its own invariants; exits 1 if one fails.
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using NodaTime;
using Pubai;

var scenario = PubaiScenario.Build(seed: 2022);
var community = scenario.Community;
var noon = PubaiScenario.ControlStart.Plus(Duration.FromHours(7));

Console.WriteLine($"{community.Name}: {community.Compounds.Count} compounds, {community.HouseholdCount} households, version {community.Version}");
Console.WriteLine($"Control in force at {noon.InZone(community.Zone):yyyy-MM-dd HH:mm} (Asia/Shanghai):");
Console.WriteLine(CompoundSummary.Table(CompoundSummary.Of(community, noon)));

var sample = community.Residents[0];
Console.WriteLine($"A resident as any display shows them: {sample.Name} {sample.Document} {sample.Phone}");
var failures = new List<string>();
void Check(bool ok, string what)
{
    if (!ok)
    {
        failures.Add(what);
    }
}

var meiyuan = scenario.Compounds["Meiyuan"];
var sealedNow = community.SealedHouseholds(noon);
Check(community.Compounds.Count == 6, "six compounds");
Check(community.HouseholdsIn(scenario.Compounds["Dongfang"].Id).Count == 1080, "Dongfang has 1080 households");
Check(sealedNow.SequenceEqual(community.HouseholdsIn(meiyuan.Id)), "exactly Meiyuan's households are sealed");
Check(community.Households.All(h => community.EffectiveLevel(h.Id, noon) == (h.CompoundId == meiyuan.Id ? ControlLevel.Sealed : ControlLevel.Controlled)),
    "Meiyuan sealed, every other household controlled");
Check(community.SealedHouseholds(PubaiScenario.ControlStart.Minus(Duration.FromMinutes(1))).Count == 0, "nothing sealed before 05:00");
Check(community.Households.All(h => h.Size is >= 1 and <= 6), "households have 1-6 members");
Check(community.Residents.All(r => !r.ToString().Contains(r.Name.Value, StringComparison.Ordinal)), "no clear name in ToString");
Check(Community.Restore(community.ToState(), new FixedClock(noon)).ToState().Equals(community.ToState()), "state round-trips");

// Five testing days from 18 August 05:00 (samples/Scenario/TestingDays.cs).
Console.WriteLine();
failures.AddRange(TestingDays.Run(scenario, Console.Out));

// Supplies and passes (samples/Scenario/SuppliesAndPasses.cs).
Console.WriteLine();
failures.AddRange(SuppliesAndPasses.Run(scenario, Console.Out));

// Duty rosters: plan, repair, dispatch, a refused swap and the Dongfang gate incident (samples/Scenario/RosterDays.cs, GateIncident.cs).
Console.WriteLine();
failures.AddRange(RosterDays.Run(scenario, Console.Out));
failures.AddRange(RolesAndPrivacy.Run(scenario, Console.Out));

foreach (var failure in failures)
{
    Console.Error.WriteLine($"INVARIANT FAILED: {failure}");
}

Console.WriteLine(failures.Count == 0 ? "All scenario invariants hold." : $"{failures.Count} invariant(s) failed.");
return failures.Count == 0 ? 0 : 1;
