using CommunityDomain.Communities;
using CommunityDomain.MassTesting;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Views;

namespace CommunityDomain.Tests.Views;

/// <summary>Residents' names and phones never appear in clear in any view built from a real community.</summary>
public sealed class ViewsPrivacyTests
{
    [Fact]
    public void Views_of_a_community_show_no_clear_name_or_phone()
    {
        var fixture = new RoundFixture(seed: 3);
        var community = fixture.Community;
        foreach (var household in community.Households)
        {
            var contact = community.Residents.First(r => r.HouseholdId == household.Id);
            _ = community.SetHouseholdContact(household.Id, contact.Id, contact.Phone).AsT0;
        }

        var start = TestingGenerators.Start;
        var list = MustTestList.From(community, community.Compounds.Select(c => c.Id), start);
        var loads = PlannerInputs.Buildings(community, list, fixture.OpenCompound.Id);
        var waves = new WaveProblem(start, ServiceTimes.Typical, [new SiteSpec(1, "square", new Position(0, 0), 2, 30, Duration.FromMinutes(3))], loads);
        var wavePlan = WavePlanner.Plan(waves);

        var sealedHomes = community.SealedHouseholds(start);
        var claims = SupplyClaims.From(community, sealedHomes, start.InZone(RoundFixture.Zone).Date, new NeedRules(1, 3, 2, 1, 1));
        var allocation = SupplyAllocator.Allocate(claims, 10, AllocationPolicy.MaxMin);
        var pack = new ItemKind("veg", "pack", 1500);
        var parcels = DeliveryParcels.From(community, allocation.Shares.Where(s => s.Allocated > 0).Select(s => (s.Household, pack, s.Allocated)), 6000);
        var runs = RunPlanner.Plan(parcels, DeliveryParcels.Sites(community), new RunOptions(6000, Duration.FromMinutes(30)), ["team"]);

        // Labels built from the community (place names, addresses) in both languages must not bring a resident's name in.
        var zh = Labels.For(community, System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
        string[] views =
        [
            TestingDayTimeline.Svg(waves, wavePlan, zh), RunSheets.Markdown(runs, zh), RunSheets.Csv(runs),
            AllocationTable.Markdown(allocation, zh), AllocationTable.Csv(allocation, Labels.For(community, System.Globalization.CultureInfo.GetCultureInfo("en"))),
        ];
        var secrets = community.Residents.SelectMany(r => new[] { r.Name.Value, r.Phone?.Value }).OfType<string>().Where(s => s.Length > 1).ToList();

        Assert.NotEmpty(wavePlan.Schedule);
        Assert.NotEmpty(runs.Runs);
        Assert.Contains(views[1], c => c == '*');
        Assert.All(views, v => Assert.All(secrets, s => Assert.DoesNotContain(s, v, StringComparison.Ordinal)));
    }

    [Fact]
    public void Views_of_the_seeded_community_show_no_clear_name_id_number_or_phone()
    {
        var community = CommunityOps.Seeded();
        foreach (var household in community.Households)
        {
            var contact = community.Residents.FirstOrDefault(r => r.HouseholdId == household.Id);
            if (contact is not null)
            {
                _ = community.SetHouseholdContact(household.Id, contact.Id, contact.Phone ?? new CommunityDomain.Communities.Identity.PhoneNumber("13800138000")).AsT0;
            }
        }

        var at = CommunityOps.At(2);
        var list = MustTestList.From(community, community.Compounds.Select(c => c.Id), at);
        var views = new List<string>();
        foreach (var compound in community.Compounds)
        {
            var loads = PlannerInputs.Buildings(community, list, compound.Id);
            var problem = new WaveProblem(at, ServiceTimes.Typical, [new SiteSpec(1, "square", new Position(0, 0), 1, 10, Duration.FromMinutes(1))], loads);
            views.Add(TestingDayTimeline.Svg(problem, WavePlanner.Plan(problem), Labels.For(community, System.Globalization.CultureInfo.GetCultureInfo("zh-CN"))));
        }

        var homes = community.Households.Select(h => h.Id).ToList();
        var claims = SupplyClaims.From(community, homes, at.InZone(RoundFixture.Zone).Date, new NeedRules(1, 3, 2, 1, 1));
        var allocation = SupplyAllocator.Allocate(claims, 7, AllocationPolicy.Hamilton);
        var parcels = DeliveryParcels.From(community, claims.Select(c => (c.Household, new ItemKind("rice", "bag", 5000), 1)), 10_000);
        var runs = RunPlanner.Plan(parcels, DeliveryParcels.Sites(community), new RunOptions(10_000, Duration.FromMinutes(30)), ["team"]);
        var en = Labels.For(community, System.Globalization.CultureInfo.GetCultureInfo("en"));
        views.AddRange([RunSheets.Markdown(runs, en), RunSheets.Csv(runs, en), AllocationTable.Markdown(allocation, en), AllocationTable.Csv(allocation, en)]);
        var secrets = PeoplePool.Registrations.SelectMany(r => new[] { r.Name.Value, r.Document?.Number, r.Phone?.Value }).OfType<string>().Append("13800138000").ToList();

        Assert.Contains(views, v => v.Contains("class=\"wave\"", StringComparison.Ordinal));
        Assert.Equal(parcels.Count, Rfc4180.Parse(RunSheets.Csv(runs)).Count - 1);
        Assert.All(views, v => Assert.All(secrets, s => Assert.DoesNotContain(s, v, StringComparison.Ordinal)));
    }
}
