using CommunityDomain.Kernel;

namespace CommunityDomain.Communities;

/// <summary>A person registered as living in a household.</summary>
public sealed class Resident
{
    internal Resident(Id<Resident> id, Id<Household> householdId)
    {
        Id = id;
        HouseholdId = householdId;
    }

    /// <summary>The resident's id, unique in its community.</summary>
    public Id<Resident> Id { get; }

    /// <summary>The household the resident belongs to.</summary>
    public Id<Household> HouseholdId { get; internal set; }

    /// <summary>The id only: personal data never appears in clear text.</summary>
    public override string ToString() => $"Resident {Id}";
}
