#:project Scenario/Pubai.Scenario.csproj
// The Pubai central community (蒲白中心社区) of the source story, built with CommunityDomain:
// six compounds, generated households, gates and posts, medium-risk control from 18 August 2022 05:00
// and sealed Meiyuan; five testing days, supplies and passes, the duty roster and the gate incident.
// Prints the story as the office reads it, in Chinese by default; English with `-- --lang en` (or PUBAI_LANG=en).
// Checks its own invariants; exits 1 if one fails, 2 for an unknown language.
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using NodaTime;
using Pubai;

if (Words.Choose(args, Environment.GetEnvironmentVariable(Words.LanguageVariable)) is not { } words)
{
    Console.Error.WriteLine("usage: dotnet run samples/pubai.cs [-- --lang zh|en]   (or PUBAI_LANG=zh|en); Chinese by default");
    return 2;
}

var scenario = PubaiScenario.Build(seed: 2022);
var community = scenario.Community;
var labels = words.Labels(community);
var noon = PubaiScenario.ControlStart.Plus(Duration.FromHours(7));
var failures = new List<string>();
void Check(bool ok, string what)
{
    if (!ok)
    {
        failures.Add(what);
    }
}

Check(Words.Mismatched().Count == 0, "the sample's sentences have both languages with the same placeholders: " + string.Join(", ", Words.Mismatched()));
Console.WriteLine(words.Say("community", labels.Local(community.Name), community.Compounds.Count, community.Compounds.Sum(c => c.Buildings.Count),
    community.HouseholdCount, community.Residents.Count, community.Residents.Count(r => r.Presence == Presence.Away)));
Console.WriteLine(words.Say("control", labels.Moment(noon)));
foreach (var order in community.ControlOrders)
{
    var scope = order.Scope.Kind == ControlScopeKind.Community ? words.Say("scope.WholeCommunity") : labels.Compound(new Id<Compound>(order.Scope.TargetId));
    Console.WriteLine(words.Say("order", scope, labels.Moment(order.From), order.EffectiveEnd is { } end ? labels.Moment(end) : words.Say("order.open"),
        words.Say("level." + order.Level) + (words.IsChinese ? "，" : ", ") + labels.Local(order.Reason)));
}

Console.WriteLine();
Console.WriteLine(string.Join(Environment.NewLine, ConsoleTable.Plain(CompoundSummary.Table(CompoundSummary.Of(community, noon), labels, words).Split(Environment.NewLine))));
var sample = community.Residents[0];
Console.WriteLine(words.Say("resident", sample.Name, sample.Document?.Masked, sample.Phone?.Masked));

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

// Everything below goes through one writer, so the whole story can be checked for what a person must never read.
var story = new StringWriter();
var output = new Tee(Console.Out, story);

// Five testing days from 18 August 05:00 (samples/Scenario/TestingDays.cs).
output.WriteLine();
output.WriteLine(words.Say("chapter.testing"));
failures.AddRange(TestingDays.Run(scenario, output, words));

// Supplies and passes (samples/Scenario/SuppliesAndPasses.cs).
output.WriteLine();
output.WriteLine(words.Say("chapter.supplies"));
failures.AddRange(SuppliesAndPasses.Run(scenario, output, words));

// Duty rosters: plan, repair, dispatch, a refused swap and the Dongfang gate incident (samples/Scenario/RosterDays.cs, GateIncident.cs).
output.WriteLine();
output.WriteLine(words.Say("chapter.roster"));
failures.AddRange(RosterDays.Run(scenario, output, words));
failures.AddRange(RolesAndPrivacy.Run(scenario, output, words));

// What the office reads: no UTC instant, no bare id, no score notation, no resident's clear name.
var text = story.ToString();
Check(!System.Text.RegularExpressions.Regex.IsMatch(text, @"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?Z"), "the story shows a UTC instant");
Check(!System.Text.RegularExpressions.Regex.IsMatch(text, @"(Worker|Post|Household|Compound|Resident|Building)#\d"), "the story shows a bare id");
Check(!System.Text.RegularExpressions.Regex.IsMatch(text, @"\d+hard/-?\d+soft|version \d|load \d"), "the story shows score notation, a version or a load without unit");
// A resident volunteer is posted by surname and building, never with a number of the system's ("徐志愿者30"); sizes in
// words the office uses (MB), not "KiB"; priorities counted from 1.
Check(!System.Text.RegularExpressions.Regex.IsMatch(text, @"志愿者\d|Volunteer \S+ \d|KiB|第0优先级|priority 0|tier 0"), "the story shows a volunteer by number, KiB or a priority counted from 0");
// A console shows no Markdown (a heading's "###", a table's "| --- |" rule and bars); a list names each door and
// reason once, with a count ("张**、张*（4人，由隔离专班单独采样）"), as the call-again list does (v12e).
Check(!System.Text.RegularExpressions.Regex.IsMatch(text, @"(?m)^\s*(#{1,6} |\| )"), "the story shows Markdown on the console");
Check(text.Split('\n').Where(l => l.Contains(words.Say("day.exempt", string.Empty).Trim().TrimEnd('.', '。'), StringComparison.Ordinal))
    .All(l => l.Split(words.IsChinese ? "，" : "; ").Length == l.Split(words.IsChinese ? "，" : "; ").Distinct().Count()), "an exempt list repeats an entry");
// One word for one thing: supplies are counted in "units" (as the library's allocation texts count them), never "packs" too.
Check(words.IsChinese || !System.Text.RegularExpressions.Regex.IsMatch(text, @"\d packs?\b"), "the story counts supplies in packs and in units");
// An erased resident keeps only the pseudonym, which is not a name.
var names = community.Residents.Where(r => r.Name != Resident.ErasedName).Select(r => r.Name.Value).Where(n => n.Length > 1).ToHashSet();
Check(!names.Any(n => text.Contains(n, StringComparison.Ordinal)), "the story shows a resident's clear name");
if (words.IsChinese)
{
    Check(CompoundPlanNames().All(n => text.Contains(n, StringComparison.Ordinal)), "the story names the six compounds as the office writes them");
}

foreach (var failure in failures)
{
    Console.Error.WriteLine($"INVARIANT FAILED: {failure}");
}

Console.WriteLine();
Console.WriteLine(failures.Count == 0 ? words.Say("ok") : words.Say("failed", failures.Count));
return failures.Count == 0 ? 0 : 1;

static IEnumerable<string> CompoundPlanNames() => CompoundPlan.Story.Select(c => OfficeNames.Chinese[c.Name]);
