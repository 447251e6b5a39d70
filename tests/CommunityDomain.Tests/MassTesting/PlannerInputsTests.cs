using CommunityDomain.Communities;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.MassTesting;

public sealed class PlannerInputsTests
{
    [Fact]
    public void Buildings_hold_every_walk_in_once_with_its_intake()
    {
        var fixture = new RoundFixture(7);
        var round = fixture.StartRound();
        var loads = PlannerInputs.Buildings(fixture.Community, round.MustTest, fixture.OpenCompound.Id);
        var homes = loads.SelectMany(b => b.Units).SelectMany(u => u.Households).ToList();
        var walkIns = round.MustTest.WalkIns.Where(e => e.Compound == fixture.OpenCompound.Id).ToList();

        Assert.Equal(walkIns.Count, homes.Sum(h => h.People));
        Assert.Equal(walkIns.Count(e => e.Intake == Intake.Assisted), homes.Sum(h => h.Assisted));
        Assert.Equal(walkIns.Count(e => e.Intake == Intake.QrCode), homes.Sum(h => h.QrCode));
        Assert.All(homes, h => Assert.Equal(fixture.Community.Get(new CommunityDomain.Kernel.Id<Household>(h.HouseholdId)).Room.Floor, h.Floor));
        Assert.Empty(PlannerInputs.Buildings(fixture.Community, round.MustTest, fixture.SealedCompound.Id)); // sealed: all at the door
    }

    [Fact]
    public void DoorVisits_cover_the_sealed_compound_household_by_household()
    {
        var fixture = new RoundFixture(7);
        var round = fixture.StartRound();
        var visits = PlannerInputs.DoorVisits(fixture.Community, round.MustTest, fixture.SealedCompound.Id);
        var due = round.MustTest.DoorToDoor.Where(e => e.Compound == fixture.SealedCompound.Id).ToList();
        Assert.Equal(due.Select(e => e.Household.Value).Distinct().Order(), visits.Select(v => v.HouseholdId));
        Assert.Equal(due.Count, visits.Sum(v => v.People));
    }

    [Fact]
    public void Sites_of_a_round_feed_the_wave_planner()
    {
        var fixture = new RoundFixture(7);
        var round = fixture.StartRound();
        var site = round.AddSite(fixture.OpenCompound.Id, "A", 3, 40, position: new Position(10, 10), walkDown: Duration.FromMinutes(5)).AsT0;
        var specs = PlannerInputs.Sites(round, fixture.OpenCompound.Id);
        Assert.Equal(Duration.FromMinutes(5), Assert.Single(specs).WalkDown);
        Assert.Equal(site.Id.Value, specs[0].SiteId);

        var plan = WavePlanner.Plan(new WaveProblem(round.Start, ServiceTimes.Typical, specs,
            PlannerInputs.Buildings(fixture.Community, round.MustTest, fixture.OpenCompound.Id)));
        Assert.True(plan.LowerBound > round.Start + Duration.FromMinutes(5));
        Assert.True(plan.ExpectedFinish >= plan.LowerBound);
        _ = round.CloseSite(site.Id, round.Start);
        Assert.Empty(PlannerInputs.Sites(round, fixture.OpenCompound.Id));
        Assert.Throws<ArgumentException>(() => round.AddSite(fixture.OpenCompound.Id, "B", 1, 10, walkDown: Duration.FromMinutes(-1)).AsT0);
    }
}
