namespace CommunityDomain.Supplies.Delivery;

/// <summary>What a runner's carrying capacity counts.</summary>
public enum CapacityKind
{
    /// <summary>Grams carried.</summary>
    Weight = 1,

    /// <summary>Parcels carried.</summary>
    Count = 2,
}
