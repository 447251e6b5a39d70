using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.MassTesting.State;

namespace Pubai;

/// <summary>
/// The five testing days of the story (全员核酸检测, 18-22 August 2022, from 05:00): wave plans with loudspeaker
/// schedules, simulated registrations (a fixed seed; some residents come down late, elders are helped),
/// door-to-door sampling of sealed Meiyuan, a positive tube on day 3 with its re-sample list (re-sampled
/// individually), one result
/// arriving a day late, person-times per day and in total, and the closure report: nobody may be missed.
/// The office's app restarts after day 2: the series is stored as a document, restored, and days 3-5 run on the
/// restored copy (the late result of day 3 is recorded there on day 4) with the same figures.
/// </summary>
public static class TestingDays
{
    /// <summary>The story's total: 26,163 tests (person-times) over five days.</summary>
    public const int StoryTotal = 26_163;

    /// <summary>Runs the five days; writes the story to <paramref name="output"/> and returns the failed invariants.</summary>
    /// <param name="scenario">The Pubai scenario.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="seed">Seed for the simulated residents' behaviour.</param>
    /// <returns>The failed invariants (empty when all hold).</returns>
    public static IReadOnlyList<string> Run(PubaiScenario scenario, TextWriter output, int seed = 818)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(output);
        var failures = new List<string>();
        var community = scenario.Community;
        var zone = community.Zone;
        var clock = new FixedClock(PubaiScenario.ControlStart);
        var series = TestingSeries.Create(new Id<TestingSeries>(1), "Whole-population testing, 5 days", PubaiScenario.ControlStart.InZone(zone).Date,
            5, new LocalTime(5, 0), zone, clock);
        var random = new Random(seed);
        var compounds = community.Compounds.Select(c => c.Id).ToArray();
        var meiyuan = scenario.Compounds["Meiyuan"].Id;
        // Two residents are in hospital all week: exempt, with a reason.
        var exemptions = community.Residents.Where(r => r.Presence == Presence.Present).Take(2).ToDictionary(r => r.Id, _ => "in hospital");
        TubeBarcode? lateTube = null;

        for (var day = 0; day < series.Days; day++)
        {
            var date = series.FirstDay.PlusDays(day);
            var start = series.StartOf(date);
            clock.Now = start;
            var mustTest = MustTestList.From(community, compounds, start, exemptions);
            var round = series.StartRound(mustTest, PoolingPolicy.Standard, PubaiScenario.Office).AsT0;
            output.WriteLine($"Day {round.Number}, {date:yyyy-MM-dd} from 05:00: {mustTest.Entries.Count} listed, {mustTest.WalkIns.Count()} walk-in, " +
                $"{mustTest.DoorToDoor.Count()} door to door, {mustTest.Away.Count()} away, {mustTest.Exempt.Count()} exempt");
            var lastCallAgain = start;
            foreach (var compound in community.Compounds)
            {
                var loads = PlannerInputs.Buildings(community, mustTest, compound.Id);
                var finishedAt = loads.Count == 0 ? start : Walkins(round, community, compound, loads, start, random, day == 0 ? output : null, failures);
                finishedAt = DoorToDoor(round, community, mustTest, compound, start, finishedAt, compound.Id == meiyuan && day == 0 ? output : null);
                lastCallAgain = finishedAt > lastCallAgain ? finishedAt : lastCallAgain;
                foreach (var site in round.Sites.Where(s => s.Compound == compound.Id))
                {
                    _ = round.CloseSite(site.Id, finishedAt, PubaiScenario.Office);
                }
            }

            // Lab results: all negative, except one positive Dongfang tube on day 3; one tube's result arrives a day late.
            var labTime = lastCallAgain.Plus(Duration.FromHours(6));
            var dongfangTubes = round.Tubes.Where(t => t.Site is { } s && round.Sites[s.Value - 1].Compound == scenario.Compounds["Dongfang"].Id).ToList();
            var positive = day == 2 ? dongfangTubes[dongfangTubes.Count / 3] : null;
            var late = day == 2 ? round.Tubes[^1] : null;
            foreach (var tube in round.Tubes.Where(t => t != late))
            {
                _ = round.RecordResult(tube.Barcode, tube == positive ? TubeResult.Positive : TubeResult.Negative, labTime).AsT0;
            }

            if (positive is not null)
            {
                var resamples = round.Resamples;
                output.WriteLine($"  Day 3: tube {positive.Barcode} ({positive.Members.Count}-in-1) is POSITIVE. Re-sample individually: " +
                    string.Join(", ", resamples.Select(r => r.MaskedName)) + $"; {round.FlaggedHouseholds.Count} household(s) flagged for control.");
                Check(failures, resamples.Select(r => r.Resident).SequenceEqual(positive.Members), "day 3: the re-sample list is exactly the positive tube's members");

                // Each member is re-sampled at home into a tube of their own; the lab finds them all negative.
                foreach (var resample in resamples)
                {
                    var single = round.SampleIndividually(resample.Resident, labTime.Plus(Duration.FromHours(1)), PubaiScenario.Office).AsT0;
                    _ = round.RecordResult(single.Barcode, TubeResult.Negative, labTime.Plus(Duration.FromHours(5))).AsT0;
                }

                output.WriteLine($"  Day 3: {resamples.Count} individual re-samples, all negative; {round.PendingResamples.Count} re-samples pending.");
                Check(failures, round.PendingResamples.Count == 0, "day 3: everyone on the re-sample list re-sampled");
            }

            if (late is not null)
            {
                lateTube = late.Barcode;
                output.WriteLine($"  Day 3: tube {late.Barcode} has no result yet ({round.Statistics().ResultsPending} pending at the end of the day).");
            }
            else if (lateTube is { } barcode && day == 3)
            {
                var third = series.Rounds[2];
                _ = third.RecordResult(barcode, TubeResult.Negative, labTime).AsT0;
                output.WriteLine($"  Day 4: the late result for tube {barcode} arrived: negative; day 3 now has {third.Statistics().ResultsPending} pending.");
            }

            var closure = round.Closure();
            var stats = round.Statistics();
            output.WriteLine($"  Closure: {closure}. {(closure.IsComplete ? "Not one person missed." : "MISSING PEOPLE")}");
            output.WriteLine($"  Statistics: {stats}, {stats.AssistedRegistrations} assisted registrations, last sample {stats.Finish?.InZone(zone):HH:mm}");
            if (day == 0)
            {
                output.WriteLine("  Tests by compound: " + string.Join(", ", community.Compounds.Select(c => $"{c.Name} {round.Statistics(c.Id).Tests}")));
            }

            Check(failures, closure.IsComplete, $"day {round.Number}: nobody missed (missing {closure.Missing.Count}, door-to-door pending {closure.DoorToDoorPending})");
            Check(failures, closure.Listed == closure.Tested + closure.Exempt + closure.Away + closure.DoorToDoorPending + closure.Missing.Count, $"day {round.Number}: closure identity");
            foreach (var compound in community.Compounds)
            {
                Check(failures, round.Closure(compound.Id).IsComplete, $"day {round.Number}: {compound.Name} complete");
            }

            if (day == 1)
            {
                series = Restart(series, clock, output, failures);
            }
        }

        var total = series.Statistics();
        output.WriteLine("Person-times per day: " + string.Join(" + ", series.Rounds.Select(r => r.Statistics().Tests.ToString(CultureInfo.InvariantCulture))) +
            $" = {total.Tests} in the model; the story reports {StoryTotal:N0} ({(total.Tests - StoryTotal) * 100.0 / StoryTotal:+0.0;-0.0}%).");
        output.WriteLine($"Tubes: {total.Tubes}, results pending: {total.ResultsPending}.");
        Check(failures, total.Tests == series.Rounds.Sum(r => r.Closure().Tested + r.Resamples.Count(x => r.ResampleOf(x.Resident) is not null)),
            "series total equals the tested residents plus individual re-samples");
        Check(failures, total.ResultsPending == 0, "every result arrived by the end");
        return failures;
    }

    /// <summary>The app restarts: the series goes to a stored document and comes back from it; the story goes on from the copy.</summary>
    private static TestingSeries Restart(TestingSeries series, IClock clock, TextWriter output, List<string> failures)
    {
        var document = CommunityJson.Write(series.ToState());
        var restored = TestingSeries.Restore(CommunityJson.Read<TestingSeriesState>(document).AsT0, clock);
        output.WriteLine($"  Restart after day {series.Rounds.Count}: the series is stored ({document.Length / 1024} KiB document) and restored; " +
            $"{restored.Statistics().Tests} tests, {restored.Rounds.Sum(r => r.Exemptions.Count)} exemptions with reasons, version {restored.Version}.");
        Check(failures, restored.ToState().Equals(series.ToState()) && restored.Statistics() == series.Statistics(), "the restored series equals the stored one");
        Check(failures, restored.Rounds.Zip(series.Rounds).All(x => x.First.Closure().ToString() == x.Second.Closure().ToString() && x.First.Version == x.Second.Version),
            "the restored rounds have the same closures and versions");
        return restored;
    }

    private static Instant Walkins(TestingRound round, Community community, Compound compound, IReadOnlyList<BuildingLoad> loads, Instant start,
        Random random, TextWriter? show, List<string> failures)
    {
        // Dongfang (1080 households) runs two sites; the others one. Sites stand at the compound's corners.
        var positions = loads.Select(b => b.Position).ToList();
        var low = new Position(positions.Min(p => p.X), positions.Min(p => p.Y) - 20);
        var high = new Position(positions.Max(p => p.X), positions.Max(p => p.Y) + 20);
        var siteCount = compound.Name == "Dongfang" ? 2 : 1;
        for (var s = 0; s < siteCount; s++)
        {
            _ = round.AddSite(compound.Id, $"{compound.Name} site {s + 1}", 6, 200, PubaiScenario.Office, s == 0 ? low : high, Duration.FromMinutes(4));
        }

        var problem = new WaveProblem(start, ServiceTimes.Typical, PlannerInputs.Sites(round, compound.Id), loads);
        var plan = WavePlanner.Plan(problem);
        Check(failures, plan.ExpectedFinish >= plan.LowerBound, $"{compound.Name}: finish not before the bound");
        var called = plan.Schedule.SelectMany(c => c.Households).Select(h => h.HouseholdId).Order();
        Check(failures, called.SequenceEqual(loads.SelectMany(b => b.Units).SelectMany(u => u.Households).Select(h => h.HouseholdId).Order()),
            $"{compound.Name}: every walk-in household called exactly once");
        if (show is not null)
        {
            show.WriteLine($"  {compound.Name}: {plan.Schedule.Count} calls, expected finish {plan.ExpectedFinish.InZone(round.MustTest.At.InZone(community.Zone).Zone):HH:mm}, " +
                $"lower bound {plan.LowerBound.InZone(community.Zone):HH:mm}, gap {100 * plan.GapRatio:0.0}%");
            if (compound.Name == "Dongfang")
            {
                var by = start.Plus(Duration.FromHours(1));
                StationSizer.StationsToFinishBy(problem, by).Switch(
                    sizing => show.WriteLine($"    To finish by {by.InZone(community.Zone):HH:mm}: {sizing.StationsPerSite} stations per site, {sizing.Samplers} samplers."),
                    unreachable => show.WriteLine($"    {unreachable.Message}"));
            }

            foreach (var call in plan.Schedule.Take(compound.Name == "Dongfang" ? 3 : 1))
            {
                show.WriteLine($"    {call.At.InZone(community.Zone):HH:mm:ss} {call.Chinese}");
                show.WriteLine($"             {call.English}");
            }
        }

        // Residents come down when called; about 3% come down late and are called again after the plan.
        var late = new List<(MustTestEntry Entry, Id<SamplingSite> Site)>();
        var last = start;
        foreach (var call in plan.Schedule)
        {
            var arrival = call.At.Plus(Duration.FromMinutes(4));
            var site = new Id<SamplingSite>(call.SiteId);
            var index = 0;
            foreach (var household in call.Households)
            {
                foreach (var entry in round.MustTest.WalkIns.Where(e => e.Household.Value == household.HouseholdId))
                {
                    if (random.NextDouble() < 0.03)
                    {
                        late.Add((entry, site));
                        continue;
                    }

                    var at = arrival.Plus(Duration.FromSeconds(index++ * 30.0 / 6));
                    _ = round.Scan(entry.Resident, site, at, assisted: entry.Intake == Intake.Assisted, by: PubaiScenario.Office).AsT0;
                    last = at > last ? at : last;
                }
            }
        }

        var missing = round.Closure(compound.Id).Missing;
        if (show is not null && missing.Count > 0)
        {
            show.WriteLine($"    Call again ({missing.Count}): {string.Join(", ", missing.Take(5).Select(m => m.MaskedName))}{(missing.Count > 5 ? ", ..." : string.Empty)}");
        }

        var again = plan.ExpectedFinish > last ? plan.ExpectedFinish : last;
        foreach (var (entry, site) in late)
        {
            again = again.Plus(Duration.FromSeconds(30));
            _ = round.Scan(entry.Resident, site, again, assisted: entry.Intake == Intake.Assisted, by: PubaiScenario.Office).AsT0;
        }

        return again;
    }

    private static Instant DoorToDoor(TestingRound round, Community community, MustTestList mustTest, Compound compound, Instant start, Instant finish, TextWriter? show)
    {
        var visits = PlannerInputs.DoorVisits(community, mustTest, compound.Id);
        if (visits.Count == 0)
        {
            return finish;
        }

        var depot = community.Get(compound.Buildings[0]).Position;
        var teams = compound.Name == "Meiyuan" ? 8 : 1;
        var plan = DoorToDoorPlanner.Plan(new DoorToDoorProblem(depot, teams, Duration.FromSeconds(90), Duration.FromSeconds(40), 0.8, visits));
        show?.WriteLine($"  {compound.Name} door to door: {visits.Count} households, {plan.Routes.Count} teams, longest route {plan.Longest.TotalMinutes:0} min " +
            $"(routes: {string.Join("; ", plan.Routes.Select(r => $"buildings {string.Join(",", r.Buildings)} {r.Estimate.TotalMinutes:0} min"))})");
        foreach (var route in plan.Routes)
        {
            var at = start;
            foreach (var visit in route.Visits)
            {
                at = at.Plus(Duration.FromSeconds(90 + (40 * visit.People)));
                _ = round.SampleAtDoor(new Id<Household>(visit.HouseholdId), at, PubaiScenario.Office).AsT0;
            }
        }

        var end = start + plan.Longest;
        return end > finish ? end : finish;
    }

    private static void Check(List<string> failures, bool ok, string what)
    {
        if (!ok)
        {
            failures.Add(what);
        }
    }
}
