using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Delivery;

/// <summary>Builds the run planner's plain input from a community: parcels with door labels and masked recipients, and building sites.</summary>
public static class DeliveryParcels
{
    /// <summary>
    /// One parcel per household and item, split into parcels no heavier than <paramref name="maxParcelGrams"/>.
    /// The recipient label is the household contact's masked name, or the room when there is no contact.
    /// </summary>
    /// <param name="community">The community.</param>
    /// <param name="deliveries">Household, item and units, e.g. from an allocation plan.</param>
    /// <param name="maxParcelGrams">The heaviest parcel to make (e.g. the runner's capacity); positive.</param>
    /// <param name="window">The delivery window for all parcels, if any.</param>
    /// <returns>The parcels.</returns>
    /// <exception cref="ArgumentException">A null argument, an unknown household, or an item without a unit weight.</exception>
    public static IReadOnlyList<Parcel> From(
        Community community, IEnumerable<(Id<Household> Household, ItemKind Item, int Units)> deliveries, int maxParcelGrams, Interval? window = null)
    {
        Guard.Against.Null(community);
        Guard.Against.Null(deliveries);
        Guard.Against.NegativeOrZero(maxParcelGrams);
        var parcels = new List<Parcel>();
        foreach (var (householdId, item, units) in deliveries)
        {
            if (units <= 0)
            {
                continue;
            }

            var weight = item.UnitWeightGrams ?? throw new ArgumentException($"{item} has no unit weight.", nameof(deliveries));
            var home = community.Get(householdId);
            var unit = community.Get(home.UnitId);
            var room = $"{unit.Name}-{home.Room.Door}";
            var recipient = home.ContactPerson is { } contact ? community.Get(contact).Name.Masked : $"household {room}";
            var perParcel = Math.Max(1, maxParcelGrams / weight);
            for (var left = units; left > 0; left -= perParcel)
            {
                var n = Math.Min(left, perParcel);
                parcels.Add(new Parcel(householdId, home.BuildingId, room, recipient,
                    string.Create(CultureInfo.InvariantCulture, $"{item.Code} x{n}"), weight * n, window));
            }
        }

        return parcels;
    }

    /// <summary>Every building's site.</summary>
    /// <param name="community">The community.</param>
    /// <returns>The sites.</returns>
    public static IReadOnlyList<BuildingSite> Sites(Community community) =>
        [.. Guard.Against.Null(community).Compounds.SelectMany(c => c.Buildings).Select(b => new BuildingSite(b, community.Get(b).Position))];
}
