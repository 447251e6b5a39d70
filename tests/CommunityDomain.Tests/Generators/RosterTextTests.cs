using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Tests.Contracts;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Generators;

/// <summary><see cref="RosterText"/> and <see cref="RosterCase.Parse"/>: a printed counterexample rebuilds the same case.</summary>
public sealed class RosterTextTests
{
    [Property(Arbitrary = [typeof(RosterCaseArbitraries)], MaxTest = 60)]
    public void A_printed_roster_case_rebuilds_the_same_problem_and_roster_unless_it_was_cut(RosterCase c)
    {
        var text = c.ToString();
        var lines = text.Split('\n');
        if (lines[^1].Contains("more lines (cut", StringComparison.Ordinal))
        {
            Assert.Equal(RosterText.MostLines + 2, lines.Length); // the count line, the kept lines, the note
            return;
        }

        var back = RosterCase.Parse(text);
        Assert.Null(DeepEquality.Difference(c.Problem, back.Problem));
        Assert.Equal(c.Planted?.Seed ?? c.Lockdown!.Seed, back.Planted?.Seed ?? back.Lockdown!.Seed);
        Assert.Equal(c.Planted?.Planted, back.Planted?.Planted);
        Assert.Equal(c.Lockdown?.Shape, back.Lockdown?.Shape);
        Assert.Equal(text, back.ToString());
    }

    [Fact]
    public void A_pasted_counterexample_rebuilds_every_member_it_names()
    {
        var c = RosterCase.Parse("""
            planted seed 7: 2 workers, 2 days, 2 demands, 1 planted
            horizon 2024-01-03 2 days
            weights own=1 fair=2
            shift S0 22:00 600min
            demand P1 C2 2024-01-03 S0 x1 under=100 over=3 min=1 max=2 qual=scanner
            demand P1 C2 2024-01-04 S0 x0 under=100 over=1
            worker W1 Staff C2 quals=marshal,scanner confined=C2 off=2024-01-04 windows=2024-01-03T21:00/2024-01-04T09:00 rules maxrun=3 rest=480 forbid=S0>S0
            worker W2 ResidentVolunteer C1
            defaults mintotal=60 percode=S0:2
            wish W2 2024-01-04 S0 off 2
            pin W1 2024-01-03 P1 S0 qual=scanner
            planted W1 2024-01-03 P1 S0 qual=scanner
            """);
        var p = c.Problem;
        Assert.Equal((7, new LocalDate(2024, 1, 3), 2), (c.Planted!.Seed, p.Horizon.Start, p.Horizon.Length));
        Assert.Equal((1, 2), (p.Weights.OwnCompound, p.Weights.Fairness));
        Assert.Equal(("S0", new LocalTime(22, 0), 600), (p.Shifts[0].Code, p.Shifts[0].Start, p.Shifts[0].Minutes));
        var d = p.Demands.Single(x => x.Required == 1);
        Assert.Equal((new Id<Compound>(2), 3, 1, 2, "scanner"), (d.Compound, d.OverWeight, d.Minimum, d.Maximum, d.Qualification));
        var w = p.Workers.Single(x => x.Id == new Id<Worker>(1));
        Assert.Equal(["marshal", "scanner"], w.Qualifications.Order(StringComparer.Ordinal));
        Assert.Equal(new Id<Compound>(2), w.ConfinedTo);
        Assert.Equal([new LocalDate(2024, 1, 4)], w.UnavailableDates);
        Assert.Equal(new LocalDateTime(2024, 1, 4, 9, 0), Assert.Single(w.Availability).End);
        Assert.Equal((3, Duration.FromHours(8), "S0"), (w.Rules!.MaxConsecutiveDays, w.Rules.MinRest, w.Rules.ForbiddenSuccessions[0].Next));
        Assert.Null(p.Workers.Single(x => x.Id == new Id<Worker>(2)).Rules);
        Assert.Equal((60, 2), (p.DefaultRules.MinTotalMinutes, p.DefaultRules.MaxShiftsPerCode["S0"]));
        Assert.Equal(WishKind.ShiftOff, Assert.Single(p.Wishes).Kind);
        Assert.Equal("scanner", Assert.Single(p.Pins).Qualification);
        Assert.Equal(p.Pins, c.Planted.Planted);
    }
}
