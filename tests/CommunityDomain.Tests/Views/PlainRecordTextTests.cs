using System.Globalization;
using System.Text.RegularExpressions;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Passes;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// The nine records that printed their members (a UTC instant as <c>...Z</c>, a masked name, a test result) although they
/// are neither events nor stored state: a control order request, an antigen report, a closed site, a call-again entry, a
/// wave plan's site, a replay and its services, a re-sample and a pass request (issue 12: "ControlOrder.ToString() shows
/// 2022-08-17T16:00:00Z"). None knows the community's zone, so each says "UTC" in words, the one form of
/// <c>LocalTimeText.Utc</c>, and keeps to ids: no masked name, no health result.
/// </summary>
public sealed partial class PlainRecordTextTests
{
    private static readonly Instant Five = Instant.FromUtc(2022, 8, 17, 21, 0);

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z|\b\d\d:\d\d(:\d\d)?Z\b")]
    private static partial Regex BareUtc();

    /// <summary>An instant as a person reads "UTC" in words, written independently of the library: whole minutes, else seconds too.</summary>
    private static string Said(Instant at)
    {
        var utc = at.ToDateTimeUtc();
        return utc.ToString(at.ToUnixTimeTicks() % TimeSpan.TicksPerMinute == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
    }

    private static SiteSpec Site() => new(1, "north square", new Position(0, 0), 6, 200, Duration.FromMinutes(4));

    [Fact]
    public void Control_order_request_says_level_scope_and_span_in_utc_words_without_its_reason()
    {
        var open = ControlOrderRequest.Sealed(ControlScope.Of(new Id<Compound>(3)), Five, "contact of case 张三");
        var planned = new ControlOrderRequest(ControlLevel.Controlled, ControlScope.WholeCommunity, Five, "medium-risk", Five.Plus(Duration.FromDays(7)));

        Assert.Equal("Sealed over Compound#3 from 2022-08-17 21:00 UTC (open-ended), requested", open.ToString());
        Assert.Equal("Controlled over Community from 2022-08-17 21:00 UTC until 2022-08-24 21:00 UTC, requested", planned.ToString());
        Assert.DoesNotContain("张三", open.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Antigen_report_says_whose_and_when_but_not_the_result()
    {
        var positive = new AntigenReport(new Id<Resident>(5), Five.Plus(Duration.FromSeconds(30)), Positive: true);

        Assert.Equal("Antigen self-test of Resident#5 at 2022-08-17 21:00:30 UTC", positive.ToString());
        Assert.Equal(positive.ToString(), (positive with { Positive = false }).ToString());
    }

    [Fact]
    public void Closed_site_says_when_in_utc_words_and_how_many_tubes()
    {
        Assert.Equal("SamplingSite#2 closed at 2022-08-17 21:00 UTC, tubes closed now: 0", new ClosedSite(new Id<SamplingSite>(2), Five, []).ToString());
    }

    [Fact]
    public void Call_again_entry_and_resample_keep_to_ids_and_the_tube()
    {
        var missing = new MissingResident(new Id<Resident>(5), new Id<Building>(2), new Id<Unit>(3), "张*");
        var resample = new Resample(new Id<Resident>(5), new Id<Household>(4), "张*", new TubeBarcode("DF-0001"), TubeResult.Positive);

        Assert.Equal("Resident#5 in Building#2, Unit#3, not yet sampled", missing.ToString());
        Assert.Equal("Re-sample Resident#5 (Household#4) individually, from tube DF-0001", resample.ToString());
        Assert.DoesNotContain("Positive", resample.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Site_plan_replay_and_service_say_their_times_in_utc_words()
    {
        var service = new WaveService(2, 3, 12, Intake.QrCode, Five.Plus(Duration.FromMinutes(4)), Five.Plus(Duration.FromMinutes(6)), Five.Plus(Duration.FromSeconds(380)));
        var plan = new SitePlan(Site(), [], Five.Plus(Duration.FromMinutes(70)), Five.Plus(Duration.FromMinutes(58)), 540, Duration.FromMinutes(1440));

        Assert.Equal("Household#12 (QrCode), call 3, station 2: arrived 2022-08-17 21:04 UTC, served from 2022-08-17 21:06 UTC until 2022-08-17 21:06:20 UTC", service.ToString());
        Assert.Equal("Site 1: 1 served, finish 2022-08-17 21:06:20 UTC", new SiteReplay(1, [service], service.End).ToString());
        Assert.Equal("Site 1 (north square): 0 calls, 540 people, work 1440 min, finish 2022-08-17 22:10 UTC, bound 2022-08-17 21:58 UTC", plan.ToString());
    }

    [Fact]
    public void Pass_request_says_its_household_level_start_and_last_test_in_utc_words()
    {
        var household = new Id<Household>(3);

        Assert.Equal("Pass for Household#3 (Controlled) from 2022-08-18 02:30 UTC, last negative test 2022-08-17 21:00 UTC",
            new PassRequest(household, ControlLevel.Controlled, Five, Five.Plus(Duration.FromMinutes(330))).ToString());
        Assert.Equal("Pass for Household#3 (Sealed) from now, no negative test known", new PassRequest(household, ControlLevel.Sealed).ToString());
    }

    [Property(MaxTest = 200)]
    public bool The_nine_records_show_every_instant_they_hold_as_utc_in_words_never_bare_and_never_the_masked_name(int minutes, int seconds, PositiveInt length)
    {
        var at = Five.Plus(Duration.FromMinutes(minutes % 500_000)).Plus(Duration.FromSeconds(Math.Abs(seconds % 60)));
        var later = at.Plus(Duration.FromSeconds(length.Get % 1_000_000 + 1));
        var service = new WaveService(0, 0, 1, Intake.Assisted, at, at, later);
        var texts = new (string Text, Instant[] Shows)[]
        {
            (ControlOrderRequest.Sealed(ControlScope.Of(new Id<Compound>(1)), at, "r", later).ToString(), [at, later]),
            (new AntigenReport(new Id<Resident>(1), at, true).ToString(), [at]),
            (new ClosedSite(new Id<SamplingSite>(1), at, []).ToString(), [at]),
            (new MissingResident(new Id<Resident>(1), new Id<Building>(1), new Id<Unit>(1), "王*明").ToString(), []),
            (new Resample(new Id<Resident>(1), new Id<Household>(1), "王*明", new TubeBarcode("T1"), TubeResult.Invalid).ToString(), []),
            (new SitePlan(Site(), [], later, at, 1, Duration.FromMinutes(1)).ToString(), [later, at]),
            (new SiteReplay(1, [service], later).ToString(), [later]),
            (service.ToString(), [at, at, later]),
            (new PassRequest(new Id<Household>(1), ControlLevel.Controlled, at, later).ToString(), [later, at]),
        };
        return texts.All(t => !BareUtc().IsMatch(t.Text) && !t.Text.Contains("王*明", StringComparison.Ordinal)
            && t.Shows.All(i => t.Text.Contains(Said(i), StringComparison.Ordinal)));
    }
}
