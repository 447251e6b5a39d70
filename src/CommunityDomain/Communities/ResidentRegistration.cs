using CommunityDomain.Communities.Identity;

namespace CommunityDomain.Communities;

/// <summary>The facts needed to register a resident: a name, an optional identity document and phone, and health facts.</summary>
/// <remarks>
/// The birth date comes from a mainland ID number when there is one (and must then agree with any date
/// given); otherwise it may be given directly or stay unknown. Personal data is shown masked in
/// <see cref="ToString"/>.
/// </remarks>
public sealed record ResidentRegistration
{
    /// <summary>Creates a registration.</summary>
    /// <param name="name">The resident's name; not default.</param>
    /// <param name="document">The identity document, or null (newborns, some foreigners).</param>
    /// <param name="phone">A phone number, or null.</param>
    /// <param name="birthDate">The birth date when no mainland ID number gives it; must agree with the ID number otherwise.</param>
    /// <param name="conditions">Needs-relevant health facts.</param>
    /// <exception cref="ArgumentException">The name or document is default, or the birth date disagrees with the ID number.</exception>
    public ResidentRegistration(
        PersonName name,
        IdentityDocument? document = null,
        PhoneNumber? phone = null,
        LocalDate? birthDate = null,
        HealthConditions conditions = HealthConditions.None)
    {
        Name = Guard.Against.InvalidInput(name, nameof(name), static n => !string.IsNullOrEmpty(n.Value), "The name is required (the name is default).");
        Guard.Against.InvalidInput(document, nameof(document), static d => d is not { } doc || doc.Kind != 0,
            "The identity document is default; pass null for none.");
        Guard.Against.InvalidInput(phone, nameof(phone), static p => p is not { } ph || !string.IsNullOrEmpty(ph.Value),
            "The phone number is default; pass null for none.");

        if (document?.BirthDate is { } derived && birthDate is { } given && derived != given)
        {
            throw new ArgumentException("The birth date disagrees with the one in the ID number.", nameof(birthDate));
        }

        Document = document;
        Phone = phone;
        BirthDate = document?.BirthDate ?? birthDate;
        Conditions = conditions;
    }

    /// <summary>The resident's name.</summary>
    public PersonName Name { get; }

    /// <summary>The identity document, if any.</summary>
    public IdentityDocument? Document { get; }

    /// <summary>The phone number, if any.</summary>
    public PhoneNumber? Phone { get; }

    /// <summary>The birth date, from the ID number when there is one.</summary>
    public LocalDate? BirthDate { get; }

    /// <summary>Needs-relevant health facts.</summary>
    public HealthConditions Conditions { get; }

    /// <summary>Masked name and document.</summary>
    public override string ToString() => $"{Name.Masked} {Document?.Masked}".TrimEnd();
}
