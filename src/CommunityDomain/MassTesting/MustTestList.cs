using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.State;

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
        var homes = new Dictionary<Id<Household>, (Id<Compound>, Id<Building>, Id<Unit>)>();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = Guard.Against.Null(entries[i], nameof(entries));
            if (!_index.TryAdd(entry.Resident, i))
            {
                throw new ArgumentException($"{entry.Resident} is listed twice.", nameof(entries));
            }

            // A household lives in one unit of one building of one compound: the planners group by them.
            var home = (entry.Compound, entry.Building, entry.Unit);
            if (!homes.TryAdd(entry.Household, home) && homes[entry.Household] != home)
            {
                throw new ArgumentException($"{entry.Household} is listed in two places.", nameof(entries));
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
    /// <param name="entries">The entries; a resident at most once, a household in one unit, building and compound.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentException">An entry is null, a resident is listed twice or a household in two places.</exception>
    public static MustTestList Of(Instant at, IEnumerable<MustTestEntry> entries)
    {
        var array = Guard.Against.Null(entries).ToArray();
        Guard.Against.NullItems(array, nameof(entries));
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
        var compounds = Guard.Against.InvalidInput(Guard.Against.Null(scope).Distinct().Order().ToArray(), nameof(scope), static c => c.Length > 0, "The scope names no compound.");

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

    /// <summary>The list as plain data for storage (masked names only).</summary>
    /// <returns>The state; <see cref="Restore"/> rebuilds an equal list from it.</returns>
    public MustTestListState ToState() => new()
    {
        At = At,
        Scope = [.. Scope.Select(c => c.Value)],
        Entries = [.. Entries.Select(e => new MustTestEntryState(e.Resident.Value, e.Household.Value, e.Compound.Value, e.Building.Value, e.Unit.Value,
            e.MaskedName, e.Disposition, e.Intake, e.KeyGroup, e.ExemptReason))],
    };

    /// <summary>Rebuilds a list from stored state.</summary>
    /// <param name="state">The stored state.</param>
    /// <returns>A list equal to the one the state was taken from: same entries in the same order, same scope.</returns>
    /// <exception cref="ArgumentException">The state is inconsistent; the exception's parameter name is the path of the
    /// member at fault (e.g. <c>state.Entries[3].ExemptReason</c>): a scope not ascending or missing an entry's compound,
    /// an entry a <see cref="MustTestEntry"/> would refuse, a resident listed twice, a household split over two units.</exception>
    public static MustTestList Restore(MustTestListState state) => RestoreAt(state, nameof(state));

    internal static MustTestList RestoreAt(MustTestListState? state, string path)
    {
        if (state is null)
        {
            throw StoredPath.Fail(path, "the list is missing.");
        }

        var scope = RestoreScope(state.Scope, path + ".Scope");
        var entries = RestoreEntries(StoredPath.List(state.Entries, path + ".Entries"), scope.ToHashSet(), path + ".Entries");
        return new MustTestList(state.At, [.. scope.Select(c => new Id<Compound>(c))], entries);
    }

    // RestoreAt's phases: the scope first (the entries are checked against it), then the entries, each one checked
    // alone and against those before it (a resident once, a household in one place).
    private static IReadOnlyList<int> RestoreScope(IReadOnlyList<int>? stored, string path)
    {
        var scope = StoredPath.List(stored, path);
        for (var i = 0; i < scope.Count; i++)
        {
            if (scope[i] < 1 || (i > 0 && scope[i] <= scope[i - 1]))
            {
                throw StoredPath.Fail($"{path}[{i}]", "compound ids are positive and ascending.");
            }
        }

        return scope;
    }

    private static MustTestEntry[] RestoreEntries(IReadOnlyList<MustTestEntryState> stored, HashSet<int> inScope, string path)
    {
        var entries = new MustTestEntry[stored.Count];
        var residents = new HashSet<int>();
        var homes = new Dictionary<int, (int Compound, int Building, int Unit)>();
        for (var i = 0; i < stored.Count; i++)
        {
            var e = stored[i];
            var at = $"{path}[{i}]";
            if (e.ExemptReason is { } reason)
            {
                _ = StoredPath.Text(reason, at + ".ExemptReason");
            }

            entries[i] = StoredPath.At(at, () => new MustTestEntry(new Id<Resident>(e.ResidentId), new Id<Household>(e.HouseholdId), new Id<Compound>(e.CompoundId),
                new Id<Building>(e.BuildingId), new Id<Unit>(e.UnitId), e.MaskedName, e.Disposition, e.Intake, e.KeyGroup, e.ExemptReason));
            if (!inScope.Contains(e.CompoundId))
            {
                throw StoredPath.Fail(at + ".CompoundId", "the compound is not in the scope.");
            }

            if (!residents.Add(e.ResidentId))
            {
                throw StoredPath.Fail(at + ".ResidentId", "the resident is listed twice.");
            }

            // A household lives in one unit of one building of one compound.
            var home = (e.CompoundId, e.BuildingId, e.UnitId);
            if (!homes.TryAdd(e.HouseholdId, home) && homes[e.HouseholdId] != home)
            {
                throw StoredPath.Fail(at + ".HouseholdId", "the household is listed in two places.");
            }
        }

        return entries;
    }
}
