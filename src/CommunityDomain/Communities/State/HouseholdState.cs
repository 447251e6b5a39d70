using CommunityDomain.Communities.Identity;

namespace CommunityDomain.Communities.State;

/// <summary>A stored household (members follow from the residents' household ids).</summary>
/// <param name="Id">The household id's value.</param>
/// <param name="UnitId">Its unit's id value.</param>
/// <param name="Floor">Its floor.</param>
/// <param name="Door">Its door number.</param>
/// <param name="ContactPersonId">The contact person's resident id value, if any.</param>
/// <param name="ContactPhone">The contact phone, if any (masked in <c>ToString</c>).</param>
/// <param name="ContactPhoneGivenForId">The resident id value the contact phone was given for, if any
/// (<see cref="Household.ContactPhoneGivenFor"/>); when set with a contact person, the same person. Null in documents
/// written before it was kept: read as the contact person, when one is set with the phone.</param>
public sealed record HouseholdState(int Id, int UnitId, int Floor, string Door, int? ContactPersonId, PhoneNumber? ContactPhone, int? ContactPhoneGivenForId = null);
