using CommunityDomain.Communities;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using NodaTime.Testing.TimeZones;
using Interval = NodaTime.Interval;

namespace CommunityDomain.Tests.Rostering;

/// <summary>
/// A repair freezes by an instant (<see cref="RepairOptions.FrozenBefore"/>): the handed gate case of issue 12 and a
/// property over freeze instants, zones with clock changes and night duties, judged by an independent reading of
/// when each duty starts (not by the repair's own bookkeeping).
/// </summary>
public sealed class RepairFreezeTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Id<Post> Gate = new(1);
    private static readonly Id<Compound> Dongfang = new(1);
    private static readonly LocalDate Aug22 = new(2022, 8, 22);

    /// <summary>
    /// When a duty starts, read independently of the library: its date at its shift's start time in the zone; in a
    /// gap the time moves forward by the gap (the offset before it), in an overlap the earlier of the two instants.
    /// </summary>
    internal static Instant StartOf(RosterProblem problem, DateTimeZone zone, LocalDate date, string shiftCode)
    {
        var local = date.At(problem.Shifts.Single(s => s.Code == shiftCode).Start);
        var mapping = zone.MapLocal(local);
        return mapping.Count switch
        {
            0 => local.WithOffset(mapping.EarlyInterval.WallOffset).ToInstant(),
            _ => mapping.First().ToInstant(),
        };
    }

    /// <summary>Dongfang's south gate on three 8-hour shifts (00:00, 08:00, 16:00; one person, hard minimum 1), 22-26 August 2022, ten volunteers.</summary>
    private static (RosterProblem Problem, IReadOnlyList<RosterAssignment> Published) GateWeek(DateTimeZone? zone = null)
    {
        ShiftDefinition[] shifts =
        [
            new("N", new LocalTime(0, 0), Duration.FromHours(8)), new("D", new LocalTime(8, 0), Duration.FromHours(8)),
            new("E", new LocalTime(16, 0), Duration.FromHours(8)),
        ];
        var horizon = new DateInterval(Aug22, Aug22.PlusDays(4));
        var demands = horizon.SelectMany(d => shifts.Select(s => new Demand(Gate, Dongfang, d, s.Code, 1, minimum: 1)));
        var workers = Enumerable.Range(1, 10).Select(i => new Worker(new Id<Worker>(i), WorkerKind.PartyMemberVolunteer, Dongfang));
        var problem = RosterProblem.Create(horizon, shifts, demands, workers, zone: zone);
        return (problem, RosterPlanner.Plan(problem, new PlannerOptions(seed: 1, iterationLimit: 2_000)).AsT0.Assignments);
    }

    [Fact]
    public void A_problem_with_its_own_zone_reads_the_freeze_in_it_and_refuses_options_that_name_another()
    {
        var (problem, published) = GateWeek(Shanghai);
        var failed = new LocalDateTime(2022, 8, 23, 7, 30).InZoneStrictly(Shanghai).ToInstant();
        var change = new IncidentRaisesDemand(Gate, new Interval(failed, null), 1, Shanghai);

        var freeze = new RepairFreeze(problem, new RepairOptions(50, failed));
        Assert.All(published, a => Assert.Equal(StartOf(problem, Shanghai, a.Date, a.ShiftCode) < failed, freeze.IsFrozen(a)));
        Assert.Equal(Aug22.PlusDays(1), freeze.Date);
        var refused = Assert.Throws<ArgumentException>("options", () =>
            RosterRepair.Repair(problem, published, change, new RepairOptions(50, failed, DateTimeZoneProviders.Tzdb["America/New_York"], iterationLimit: 10)));
        Assert.Contains("Asia/Shanghai", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_document_that_froze_by_date_freezes_exactly_the_duties_dated_before_it()
    {
        // Contract version 2 replaced the date "now" by an instant and a zone; the upgrade step reads the old document.
        const string v1 = """{"schema":"roster.repair-options","version":1,"data":{"perChangePenalty":50,"now":"2022-08-24","seed":3,"iterationLimit":300}}""";
        var options = CommunityJson.Read<RepairOptions>(v1).AsT0;
        Assert.Equal(Instant.FromUtc(2022, 8, 24, 0, 0), options.FrozenBefore);
        Assert.Equal("UTC", options.Zone!.Id);
        var (problem, published) = GateWeek();
        var freeze = new RepairFreeze(problem, options);
        Assert.All(published, a => Assert.Equal(a.Date < new LocalDate(2022, 8, 24), freeze.IsFrozen(a)));
        Assert.Contains(published, a => a.Date == new LocalDate(2022, 8, 24) && a.ShiftCode == "N");
        var without = CommunityJson.Read<RepairOptions>(v1.Replace("\"now\":\"2022-08-24\",", "", StringComparison.Ordinal)).AsT0;
        Assert.Null(without.FrozenBefore);
    }

    [Fact]
    public void A_gate_failure_at_0730_changes_and_notifies_no_duty_that_started_before_0730()
    {
        // Issue 12: the motor fails on Tue 23 Aug at 07:30; freezing by date re-planned and notified "23 Aug 00:00-08:00".
        var (problem, published) = GateWeek();
        var failed = new LocalDateTime(2022, 8, 23, 7, 30).InZoneStrictly(Shanghai).ToInstant();
        var change = new IncidentRaisesDemand(Gate, new Interval(failed, null), 1, Shanghai);

        var repair = RosterRepair.Repair(problem, published, change, new RepairOptions(50, failed, Shanghai, seed: 1, iterationLimit: 2_000));

        bool Begun(RosterAssignment a) => StartOf(problem, Shanghai, a.Date, a.ShiftCode) < failed;
        var noticed = repair.Notices.SelectMany(n => n.Added.Concat(n.Removed)).ToList();
        Assert.NotEmpty(noticed);
        Assert.DoesNotContain(noticed, Begun);
        Assert.True(published.Where(Begun).ToHashSet().SetEquals(repair.Roster.Assignments.Where(Begun)));
        var inProgress = published.Where(a => a.Date == Aug22.PlusDays(1) && a.ShiftCode == "N").ToList();
        Assert.NotEmpty(inProgress);
        Assert.True(inProgress.ToHashSet().SetEquals(repair.Roster.Assignments.Where(a => a.Date == Aug22.PlusDays(1) && a.ShiftCode == "N")));
        Assert.True(repair.Roster.Assignments.Count(a => a.Date == Aug22.PlusDays(1) && a.ShiftCode == "D") >= 2);
    }

    [Fact]
    public void A_change_that_removes_a_duty_already_under_way_is_refused_naming_the_change()
    {
        var (problem, published) = GateWeek();
        var frozen = new LocalDateTime(2022, 8, 23, 9, 0).InZoneStrictly(Shanghai).ToInstant();

        var refused = Assert.Throws<ArgumentException>("change", () =>
            RosterRepair.Repair(problem, published, new PostClosed(Gate, Aug22.PlusDays(1)), new RepairOptions(1, frozen, Shanghai, iterationLimit: 10)));
        var accepted = RosterRepair.Repair(problem, published, new PostClosed(Gate, Aug22.PlusDays(2)), new RepairOptions(1, frozen, Shanghai, iterationLimit: 10));

        Assert.Contains("2022-08-23 09:00 (Asia/Shanghai)", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(accepted.Roster.Assignments, a => a.Date >= Aug22.PlusDays(2));
    }

    [Fact]
    public void A_freeze_instant_is_read_in_the_problem_s_zone_unless_a_problem_in_UTC_is_given_one()
    {
        Assert.Null(new RepairOptions(1, Instant.FromUtc(2022, 8, 23, 0, 0)).Zone);
        Assert.Null(new RepairOptions(1, zone: Shanghai).FrozenBefore);
        Assert.Equal("penalty 1 per change, frozen before 2022-08-23 00:00 (UTC, read in the problem's zone), seed 1, 5000 moves",
            new RepairOptions(1, Instant.FromUtc(2022, 8, 23, 0, 0)).ToString());
        Assert.Equal(
            "penalty 50 per change, frozen before 2022-08-23 07:30 (Asia/Shanghai), seed 1, 5000 moves",
            new RepairOptions(50, Instant.FromUtc(2022, 8, 22, 23, 30), Shanghai).ToString());
    }

    /// <summary>
    /// Over generated rosters (planted and lockdown-shaped, with night and 24-hour duties), a freeze instant at minute
    /// resolution within a horizon day or exactly at a published duty's start, and a zone that is fixed, real
    /// (Asia/Shanghai) or has a clock change of 30 or 60 minutes near the freeze instant: every assignment starting
    /// before the instant is identical in the published and repaired roster, no added assignment and no notice's duty
    /// starts before it, and the notices are exactly the difference.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 60)]
    public Property Nothing_starting_before_the_freeze_instant_changes(RosterCase c, NonNegativeInt pick)
    {
        var p = c.Problem;
        if (p.Workers.Count == 0 || p.Demands.Count == 0)
        {
            return FsCheck.Fluent.Prop.Label(true, "nothing to change");
        }

        var r = new Random(pick.Get);
        var day = p.Horizon.Start.PlusDays(r.Next(p.Horizon.Length));
        var (zone, frozen, how) = FreezeOf(p, c.Roster, day, r);
        var change = ChangeOf(p, day, frozen, zone, r);
        var repair = RosterRepair.Repair(p, c.Roster, change, new RepairOptions(r.Next(100), frozen, zone, iterationLimit: 200));

        bool Begun(RosterAssignment a) => StartOf(p, zone, a.Date, a.ShiftCode) < frozen;
        var before = c.Roster.ToHashSet();
        var after = repair.Roster.Assignments.ToHashSet();
        var added = after.Where(a => !before.Contains(a)).ToList();
        var removed = before.Where(a => !after.Contains(a)).ToList();
        var noticed = repair.Notices.SelectMany(n => n.Added).ToHashSet();
        var cancelled = repair.Notices.SelectMany(n => n.Removed).ToHashSet();
        var holds = after.Where(Begun).ToHashSet().SetEquals(before.Where(Begun))
            && !added.Any(Begun)
            && !removed.Any(Begun)
            && noticed.SetEquals(added) && cancelled.SetEquals(removed);
        return FsCheck.Fluent.Prop.Label(holds, $"{how}; {change}; frozen before {frozen} in {zone.Id}; added {string.Join(", ", added.Where(Begun))}; removed {string.Join(", ", removed.Where(Begun))}");
    }

    /// <summary>
    /// A zone and a freeze instant on <paramref name="day"/> (a random minute, or a published duty's start): the problem's
    /// own zone, or for a problem in UTC (one created without a zone) any zone the options may name.
    /// </summary>
    private static (DateTimeZone Zone, Instant Frozen, string How) FreezeOf(RosterProblem p, IReadOnlyList<RosterAssignment> roster, LocalDate day, Random r)
    {
        var minute = day.AtMidnight().PlusMinutes(r.Next(24 * 60));
        var offset = Offset.FromHours(r.Next(-5, 10));
        var approx = minute.InZoneLeniently(DateTimeZone.ForOffset(offset)).ToInstant();
        DateTimeZone zone = r.Next(4) switch
        {
            0 => DateTimeZone.ForOffset(offset),
            1 => Shanghai,
            // A clock change within a few hours of the freeze instant: forward (a gap) or back (an overlap), 30 or 60 minutes.
            _ => new SingleTransitionDateTimeZone(
                approx + Duration.FromMinutes(r.Next(-6 * 60, 6 * 60)),
                offset,
                offset + Offset.FromSeconds((r.Next(2) == 0 ? -1 : 1) * (r.Next(2) == 0 ? 30 : 60) * 60)),
        };
        zone = p.Zone.Equals(DateTimeZone.Utc) ? zone : p.Zone;
        var duties = roster.Where(a => a.Date == day).ToList();
        if (duties.Count > 0 && r.Next(3) == 0)
        {
            var duty = duties[r.Next(duties.Count)];
            return (zone, StartOf(p, zone, duty.Date, duty.ShiftCode), $"at the start of {duty}");
        }

        return (zone, minute.InZoneLeniently(zone).ToInstant(), $"at {minute:uuuu-MM-dd HH:mm} local");
    }

    /// <summary>A change that keeps every demand of a duty that may have begun (a post closes only from the next day).</summary>
    private static RosterChange ChangeOf(RosterProblem p, LocalDate day, Instant frozen, DateTimeZone zone, Random r)
    {
        var worker = p.Workers[r.Next(p.Workers.Count)].Id;
        var demand = p.Demands[r.Next(p.Demands.Count)];
        return r.Next(5) switch
        {
            0 => new WorkerUnavailable(worker, day),
            1 => new WorkerConfined(worker, demand.Compound),
            2 => new DemandRaised(demand.Post, demand.Date, demand.ShiftCode, demand.Required + 1, demand.Qualification),
            3 => new PostClosed(demand.Post, day.PlusDays(1)),
            _ => new IncidentRaisesDemand(demand.Post, new Interval(frozen, r.Next(2) == 0 ? null : frozen + Duration.FromHours(r.Next(1, 30))), 1, zone, demand.Qualification),
        };
    }
}
