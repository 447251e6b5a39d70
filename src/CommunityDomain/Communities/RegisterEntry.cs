using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities;

/// <summary>One line of the clear register export (<see cref="Community.ExportRegister"/>): a resident's personal data in clear.</summary>
/// <remarks>Only an actor holding <see cref="Permission.PersonalData"/> gets these; <see cref="ToString"/> still masks.</remarks>
/// <param name="Resident">The resident.</param>
/// <param name="Household">Their household.</param>
/// <param name="Room">Their room.</param>
/// <param name="Name">Their name.</param>
/// <param name="Document">Their identity document, if any.</param>
/// <param name="Phone">Their phone, if any.</param>
/// <param name="Presence">Present or away.</param>
public sealed record RegisterEntry(Id<Resident> Resident, Id<Household> Household, Room Room, PersonName Name, IdentityDocument? Document, PhoneNumber? Phone, Presence Presence)
{
    /// <summary>Ids and masked data only.</summary>
    public override string ToString() => $"{Resident} {Name.Masked} {Document?.Masked} {Phone?.Masked} ({Presence})".Replace("  ", " ", StringComparison.Ordinal);
}
