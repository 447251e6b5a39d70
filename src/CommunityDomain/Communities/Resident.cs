using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities;

/// <summary>A person registered in a household of the community.</summary>
/// <remarks>
/// Name, identity number and phone are held for the host's records; <see cref="ToString"/> shows none of
/// them, and events carry only the resident's id.
/// </remarks>
public sealed class Resident
{
    internal Resident(Id<Resident> id, Id<Household> householdId, ResidentRegistration registration, Presence presence, Instant presenceSince)
    {
        Id = id;
        HouseholdId = householdId;
        Name = registration.Name;
        Document = registration.Document;
        Phone = registration.Phone;
        BirthDate = registration.BirthDate;
        Conditions = registration.Conditions;
        Presence = presence;
        PresenceSince = presenceSince;
        LastChangeAt = presenceSince;
    }

    /// <summary>The resident's id, unique in its community.</summary>
    public Id<Resident> Id { get; }

    /// <summary>The household the resident belongs to (the last one, after moving out).</summary>
    public Id<Household> HouseholdId { get; private set; }

    /// <summary>The resident's name (masked in <see cref="PersonName.ToString"/>).</summary>
    public PersonName Name { get; private set; }

    /// <summary>The identity document, if any (masked in its <c>ToString</c>).</summary>
    public IdentityDocument? Document { get; private set; }

    /// <summary>The phone number, if any (masked in its <c>ToString</c>).</summary>
    public PhoneNumber? Phone { get; private set; }

    /// <summary>The birth date, if known.</summary>
    public LocalDate? BirthDate { get; private set; }

    /// <summary>Needs-relevant health facts.</summary>
    public HealthConditions Conditions { get; private set; }

    /// <summary>Present, away or moved out.</summary>
    public Presence Presence { get; private set; }

    /// <summary>When <see cref="Presence"/> last changed (or the registration time).</summary>
    public Instant PresenceSince { get; private set; }

    /// <summary>
    /// When the resident's last recorded change took effect: registration, a move between households, going away,
    /// coming back or moving out. A later change dated before it is refused as out of order.
    /// </summary>
    public Instant LastChangeAt { get; private set; }

    /// <summary>The registration facts this resident was created from (for storage and rebuilding).</summary>
    public ResidentRegistration Registration => new(Name, Document, Phone, BirthDate, Conditions);

    /// <summary>Age in whole years on a date, or null when the birth date is unknown or after the date.</summary>
    /// <param name="on">The date.</param>
    /// <returns>Completed years, never negative; null when unknown or not yet born (so such a person is never
    /// counted as an infant).</returns>
    public int? AgeOn(LocalDate on) =>
        BirthDate is { } born && born <= on ? Period.Between(born, on, PeriodUnits.Years).Years : null;

    /// <summary>True when the resident's personal data was erased under a retention policy (only the pseudonym remains).</summary>
    public bool IsErased => Name == ErasedName;

    /// <summary>The pseudonym an erased resident keeps in place of their name.</summary>
    public static PersonName ErasedName { get; } = new("[erased]");

    internal void MoveTo(Id<Household> household, Instant at)
    {
        HouseholdId = household;
        LastChangeAt = at;
    }

    /// <summary>Replaces every personal fact by nothing (name by the pseudonym); the id, household and presence stay for statistics.</summary>
    internal void Erase()
    {
        Name = ErasedName;
        Document = null;
        Phone = null;
        BirthDate = null;
        Conditions = HealthConditions.None;
    }

    internal void SetPresence(Presence presence, Instant since)
    {
        Presence = presence;
        PresenceSince = since;
        LastChangeAt = since;
    }

    // Restoring: a stored last change (absent from documents written before it was kept) is never before the presence's.
    internal void RestoreLastChange(Instant at) => LastChangeAt = at;

    /// <summary>The id and presence only: personal data never appears in clear text.</summary>
    public override string ToString() => $"Resident {Id} ({Presence})";
}
