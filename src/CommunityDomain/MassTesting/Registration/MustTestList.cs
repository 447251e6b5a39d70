using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting;

/// <summary>
/// A round's must-test list, fixed at the round's start: every resident of the scope who has not moved out,
/// each with what the round expects (walk in, door to door, away, exempt with a reason).
/// </summary>
public sealed class MustTestList
{
    private readonly Dictionary<Id<Resident>, int> _index;

    private MustTestList(Instant at, IReadOnlyList<Id<Compound>> scope, MustTestEntry[] entries)
    {
        At = at;
        Scope = scope;
        Entries = entries;
        _index = new Dictionary<Id<Resident>, int>(entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            if (!_index.TryAdd(entries[i].Resident, i))
            {
                throw new ArgumentException($"{entries[i].Resident} is listed twice.", nameof(entries));
            }
        }
    }

    /// <summary>When the list was derived (the round's start).</summary>
    public Instant At { get; }

    /// <summary>The compounds in scope.</summary>
    public IReadOnlyList<Id<Compound>> Scope { get; }

    /// <summary>Every entry, in household then resident order.</summary>
    public IReadOnlyList<MustTestEntry> Entries { get; }

    /// <summary>The entries that come down to a site.</summary>
    public IEnumerable<MustTestEntry> WalkIns => Entries.Where(e => e.Disposition == Disposition.WalkIn);

    /// <summary>The entries sampled at the door.</summary>
    public IEnumerable<MustTestEntry> DoorToDoor => Entries.Where(e => e.Disposition == Disposition.DoorToDoor);

    /// <summary>The away residents, listed separately.</summary>
    public IEnumerable<MustTestEntry> Away => Entries.Where(e => e.Disposition == Disposition.Away);

    /// <summary>The exempt residents, each with a reason.</summary>
    public IEnumerable<MustTestEntry> Exempt => Entries.Where(e => e.Disposition == Disposition.Exempt);

    /// <summary>Finds a resident's entry.</summary>
    /// <param name="resident">The resident.</param>
    /// <returns>The entry, or null when not listed.</returns>
    public MustTestEntry? Find(Id<Resident> resident) => _index.TryGetValue(resident, out var i) ? Entries[i] : null;

    /// <summary>Builds a list from plain entries (a host that keeps its own register).</summary>
    /// <param name="at">When the list applies.</param>
    /// <param name="entries">The entries; a resident at most once.</param>
    /// <returns>The list.</returns>
    public static MustTestList Of(Instant at, IEnumerable<MustTestEntry> entries)
    {
        var array = Guard.Against.Null(entries).ToArray();
        return new MustTestList(at, [.. array.Select(e => e.Compound).Distinct().Order()], array);
    }

    /// <summary>
    /// Derives the list from a community at an instant: present residents walk in, sealed households and
    /// bedridden residents are sampled at the door, away residents are listed separately, exemptions carry
    /// their reason. Moved-out residents are not listed.
    /// </summary>
    /// <param name="community">The community.</param>
    /// <param name="scope">The compounds in scope.</param>
    /// <param name="at">The round's start.</param>
    /// <param name="exemptions">Residents exempt from this round, with reasons.</param>
    /// <param name="keyGroups">Residents in key groups (smaller pools).</param>
    /// <param name="preRegistered">Who has a QR code; by default every resident aged 16-69 with a phone.</param>
    /// <returns>The list.</returns>
    public static MustTestList From(Community community, IEnumerable<Id<Compound>> scope, Instant at,
        IReadOnlyDictionary<Id<Resident>, string>? exemptions = null, IReadOnlySet<Id<Resident>>? keyGroups = null,
        Func<Resident, bool>? preRegistered = null)
    {
        Guard.Against.Null(community);
        var compounds = Guard.Against.Null(scope).Distinct().Order().ToArray();
        if (compounds.Length == 0)
        {
            throw new ArgumentException("The scope names no compound.", nameof(scope));
        }

        var today = at.InZone(community.Zone).Date;
        var sealedHomes = community.SealedHouseholds(at).ToHashSet();
        var entries = new List<MustTestEntry>();
        foreach (var compound in compounds)
        {
            foreach (var householdId in community.HouseholdsIn(compound))
            {
                var home = community.Get(householdId);
                var building = home.BuildingId;
                foreach (var residentId in home.Members)
                {
                    var resident = community.Get(residentId);
                    if (resident.Presence == Presence.MovedOut)
                    {
                        continue;
                    }

                    var age = resident.AgeOn(today);
                    var needsHelp = age >= 70 || resident.Conditions.HasFlag(HealthConditions.Disabled);
                    var qr = preRegistered?.Invoke(resident) ?? (resident.Phone is not null && age is >= 16 and < 70);
                    var intake = needsHelp ? Intake.Assisted : qr ? Intake.QrCode : Intake.Typed;
                    string? reason = null;
                    var disposition = resident.Presence == Presence.Away ? Disposition.Away
                        : exemptions is not null && exemptions.TryGetValue(residentId, out reason) ? Disposition.Exempt
                        : sealedHomes.Contains(householdId) || resident.Conditions.HasFlag(HealthConditions.Bedridden) ? Disposition.DoorToDoor
                        : Disposition.WalkIn;
                    entries.Add(new MustTestEntry(residentId, householdId, compound, building, home.UnitId, resident.Name.Masked,
                        disposition, intake, keyGroups?.Contains(residentId) == true, disposition == Disposition.Exempt ? reason : null));
                }
            }
        }

        return new MustTestList(at, compounds, [.. entries]);
    }
}
