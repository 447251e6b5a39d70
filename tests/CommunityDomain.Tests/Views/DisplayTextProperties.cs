using System.Globalization;
using System.Text.RegularExpressions;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Passes;
using CommunityDomain.Passes.Errors;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Tests.Rostering;
using CommunityDomain.Views;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// What a person reads never shows a UTC instant or a bare id: every view, notice, announcement and explanation,
/// in English and in Chinese, over generated rosters (planted, thinned to shortfalls, empty), wave plans and
/// delivery plans with time windows.
/// </summary>
public sealed partial class DisplayTextProperties
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("zh-CN")];

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z")]
    private static partial Regex UtcInstant();

    [GeneratedRegex(@"(Worker|Post|Household|Compound)#\d")]
    private static partial Regex BareId();

    private static bool Clean(IEnumerable<string> texts) => texts.All(t => !UtcInstant().IsMatch(t) && !BareId().IsMatch(t));

    /// <summary>
    /// Every roster text of the views for one roster, each named by the method that wrote it: grid, coverage, explanation,
    /// score lines, worker explanations, notices, a swap's verdict and messages, a dispatch list, shortfall reasons.
    /// </summary>
    internal static IEnumerable<(string View, string Text)> RosterTextsOf(RosterProblem problem, IReadOnlyList<RosterAssignment> planted, IReadOnlyList<RosterAssignment> kept, Labels labels)
    {
        var roster = RosterPlanner.Score(problem, kept);
        yield return ("RosterGrid.Markdown", RosterGrid.Markdown(problem, kept, labels));
        yield return ("RosterGrid.Csv", RosterGrid.Csv(problem, kept, labels));
        yield return ("CoverageView.Markdown", CoverageView.Markdown(problem, kept, labels));
        yield return ("RosterTexts.Explain", RosterTexts.Explain(roster, labels));
        yield return ("RosterTexts.ExplainMarkdown", RosterTexts.ExplainMarkdown(roster, labels));
        foreach (var item in roster.Score.Items)
        {
            yield return ("RosterTexts.Describe", RosterTexts.Describe(item, labels));
        }

        foreach (var worker in problem.Workers.Take(3))
        {
            yield return ("RosterTexts.Worker", RosterTexts.Worker(RosterExplanations.WhyWorker(problem, roster, worker.Id), problem, labels));
            var mine = planted.Where(a => a.Worker == worker.Id).ToList();
            yield return ("RosterTexts.Message", RosterTexts.Message(new WorkerNotice(worker.Id, [.. mine.Where(a => !kept.Contains(a))], [.. mine.Where(kept.Contains)]), problem, labels));
        }

        if (problem.Workers.Count >= 2 && kept.Count > 0)
        {
            var verdict = RosterSwaps.Check(problem, kept, kept[0].Worker, problem.Workers.First(w => w.Id != kept[0].Worker).Id, kept[0].Date);
            yield return ("RosterTexts.Verdict", RosterTexts.Verdict(verdict, labels));
            if (verdict.Accepted)
            {
                foreach (var (_, text) in RosterTexts.SwapMessages(verdict, problem, labels))
                {
                    yield return ("RosterTexts.SwapMessages", text);
                }
            }
        }

        // The first demands, and the last (on a thinned roster, often one that is short).
        foreach (var demand in problem.Demands.Take(2).Concat(problem.Demands.TakeLast(1)).Distinct())
        {
            var shift = problem.Shifts.First(s => s.Code == demand.ShiftCode);
            var ranking = RosterDispatch.Rank(problem, kept, demand.Post, demand.Date.At(shift.Start), Duration.FromHours(4), demand.Qualification);
            yield return ("RosterTexts.Dispatch", RosterTexts.Dispatch(ranking, labels));
            foreach (var reason in RosterExplanations.WhyShort(problem, kept, demand.Post, demand.Date, demand.ShiftCode, demand.Qualification))
            {
                yield return ("RosterTexts.Shortfall", RosterTexts.Shortfall(reason, problem, labels));
            }

            yield return ("RosterTexts.ShortDuty", RosterTexts.ShortDuty(problem, kept, demand.Post, demand.Date, demand.ShiftCode, labels, demand.Qualification));
            foreach (var line in RosterTexts.WhyShort(problem, kept, demand.Post, demand.Date, demand.ShiftCode, labels, demand.Qualification))
            {
                yield return ("RosterTexts.WhyShort", line);
            }
        }
    }

    /// <summary>Every testing-day text: the timeline and each loudspeaker call.</summary>
    internal static IEnumerable<(string View, string Text)> WaveTextsOf(WaveProblem problem, Labels labels)
    {
        var plan = WavePlanner.Plan(problem);
        yield return ("TestingDayTimeline.Svg", TestingDayTimeline.Svg(problem, plan, labels));
        foreach (var call in plan.Schedule)
        {
            yield return ("Announcements.Call", Announcements.Call(call, problem, labels));
        }
    }

    /// <summary>Every supplies text: run sheets and the allocation table, Markdown and CSV.</summary>
    internal static IEnumerable<(string View, string Text)> SuppliesTextsOf(DeliveryPlan delivery, AllocationPlan allocation, Labels labels)
    {
        yield return ("RunSheets.Markdown", RunSheets.Markdown(delivery, labels));
        yield return ("RunSheets.Csv", RunSheets.Csv(delivery, labels));
        yield return ("AllocationTable.Markdown", AllocationTable.Markdown(allocation, labels));
        yield return ("AllocationTable.Csv", AllocationTable.Csv(allocation, labels));
        foreach (var share in allocation.Shares.Take(5))
        {
            yield return ("AllocationTable.Explain", AllocationTable.Explain(allocation, share.Household, labels));
        }

        var split = DonationSplit.Split((int)Math.Min(allocation.Allocated, 1_000), [new PostHours(new Id<Post>(1), Duration.FromHours(8)), new PostHours(new Id<Post>(2), Duration.FromMinutes(299))]);
        yield return ("AllocationTable.Split", AllocationTable.Split(split, labels));
    }

    /// <summary>Every pass refusal a person reads: for want of a test, sealed, quota used (with its local time), and a gate's.</summary>
    internal static IEnumerable<(string View, string Text)> PassTextsOf(Id<Household> household, Instant next, Labels labels)
    {
        DomainError[] errors =
        [
            new NegativeTestRequired(household, Duration.FromHours(48)), new HouseholdSealed(household), new QuotaUsed(household, next),
            new PassRejected(PassRejection.Expired, new PassSerial(7)), new PassRejected(PassRejection.Malformed, null), new UnknownPass(new PassSerial(7), false),
        ];
        foreach (var error in errors)
        {
            yield return ("PassTexts.Refusal", PassTexts.Refusal(error, labels));
        }
    }

    // A small community whose households the pass texts name by address.
    private static readonly Lazy<(CommunityDomain.Communities.Community Community, IReadOnlyList<Id<Household>> Homes)> PassHomes = new(() =>
    {
        var community = CommunityDomain.Communities.Community.Create("Pubai", Shanghai, new NodaTime.Testing.FakeClock(Instant.FromUtc(2022, 8, 1, 0, 0)));
        var compound = community.AddCompound("Dongfang").AsT0;
        var building = community.AddBuilding(compound.Id, "3号楼", new Position(0, 0)).AsT0;
        var unit = community.AddUnit(building.Id, "2", floors: 6).AsT0;
        return (community, [.. Enumerable.Range(1, 4).Select(i => community.RegisterHousehold(new Room(unit.Id, i, $"{i}01")).AsT0.Id)]);
    });

    [Property(MaxTest = 60)]
    public bool No_pass_refusal_in_either_language_shows_a_utc_instant_or_a_bare_id(NonNegativeInt home, int minutes, bool known)
    {
        var (community, homes) = PassHomes.Value;
        // A household of the community (named by address) or one the labels do not know (named by number, never by id).
        var household = known ? homes[home.Get % homes.Count] : new Id<Household>(home.Get + 100);
        var next = Instant.FromUtc(2022, 8, 20, 0, 0).Plus(Duration.FromMinutes(minutes));
        return Clean(Languages.SelectMany(culture => PassTextsOf(household, next, Labels.For(community, culture)).Select(t => t.Text)));
    }

    [Property(Arbitrary = [typeof(RosterArbitraries)], MaxTest = 60)]
    public bool No_roster_text_in_either_language_shows_a_utc_instant_or_a_bare_id(PlantedProblem planted, int seed)
    {
        var problem = planted.Problem;
        var random = new Random(seed);
        var kept = planted.Planted.Where(_ => random.Next(3) != 0).ToList();
        return Clean(Languages.SelectMany(culture => RosterTextsOf(problem, planted.Planted, kept, new Labels(culture, Shanghai, problem.Workers)).Select(t => t.Text)));
    }

    [Property(Arbitrary = [typeof(WaveArbitraries)], MaxTest = 60)]
    public bool No_testing_day_text_in_either_language_shows_a_utc_instant(WaveProblem problem) =>
        Clean(Languages.SelectMany(culture => WaveTextsOf(problem, new Labels(culture, Shanghai)).Select(t => t.Text)));

    [Property(Arbitrary = [typeof(DeliveryArbitraries)], MaxTest = 60)]
    public bool No_run_sheet_in_either_language_shows_a_utc_instant(DeliveryCase c)
    {
        var plan = RunPlanner.Plan(c.Parcels, c.Sites, c.Options, ["team.a"]);
        var allocation = SupplyAllocator.Allocate([.. c.Parcels.Select(p => p.Household).Distinct().Select(h => new Claim(h, 3, 1, 0))], c.Parcels.Length, AllocationPolicy.MaxMin);
        return Clean(Languages.SelectMany(l => SuppliesTextsOf(plan, allocation, new Labels(l, Shanghai)).Select(t => t.Text)));
    }

    /// <summary>
    /// The properties above cover every view: each public method of the <c>CommunityDomain.Views</c> renderers that returns
    /// text is among the methods the text enumerations call (checked by running them on one small case of each kind), so a
    /// new view method fails here until it joins a property.
    /// </summary>
    [Fact]
    public void The_properties_call_every_public_method_of_the_views_that_returns_text()
    {
        var renderers = new[] { typeof(AllocationTable), typeof(Announcements), typeof(CoverageView), typeof(PassTexts), typeof(RosterGrid), typeof(RosterTexts), typeof(RunSheets), typeof(TestingDayTimeline) };
        // The renderers are the static classes of the namespace (PluralRules selects a category and writes no text).
        var inViews = typeof(Labels).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(Labels).Namespace && t.IsAbstract && t.IsSealed && t != typeof(PluralRules))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        Assert.Equal(renderers, inViews);
        var methods = renderers.SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(string) || m.ReturnType.GetGenericArguments().Any(a => a == typeof(string) || a.GetGenericArguments().Contains(typeof(string))))
            .Select(m => t.Name + "." + m.Name)).ToHashSet(StringComparer.Ordinal);

        // One fixed case of each kind: two workers who can swap a day duty (an accepted swap), a wave problem with calls,
        // a delivery with parcels (the first of 50 generated with one).
        var workers = new[] { new Worker(RosterExamples.W(1), WorkerKind.Staff, RosterExamples.Home, displayName: "王芳"), new Worker(RosterExamples.W(2), WorkerKind.Staff, RosterExamples.Home, displayName: "李强") };
        var problem = RosterExamples.Problem(workers: workers, demands: RosterExamples.Demands(days: 3, required: 1), days: 3);
        IReadOnlyList<RosterAssignment> roster = [RosterExamples.A(1, 0), RosterExamples.A(2, 1)];
        var waves = WaveArbitraries.Problems().Generator.Sample(10, 50).First(p => WavePlanner.Plan(p).Schedule.Count > 0);
        var delivery = DeliveryArbitraries.Cases().Generator.Sample(10, 50).First(c => c.Parcels.Length > 0);
        var allocation = SupplyAllocator.Allocate([new Claim(new CommunityDomain.Kernel.Id<CommunityDomain.Communities.Household>(1), 3, 1, 0)], 2, AllocationPolicy.MaxMin);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in Languages)
        {
            var labels = new Labels(culture, Shanghai, workers);
            covered.UnionWith(RosterTextsOf(problem, roster, roster, labels).Select(t => t.View));
            covered.UnionWith(WaveTextsOf(waves, labels).Select(t => t.View));
            covered.UnionWith(SuppliesTextsOf(RunPlanner.Plan(delivery.Parcels, delivery.Sites, delivery.Options, ["team.a"]), allocation, labels).Select(t => t.View));
            covered.UnionWith(PassTextsOf(new Id<Household>(1), Instant.FromUtc(2022, 8, 20, 0, 0), labels).Select(t => t.View));
        }

        Assert.Equal(methods.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_utc_instant_is_what_the_check_catches()
    {
        // The check itself can fail: the old run-sheet window format and the old notice format are caught.
        Assert.False(Clean(["window 2022-08-18T23:30Z-00:15Z"]));
        Assert.False(Clean(["from 2022-08-22T23:30:00Z"]));
        Assert.False(Clean(["Worker#3: cancelled 2022-08-20 D at Post#1"]));
        Assert.True(Clean(["8月23日（周二）07:30"]));
    }
}
