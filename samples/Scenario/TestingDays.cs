using CommunityDomain.Communities;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.MassTesting.State;
using CommunityDomain.Views;

namespace Pubai;

/// <summary>
/// The five testing days of the story (全员核酸检测, 18-22 August 2022, from 05:00): wave plans with loudspeaker
/// calls, simulated registrations (a fixed seed; some residents come down late and are called again by building
/// and room), door-to-door sampling of sealed Meiyuan, a positive tube on day 3 with its re-sample list
/// (re-sampled individually), results arriving late, person-times per day and in total, and the closure report:
/// nobody may be missed. The days differ as real days do (<see cref="Week"/>): people come back from out of town,
/// go into hospital and come out, are tested separately by the quarantine team, and the lab is late.
/// The office's app restarts after day 2: the series is stored as a document, restored, and days 3-5 run on the
/// restored copy (the late result of day 3 is recorded there on day 4) with the same figures.
/// </summary>
public static class TestingDays
{
    /// <summary>The story's total: 26,163 tests (person-times) over five days.</summary>
    public const int StoryTotal = 26_163;

    // Stored exemption reasons (English, as stored; OfficeNames gives the office's Chinese).
    private const string InHospital = "in hospital";
    private const string QuarantineTeam = "sampled separately by the quarantine team";

    /// <summary>
    /// What changes from day to day (index 0 = day 1): who comes back from out of town the evening before, who goes
    /// into hospital and who comes out (indexes into the present walk-in residents outside Meiyuan), the share of
    /// residents who come down late, and how many tubes the lab reports late.
    /// </summary>
    private static readonly (int Back, int[] Admitted, int[] Discharged, double Late, int LabLate)[] Week =
    [
        (0, [0, 1], [], 0.030, 0),
        (12, [2], [], 0.020, 0),
        (0, [3, 4], [0], 0.025, 1),
        (0, [], [2], 0.015, 0),
        (8, [5], [], 0.010, 20),
    ];

    /// <summary>Runs the five days; writes the story to <paramref name="output"/> and returns the failed invariants.</summary>
    /// <param name="scenario">The Pubai scenario.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="words">The language to write in.</param>
    /// <param name="seed">Seed for the simulated residents' behaviour.</param>
    /// <returns>The failed invariants (empty when all hold).</returns>
    public static IReadOnlyList<string> Run(PubaiScenario scenario, TextWriter output, Words words, int seed = 818)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(words);
        var failures = new List<string>();
        var community = scenario.Community;
        var zone = community.Zone;
        var labels = words.Labels(community);
        var clock = new FixedClock(PubaiScenario.ControlStart);
        var series = TestingSeries.Create(new Id<TestingSeries>(1), "Whole-population testing, 5 days", PubaiScenario.ControlStart.InZone(zone).Date,
            5, new LocalTime(5, 0), zone, clock);
        var random = new Random(seed);
        var compounds = community.Compounds.Select(c => c.Id).ToArray();
        var meiyuan = scenario.Compounds["Meiyuan"].Id;
        var candidates = community.Residents
            .Where(r => r.Presence == Presence.Present && community.Get(r.HouseholdId).CompoundId != meiyuan && !r.Conditions.HasFlag(HealthConditions.Bedridden))
            .Select(r => r.Id).ToList();
        var awayAtStart = community.Residents.Where(r => r.Presence == Presence.Away).Select(r => r.Id).ToList();
        var exemptions = new Dictionary<Id<Resident>, string>();
        var returned = 0;
        var listedPerDay = new List<int>();
        TubeBarcode? lateTube = null;
        IReadOnlyList<Resample> positiveMembers = [];

        for (var day = 0; day < series.Days; day++)
        {
            var date = series.FirstDay.PlusDays(day);
            var start = series.StartOf(date);
            var (back, admitted, discharged, lateShare, labLate) = Week[day];

            // The evening before: residents back from out of town (they are listed from today), hospital admissions and discharges.
            if (back > 0)
            {
                scenario.Clock.Now = start.Minus(Duration.FromHours(9));
                foreach (var resident in awayAtStart.Skip(returned).Take(back))
                {
                    _ = community.MarkPresent(resident, scenario.Clock.Now, PubaiScenario.Office).AsT0;
                }

                returned += back;
            }

            // Patients come from households spread over the compounds (every 211th present resident), not one family.
            foreach (var i in discharged)
            {
                exemptions.Remove(candidates[i * 211 % candidates.Count]);
            }

            foreach (var i in admitted)
            {
                exemptions[candidates[i * 211 % candidates.Count]] = InHospital;
            }

            // From day 4 the positive tube's members are tested by the quarantine team, not at the sites.
            if (day == 3)
            {
                foreach (var member in positiveMembers)
                {
                    exemptions[member.Resident] = QuarantineTeam;
                }
            }

            clock.Now = start;
            var mustTest = MustTestList.From(community, compounds, start, exemptions);
            var round = series.StartRound(mustTest, PoolingPolicy.Standard, PubaiScenario.Office).AsT0;
            listedPerDay.Add(mustTest.WalkIns.Count());
            output.WriteLine(words.Say("day.header", round.Number, labels.Moment(start), mustTest.Entries.Count, mustTest.WalkIns.Count(),
                mustTest.DoorToDoor.Count(), mustTest.Away.Count(), mustTest.Exempt.Count()));
            if (day > 0)
            {
                var changes = new List<string>();
                if (back > 0)
                {
                    changes.Add(words.Say("day.back", back));
                }

                if (admitted.Length > 0)
                {
                    changes.Add(words.Say("day.admitted", admitted.Length));
                }

                if (discharged.Length > 0)
                {
                    changes.Add(words.Say("day.discharged", discharged.Length));
                }

                if (day == 3 && positiveMembers.Count > 0)
                {
                    changes.Add(words.Say("day.quarantine", positiveMembers.Count));
                }

                output.WriteLine(words.Say("day.changes", changes.Count == 0 ? words.Say("day.no-change") : words.Join(changes)));
            }

            var exempt = round.Closure().Exemptions;
            if (exempt.Count > 0)
            {
                output.WriteLine(words.Say("day.exempt", words.Join(exempt.Select(e =>
                    words.Say("person.reason", Address(community, labels, words, community.Get(e.Resident).HouseholdId), e.MaskedName, labels.Local(e.Reason))))));
            }

            var lastCallAgain = start;
            var callAgain = new List<(Compound Compound, IReadOnlyList<MissingResident> Missing)>();
            foreach (var compound in community.Compounds)
            {
                var loads = PlannerInputs.Buildings(community, mustTest, compound.Id);
                var finishedAt = start;
                if (loads.Count > 0)
                {
                    var (finish, missing) = Walkins(round, community, compound, loads, start, random, lateShare, labels, words, day == 0 ? output : null, failures);
                    finishedAt = finish;
                    callAgain.Add((compound, missing));
                }

                finishedAt = DoorToDoor(round, community, mustTest, compound, start, finishedAt, labels, words, compound.Id == meiyuan && day == 0 ? output : null);
                lastCallAgain = finishedAt > lastCallAgain ? finishedAt : lastCallAgain;
                foreach (var site in round.Sites.Where(s => s.Compound == compound.Id))
                {
                    _ = round.CloseSite(site.Id, finishedAt, PubaiScenario.Office);
                }
            }

            output.WriteLine(words.Say("day.call-again", callAgain.Sum(c => c.Missing.Count),
                words.Join(callAgain.Select(c => words.Say("compound.people", labels.Compound(c.Compound.Id), c.Missing.Count)))));
            if (day == 0)
            {
                // The first morning's knock list: building, unit and room of everyone called again (masked names).
                foreach (var (compound, missing) in callAgain.Where(c => c.Missing.Count > 0))
                {
                    output.WriteLine(words.Say("knock.compound", labels.Compound(compound.Id)));
                    foreach (var building in missing.GroupBy(m => m.Building))
                    {
                        // Under its building's heading a door needs only unit and room; one entry per door, however many of
                        // its residents are called again (two of one room read as the same door twice).
                        output.WriteLine(words.Say("knock.building", labels.Building(building.Key),
                            Doors(building, m => community.Get(m.Resident).HouseholdId, m => m.MaskedName, h => labels.Room(h, string.Empty), words)));
                    }
                }
            }

            // Lab results: all negative, except one positive Dongfang tube on day 3; some tubes' results arrive late.
            var labTime = lastCallAgain.Plus(Duration.FromHours(6));
            // A tube as the office finds it: from which site (a barcode alone is a code, shown only as what is printed on it).
            string SiteOf(Tube tube) => tube.Site is { } s ? labels.Local(round.Sites[s.Value - 1].Name) : words.Say("site.door");
            var dongfangTubes = round.Tubes.Where(t => t.Site is { } s && round.Sites[s.Value - 1].Compound == scenario.Compounds["Dongfang"].Id).ToList();
            var positive = day == 2 ? dongfangTubes[dongfangTubes.Count / 3] : null;
            var late = round.Tubes.TakeLast(labLate).ToList();
            foreach (var tube in round.Tubes.Except(late))
            {
                _ = round.RecordResult(tube.Barcode, tube == positive ? TubeResult.Positive : TubeResult.Negative, labTime, PubaiScenario.Lab).AsT0;
            }

            if (positive is not null)
            {
                var resamples = round.Resamples;
                positiveMembers = resamples;
                output.WriteLine(words.Say("positive", SiteOf(positive), positive.Barcode, positive.Members.Count,
                    Doors(resamples, r => r.Household, r => r.MaskedName, h => Address(community, labels, words, h), words), round.FlaggedHouseholds.Count));
                Check(failures, resamples.Select(r => r.Resident).SequenceEqual(positive.Members), "day 3: the re-sample list is exactly the positive tube's members");

                // Each member is re-sampled at home into a tube of their own; the lab finds them all negative.
                foreach (var resample in resamples)
                {
                    var single = round.SampleIndividually(resample.Resident, labTime.Plus(Duration.FromHours(1)), PubaiScenario.Office).AsT0;
                    _ = round.RecordResult(single.Barcode, TubeResult.Negative, labTime.Plus(Duration.FromHours(5)), PubaiScenario.Lab).AsT0;
                }

                output.WriteLine(words.Say("resampled", resamples.Count, round.PendingResamples.Count));
                Check(failures, round.PendingResamples.Count == 0, "day 3: everyone on the re-sample list re-sampled");
            }

            if (day == 2)
            {
                lateTube = late.Single().Barcode;
                output.WriteLine(words.Say("late.overnight", SiteOf(late.Single()), lateTube, round.Statistics().ResultsPending));
            }
            else if (late.Count > 0)
            {
                // The lab is late the same evening: the results come in at 23:00.
                var lateAt = date.At(new LocalTime(23, 0)).InZoneStrictly(zone).ToInstant();
                var pending = round.Statistics().ResultsPending;
                foreach (var tube in late)
                {
                    _ = round.RecordResult(tube.Barcode, TubeResult.Negative, lateAt, PubaiScenario.Lab).AsT0;
                }

                output.WriteLine(words.Say("late.evening", pending, labels.TimeOfDay(lateAt)));
            }

            if (lateTube is { } barcode && day == 3)
            {
                var third = series.Rounds[2];
                _ = third.RecordResult(barcode, TubeResult.Negative, labTime, PubaiScenario.Lab).AsT0;
                output.WriteLine(words.Say("late.arrived", barcode, third.Statistics().ResultsPending));
            }

            var closure = round.Closure();
            var stats = round.Statistics();
            output.WriteLine(words.Say(closure.IsComplete ? "closure.complete" : "closure.missing",
                closure.Listed, closure.Tested, closure.Exempt, closure.Away, closure.DoorToDoorPending, closure.Missing.Count));
            output.WriteLine(words.Say("stats", stats.Tests, stats.Tubes, stats.ResultsPending, stats.CompletionPercent, stats.AssistedRegistrations,
                stats.Finish is { } f ? labels.TimeOfDay(f) : "-"));
            if (day == 0)
            {
                output.WriteLine(words.Say("by-compound", words.Join(community.Compounds.Select(c => words.Say("compound.tests", labels.Compound(c.Id), round.Statistics(c.Id).Tests)))));
            }

            Check(failures, closure.IsComplete, $"day {round.Number}: nobody missed (missing {closure.Missing.Count}, door-to-door pending {closure.DoorToDoorPending})");
            Check(failures, closure.Listed == closure.Tested + closure.Exempt + closure.Away + closure.DoorToDoorPending + closure.Missing.Count, $"day {round.Number}: closure identity");
            foreach (var compound in community.Compounds)
            {
                Check(failures, round.Closure(compound.Id).IsComplete, $"day {round.Number}: {compound.Name} complete");
            }

            if (day == 1)
            {
                series = Restart(series, clock, output, words, failures);
            }
        }

        var total = series.Statistics();
        var perDay = series.Rounds.Select(r => r.Statistics().Tests).ToList();
        output.WriteLine(words.Say("total", string.Join(" + ", perDay.Select(t => labels.Number(t))), total.Tests, StoryTotal,
            (total.Tests - StoryTotal) * 100.0 / StoryTotal));
        output.WriteLine(words.Say("tubes", total.Tubes, total.ResultsPending));
        Check(failures, total.Tests == series.Rounds.Sum(r => r.Closure().Tested + r.Resamples.Count(x => r.ResampleOf(x.Resident) is not null)),
            "series total equals the tested residents plus individual re-samples");
        Check(failures, total.ResultsPending == 0, "every result arrived by the end");
        Check(failures, perDay.Distinct().Count() == perDay.Count && listedPerDay.Distinct().Count() > 1, "the five days differ (tests and walk-in lists)");
        Check(failures, series.Rounds.Select(r => r.Closure().Exemptions.Count).Distinct().Count() > 1, "exemptions change during the week");
        return failures;
    }

    /// <summary>The app restarts: the series goes to a stored document and comes back from it; the story goes on from the copy.</summary>
    private static TestingSeries Restart(TestingSeries series, IClock clock, TextWriter output, Words words, List<string> failures)
    {
        var document = CommunityJson.Write(series.ToState());
        var restored = TestingSeries.Restore(CommunityJson.Read<TestingSeriesState>(document).AsT0, clock);
        var same = restored.ToState().Equals(series.ToState()) && restored.Statistics() == series.Statistics();
        output.WriteLine(words.Say("restart", series.Rounds.Count, Math.Round(document.Length / 1_048_576m, 1), restored.Statistics().Tests, restored.Rounds.Sum(r => r.Exemptions.Count)));
        Check(failures, same, "the restored series equals the stored one");
        Check(failures, restored.Rounds.Zip(series.Rounds).All(x => x.First.Closure().ToString() == x.Second.Closure().ToString() && x.First.Version == x.Second.Version),
            "the restored rounds have the same closures and versions");
        return restored;
    }

    private static (Instant Finish, IReadOnlyList<MissingResident> Missing) Walkins(TestingRound round, Community community, Compound compound,
        IReadOnlyList<BuildingLoad> loads, Instant start, Random random, double lateShare, Labels labels, Words words, TextWriter? show, List<string> failures)
    {
        // Dongfang (1080 households) runs two sites; the others one. Sites stand at the compound's corners.
        var positions = loads.Select(b => b.Position).ToList();
        var low = new Position(positions.Min(p => p.X), positions.Min(p => p.Y) - 20);
        var high = new Position(positions.Max(p => p.X), positions.Max(p => p.Y) + 20);
        var siteCount = compound.Name == "Dongfang" ? 2 : 1;
        for (var s = 0; s < siteCount; s++)
        {
            _ = round.AddSite(compound.Id, OfficeNames.SiteName(compound.Name, s + 1), 6, 200, PubaiScenario.Office, s == 0 ? low : high, Duration.FromMinutes(4)).AsT0;
        }

        var problem = new WaveProblem(start, ServiceTimes.Typical, PlannerInputs.Sites(round, compound.Id), loads);
        var plan = WavePlanner.Plan(problem);
        Check(failures, plan.ExpectedFinish >= plan.LowerBound, $"{compound.Name}: finish not before the bound");
        var called = plan.Schedule.SelectMany(c => c.Households).Select(h => h.HouseholdId).Order();
        Check(failures, called.SequenceEqual(loads.SelectMany(b => b.Units).SelectMany(u => u.Households).Select(h => h.HouseholdId).Order()),
            $"{compound.Name}: every walk-in household called exactly once");
        if (show is not null)
        {
            // A plan that meets the lower bound says so in words, not "0.0% longer" on every compound.
            var longer = Math.Round(100 * plan.GapRatio, 1, MidpointRounding.AwayFromZero);
            show.WriteLine(longer == 0
                ? words.Say("waves.at-bound", labels.Compound(compound.Id), plan.Schedule.Count, labels.TimeOfDay(plan.ExpectedFinish))
                : words.Say("waves", labels.Compound(compound.Id), plan.Schedule.Count, labels.TimeOfDay(plan.ExpectedFinish),
                    labels.TimeOfDay(plan.LowerBound), longer));
            if (compound.Name == "Dongfang")
            {
                var by = start.Plus(Duration.FromHours(1));
                StationSizer.StationsToFinishBy(problem, by).Switch(
                    sizing => show.WriteLine(words.Say("sizing", labels.TimeOfDay(by), sizing.StationsPerSite, sizing.Samplers)),
                    unreachable => show.WriteLine(words.Say("sizing.unreachable", labels.TimeOfDay(by), unreachable.MessageIn(words.Culture))));
            }

            foreach (var call in plan.Schedule.Take(compound.Name == "Dongfang" ? 3 : 1))
            {
                show.WriteLine(words.Say("call", labels.TimeOfDay(call.At), Announcements.Call(call, problem, labels, compound.Id)));
            }
        }

        // Residents come down when called; a share (different every day) come down late and are called again after the plan.
        var late = new List<(MustTestEntry Entry, Id<SamplingSite> Site)>();
        var last = start;
        var siteClock = new Dictionary<Id<SamplingSite>, Instant>();
        foreach (var call in plan.Schedule)
        {
            var arrival = call.At.Plus(Duration.FromMinutes(4));
            var site = new Id<SamplingSite>(call.SiteId);
            var index = 0;
            foreach (var household in call.Households)
            {
                foreach (var entry in round.MustTest.WalkIns.Where(e => e.Household.Value == household.HouseholdId))
                {
                    if (random.NextDouble() < lateShare)
                    {
                        late.Add((entry, site));
                        continue;
                    }

                    // A site samples one person after another: a long call runs past the next call's start there.
                    var at = arrival.Plus(Duration.FromSeconds(index++ * 30.0 / 6));
                    at = siteClock.TryGetValue(site, out var busy) && busy > at ? busy : at;
                    siteClock[site] = at;
                    _ = round.Scan(entry.Resident, site, at, assisted: entry.Intake == Intake.Assisted, by: PubaiScenario.TestingStaff(compound)).AsT0;
                    last = at > last ? at : last;
                }
            }
        }

        var missing = round.Closure(compound.Id).Missing;
        var again = plan.ExpectedFinish > last ? plan.ExpectedFinish : last;
        foreach (var (entry, site) in late)
        {
            again = again.Plus(Duration.FromSeconds(30));
            _ = round.Scan(entry.Resident, site, again, assisted: entry.Intake == Intake.Assisted, by: PubaiScenario.TestingStaff(compound)).AsT0;
        }

        return (again, missing);
    }

    private static Instant DoorToDoor(TestingRound round, Community community, MustTestList mustTest, Compound compound, Instant start, Instant finish,
        Labels labels, Words words, TextWriter? show)
    {
        var visits = PlannerInputs.DoorVisits(community, mustTest, compound.Id);
        if (visits.Count == 0)
        {
            return finish;
        }

        var depot = community.Get(compound.Buildings[0]).Position;
        var teams = compound.Name == "Meiyuan" ? 8 : 1;
        var plan = DoorToDoorPlanner.Plan(new DoorToDoorProblem(depot, teams, Duration.FromSeconds(90), Duration.FromSeconds(40), 0.8, visits));
        show?.WriteLine(words.Say("door", labels.Compound(compound.Id), visits.Count, plan.Routes.Count, plan.Longest.TotalMinutes,
            words.Join(plan.Routes.Select(r => words.Say("route", words.JoinTight(r.Buildings.Select(b => labels.Building(new Id<Building>(b)))), r.Estimate.TotalMinutes)))));
        foreach (var route in plan.Routes)
        {
            var at = start;
            foreach (var visit in route.Visits)
            {
                at = at.Plus(Duration.FromSeconds(90 + (40 * visit.People)));
                _ = round.SampleAtDoor(new Id<Household>(visit.HouseholdId), at, PubaiScenario.TestingStaff(compound)).AsT0;
            }
        }

        var end = start + plan.Longest;
        return end > finish ? end : finish;
    }

    /// <summary>
    /// People listed by door: one entry per household, its masked names (each once) and, when several people of one door
    /// are listed, how many ("3单元201室 何*（2人）"), so nobody reads one door twice as two doors.
    /// </summary>
    private static string Doors<T>(IEnumerable<T> people, Func<T, Id<Household>> household, Func<T, string> masked, Func<Id<Household>, string> door, Words words) =>
        words.Join(people.GroupBy(household).Select(g => g.Count() == 1
            ? words.Say("person", door(g.Key), masked(g.First()))
            : words.Say("person.door", door(g.Key), words.JoinTight(g.Select(masked).Distinct()), g.Count())));

    /// <summary>Where a household lives, with its compound (lists that span compounds): "东方小区14号楼1单元201室".</summary>
    private static string Address(Community community, Labels labels, Words words, Id<Household> household) =>
        words.Say("address", labels.Compound(community.Get(household).CompoundId), labels.Household(household));

    private static void Check(List<string> failures, bool ok, string what)
    {
        if (!ok)
        {
            failures.Add(what);
        }
    }
}
