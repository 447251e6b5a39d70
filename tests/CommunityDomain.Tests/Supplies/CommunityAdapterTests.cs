using CommunityDomain.Communities;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Supplies;

public sealed class CommunityAdapterTests
{
    private static readonly LocalDate Day = new(2022, 8, 19);

    private static (Community Community, Household Home, Household Other) Build()
    {
        var community = Community.Create("Pubai", DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new FakeClock(Instant.FromUtc(2022, 6, 1, 0, 0)));
        var compound = community.AddCompound("Meiyuan").AsT0;
        var building = community.AddBuilding(compound.Id, "3", new Position(0, 0)).AsT0;
        var unit = community.AddUnit(building.Id, "1", floors: 6).AsT0;
        var home = community.RegisterHousehold(new Room(unit.Id, 3, "302")).AsT0;
        var other = community.RegisterHousehold(new Room(unit.Id, 4, "402")).AsT0;
        var grandma = community.RegisterResident(home.Id, new ResidentRegistration(PersonName.Of("王秀英"), null, null, new LocalDate(1935, 3, 1))).AsT0;
        community.RegisterResident(home.Id, new ResidentRegistration(PersonName.Of("王小明"), null, null, new LocalDate(2021, 1, 1)));
        community.RegisterResident(other.Id, new ResidentRegistration(PersonName.Of("李四"), null, null, new LocalDate(1980, 1, 1)));
        community.SetHouseholdContact(home.Id, grandma.Id, null);
        return (community, community.Get(home.Id), community.Get(other.Id));
    }

    [Fact]
    public void Claims_From_community_weights_by_present_members_and_puts_urgent_first()
    {
        var (community, home, other) = Build();
        var rules = new NeedRules(rationPerPersonPerDay: 1, days: 3, perInfant: 2, perAged80: 1);

        var claims = SupplyClaims.From(community, [home.Id, other.Id], Day, rules, new Dictionary<Id<Household>, int> { [other.Id] = 2 });

        Assert.Equal(new Claim(home.Id, (2 * 3) + 2 + 1, 2, 1), claims[0]);
        Assert.Equal(new Claim(other.Id, 3 + 2, 1, 0), claims[1]);
    }

    [Fact]
    public void Parcels_From_community_split_by_weight_and_mask_the_contact()
    {
        var (community, home, _) = Build();
        var rice = new ItemKind("rice-5kg", "bag", 5000);

        var parcels = DeliveryParcels.From(community, [(home.Id, rice, 5)], maxParcelGrams: 20_000);

        Assert.Equal([20_000, 5_000], parcels.Select(p => p.WeightGrams));
        Assert.All(parcels, p => Assert.Equal("王**", p.Recipient));
        Assert.All(parcels, p => Assert.Equal("1-302", p.Room));
        Assert.Single(DeliveryParcels.Sites(community));
    }
}
