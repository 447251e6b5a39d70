using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using Interval = NodaTime.Interval;

namespace CommunityDomain.Tests.Rostering;

public sealed class IncidentRaisesDemandTests
{
    private static readonly DateTimeZone Beijing = DateTimeZone.ForOffset(Offset.FromHours(8));
    private static readonly Id<Post> Gate = new(1);
    private static readonly Id<Compound> Compound = new(1);
    private static readonly LocalDate Start = new(2022, 8, 18);

    /// <summary>A gate on three 8-hour shifts (one person, hard minimum 1) for a week, twelve rule-free workers, and a planned roster.</summary>
    private static (RosterProblem Problem, IReadOnlyList<RosterAssignment> Roster) GateWeek()
    {
        ShiftDefinition[] shifts =
        [
            new("N", new LocalTime(0, 0), Duration.FromHours(8)), new("D", new LocalTime(8, 0), Duration.FromHours(8)),
            new("E", new LocalTime(16, 0), Duration.FromHours(8)),
        ];
        var horizon = new DateInterval(Start, Start.PlusDays(6));
        var demands = horizon.SelectMany(d => shifts.Select(s => new Demand(Gate, Compound, d, s.Code, 1, minimum: 1)));
        var workers = Enumerable.Range(1, 12).Select(i => new Worker(new Id<Worker>(i), WorkerKind.PartyMemberVolunteer, Compound));
        var problem = RosterProblem.Create(horizon, shifts, demands, workers);
        var roster = RosterPlanner.Plan(problem, new PlannerOptions(seed: 1, iterationLimit: 2_000)).AsT0;
        return (problem, roster.Assignments);
    }

    private static Instant At(LocalDate date, int hour) => date.At(new LocalTime(hour, 0)).InZoneStrictly(Beijing).ToInstant();

    [Fact]
    public void ApplyTo_raises_exactly_the_shifts_overlapping_a_resolved_incident()
    {
        var (problem, _) = GateWeek();
        var change = new IncidentRaisesDemand(Gate, new Interval(At(Start.PlusDays(2), 10), At(Start.PlusDays(4), 10)), 1, Beijing);

        var raised = change.ApplyTo(problem).Demands.Where(d => d.Required == 2).Select(d => $"{d.Date:dd}{d.ShiftCode}");

        Assert.Equal(["20D", "20E", "21N", "21D", "21E", "22N", "22D"], raised);
    }

    [Fact]
    public void An_open_incident_raises_every_shift_to_the_horizons_end_and_the_minimum_too()
    {
        var (problem, _) = GateWeek();
        var change = new IncidentRaisesDemand(Gate, new Interval(At(Start.PlusDays(5), 23), null), 2, Beijing);

        var changed = change.ApplyTo(problem);

        Assert.Equal(["23E", "24N", "24D", "24E"], changed.Demands.Where(d => d.Required == 3).Select(d => $"{d.Date:dd}{d.ShiftCode}"));
        Assert.All(changed.Demands.Where(d => d.Required == 3), d => Assert.Equal(3, d.Minimum));
    }

    [Fact]
    public void Constructor_rejects_nonsense_naming_the_parameter()
    {
        var window = new Interval(At(Start, 0), null);
        Assert.Equal("extra", Assert.ThrowsAny<ArgumentException>(() => new IncidentRaisesDemand(Gate, window, 0, Beijing)).ParamName);
        Assert.Equal("window", Assert.ThrowsAny<ArgumentException>(() => new IncidentRaisesDemand(Gate, new Interval(null, At(Start, 0)), 1, Beijing)).ParamName);
        Assert.Equal("post", Assert.ThrowsAny<ArgumentException>(() => new IncidentRaisesDemand(default, window, 1, Beijing)).ParamName);
    }

    [Property(Arbitrary = new[] { typeof(RosterArbitraries) }, MaxTest = 100)]
    public bool The_change_raises_exactly_the_demands_whose_shift_overlaps_the_window(PlantedProblem g, NonNegativeInt from, NonNegativeInt length, bool open, PositiveInt extra)
    {
        var p = g.Problem;
        var demand = p.Demands[from.Get % p.Demands.Count];
        var first = p.Horizon.Start.AtMidnight().InZoneStrictly(Beijing).ToInstant().Plus(Duration.FromMinutes((from.Get % (p.Horizon.Length * 48)) * 30));
        var window = new Interval(first, open ? null : first.Plus(Duration.FromMinutes(30 * (1 + (length.Get % 100)))));
        var change = new IncidentRaisesDemand(demand.Post, window, 1 + (extra.Get % 3), Beijing, demand.Qualification);

        var changed = change.ApplyTo(p);

        // Independent: minutes since the Unix epoch, with Beijing fixed at UTC+8.
        static long Minutes(Instant i) => i.ToUnixTimeSeconds() / 60;
        var wStart = Minutes(window.Start);
        var wEnd = window.HasEnd ? Minutes(window.End) : long.MaxValue;
        return changed.Demands.Count == p.Demands.Count && p.Demands.Zip(changed.Demands).All(x =>
        {
            var (before, after) = x;
            var shift = p.Shifts.First(s => s.Code == before.ShiftCode);
            var start = ((long)Period.DaysBetween(new LocalDate(1970, 1, 1), before.Date) * 24 * 60) + (shift.Start.Hour * 60) + shift.Start.Minute - (8 * 60);
            var hit = before.Post == demand.Post && before.Qualification == demand.Qualification && start < wEnd && wStart < start + shift.Minutes;
            var add = hit ? change.Extra : 0;
            return after.Post == before.Post && after.Date == before.Date && after.ShiftCode == before.ShiftCode && after.Qualification == before.Qualification
                && after.Required == before.Required + add && after.Minimum == before.Minimum + add
                && after.UnderWeight == before.UnderWeight && after.OverWeight == before.OverWeight;
        });
    }

    [Property(MaxTest = 25)]
    public bool Repair_after_an_incident_covers_the_raised_demand_and_leaves_the_past_untouched(NonNegativeInt from, NonNegativeInt length, bool open, NonNegativeInt penalty)
    {
        var (problem, roster) = GateWeek();
        var first = At(Start.PlusDays(1), 0).Plus(Duration.FromHours(from.Get % (5 * 24)));
        var window = new Interval(first, open ? null : first.Plus(Duration.FromHours(1 + (length.Get % 60))));
        var now = first.InZone(Beijing).Date;

        var result = RosterRepair.Repair(problem, roster, new IncidentRaisesDemand(Gate, window, 1, Beijing), FreezeAt.Options(penalty.Get % 60, now, iterationLimit: 300));

        var after = result.Roster.Assignments;
        var check = RosterChecker.Check(result.Problem, after);
        var raised = result.Problem.Demands.Where(d => d.Required == 2 && d.Date >= now).ToList();
        return raised.Count > 0
            && check.Hard == 0
            && raised.All(d => after.Count(a => a.Post == d.Post && a.Date == d.Date && a.ShiftCode == d.ShiftCode) >= 2)
            && after.Where(a => a.Date < now).ToHashSet().SetEquals(roster.Where(a => a.Date < now));
    }
}
