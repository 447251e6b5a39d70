using CommunityDomain.Communities.Events;
using CommunityDomain.Kernel;
using OneOf;

namespace CommunityDomain.Communities;

public sealed partial class Community
{
    /// <summary>
    /// Applies a retention policy: the personal data of every resident who moved out more than the policy's days
    /// before <paramref name="at"/> is erased. Erasure removes every value recorded for or by an erased resident, and no
    /// value recorded for a resident who is kept, even when the two are equal: the erased resident's name (replaced by
    /// <see cref="Resident.ErasedName"/>), identity document, phone, birth date and health facts, and every household
    /// contact phone given for them (<see cref="Household.ContactPhoneGivenFor"/>: named with them as contact person,
    /// whatever its number, also after they left that household; the contact person field itself stays). Ids,
    /// households and presence stay, so the statistics do not change.
    /// </summary>
    /// <param name="policy">How long data is kept after moving out.</param>
    /// <param name="at">When the policy is applied.</param>
    /// <param name="by">Who acts; needs <see cref="Permission.Register"/> over the whole community.</param>
    /// <returns>The residents erased now (empty when none was due: no change, no event), or <see cref="NotPermitted"/>.</returns>
    /// <remarks>
    /// <para>Shared numbers: a kept resident's own phone stays even when an erased resident had the same number, and so
    /// does a household contact phone given for a kept resident (e.g. the erased resident's old number, re-given as the
    /// household contact for a relative who stays: it is the relative's contact now). A household's own number (given
    /// with no contact person) is recorded for no one: it is erased when it equals a number of an erased resident
    /// (their phone or a phone given for them), unless a kept resident holds that number as their phone or it is given
    /// for a kept resident elsewhere.</para>
    /// <para>One version for the whole erasure, one <see cref="ResidentDataErased"/> event per resident. A snapshot
    /// taken afterwards (<see cref="ToState"/>), and every view or export made from the community afterwards, holds no
    /// erased value other than one a kept person also holds; no kept resident's data and no phone given for a kept
    /// resident changes. Earlier snapshots are the host's to replace; events never carried personal data. Labels the
    /// host keeps outside the community (e.g. a worker's display name for a resident volunteer) are the host's to erase
    /// on <see cref="ResidentDataErased"/>. Throws no exception: every refusal is in the result.</para>
    /// </remarks>
    public OneOf<Id<Resident>[], NotPermitted> ApplyRetention(RetentionPolicy policy, Instant at, Actor by = default)
    {
        if (by.Check(Permission.Register) is { } denied)
        {
            return denied;
        }

        var due = _residents.Where(r => r.Presence == Presence.MovedOut && !r.IsErased && policy.IsDue(r.PresenceSince, at)).ToList();
        if (due.Count == 0)
        {
            return Array.Empty<Id<Resident>>();
        }

        // Erasure removes what was recorded for (or by) an erased resident and nothing recorded for a kept one, even when
        // equal: a number an erased resident shared with a kept one stays as the kept one's (their own phone, or a
        // household contact phone given for them). A household's own number (given for no one) has no owner to ask: it
        // is taken as the erased resident's when equal to one of their numbers, unless a kept person holds it too.
        var ids = due.Select(r => r.Id).ToHashSet();
        var givenForErased = _households.Where(h => h.ContactPhone is not null && h.ContactPhoneGivenFor is { } f && ids.Contains(f)).ToList();
        var erasedNumbers = due.Select(r => r.Phone).Concat(givenForErased.Select(h => h.ContactPhone)).OfType<Identity.PhoneNumber>().ToHashSet();
        var keptNumbers = _residents.Where(r => !ids.Contains(r.Id)).Select(r => r.Phone)
            .Concat(_households.Where(h => h.ContactPhoneGivenFor is { } f && !ids.Contains(f)).Select(h => h.ContactPhone))
            .OfType<Identity.PhoneNumber>().ToHashSet();
        var unowned = _households.Where(h => h.ContactPhone is { } p && h.ContactPhoneGivenFor is null && erasedNumbers.Contains(p) && !keptNumbers.Contains(p));
        foreach (var home in givenForErased.Concat(unowned).ToList())
        {
            home.ClearContactPhone();
        }

        var version = NextVersion();
        var now = _clock.GetCurrentInstant();
        foreach (var resident in due)
        {
            resident.Erase();
            Raise(new ResidentDataErased(now, by, version, resident.Id, resident.PresenceSince));
        }

        return due.Select(r => r.Id).ToArray();
    }

    /// <summary>Anonymised statistics at an instant: counts only, no names, ID numbers, phones or rooms.</summary>
    /// <param name="at">The instant (ages on its local date).</param>
    /// <param name="by">Who asks; needs <see cref="Permission.Statistics"/> (the office) over the whole community.</param>
    /// <returns>The statistics, or <see cref="NotPermitted"/>.</returns>
    /// <remarks>Throws no exception: every refusal is in the result.</remarks>
    public OneOf<CommunityStatistics, NotPermitted> ExportStatistics(Instant at, Actor by = default)
    {
        if (by.Check(Permission.Statistics) is { } denied)
        {
            return denied;
        }

        var today = at.InZone(Zone).Date;
        var sealedHomes = SealedHouseholds(at).ToHashSet();
        var rows = new List<CompoundStatistics>();
        foreach (var compound in _compounds)
        {
            var homes = _households.Where(h => h.CompoundId == compound.Id).ToList();
            var ids = homes.Select(h => h.Id).ToHashSet();
            var people = _residents.Where(r => ids.Contains(r.HouseholdId)).ToList();
            var current = people.Where(r => r.Presence != Presence.MovedOut).Select(r => r.AgeOn(today)).ToList();
            rows.Add(new CompoundStatistics(
                compound.Id, homes.Count,
                people.Count(r => r.Presence == Presence.Present), people.Count(r => r.Presence == Presence.Away), people.Count(r => r.Presence == Presence.MovedOut),
                current.Count(a => a < 3), current.Count(a => a is >= 3 and < 18), current.Count(a => a is >= 18 and < 60),
                current.Count(a => a is >= 60 and < 80), current.Count(a => a >= 80), current.Count(a => a is null),
                homes.Count(h => sealedHomes.Contains(h.Id))));
        }

        return new CommunityStatistics(at, Zone.Id, rows);
    }

    /// <summary>
    /// The register of current residents (present or away) in the actor's area, in clear: names, identity documents
    /// and phones. Seeing them is a permission of its own (<see cref="Permission.PersonalData"/>), never implied by a role.
    /// </summary>
    /// <param name="by">Who asks; needs <see cref="Permission.PersonalData"/>.</param>
    /// <returns>The entries in resident id order, or <see cref="NotPermitted"/>.</returns>
    /// <remarks>Throws no exception: every refusal is in the result.</remarks>
    public OneOf<RegisterEntry[], NotPermitted> ExportRegister(Actor by = default)
    {
        if (!by.May(Permission.PersonalData))
        {
            return new NotPermitted(by.Account, by.Role, by.Area, Permission.PersonalData, OutsideArea: false);
        }

        return _residents
            .Where(r => r.Presence != Presence.MovedOut)
            .Select(r => (Resident: r, Home: _households[r.HouseholdId]))
            .Where(x => by.Area.Covers(x.Home.CompoundId.Value, x.Home.BuildingId.Value))
            .Select(x => new RegisterEntry(x.Resident.Id, x.Home.Id, x.Home.Room, x.Resident.Name, x.Resident.Document, x.Resident.Phone, x.Resident.Presence))
            .ToArray();
    }
}
