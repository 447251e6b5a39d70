using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.State;
using static CommunityDomain.MassTesting.State.StoredPath;

namespace CommunityDomain.MassTesting;

/// <summary>Storing and restoring a round (through its series).</summary>
public sealed partial class TestingRound
{
    /// <summary>Everything the round holds, as plain data for storage (masked names only).</summary>
    /// <returns>The state; <see cref="TestingSeries.Restore"/> rebuilds an equal round from it.</returns>
    public TestingRoundState ToState() => new()
    {
        Number = Number,
        Date = Date,
        Version = Version,
        GeneralPool = Policy.General,
        KeyGroupPool = Policy.KeyGroup,
        MustTest = MustTest.ToState(),
        Sites = [.. _sites.Select(s => new SamplingSiteState(s.Id.Value, s.Compound.Value, s.Name, s.Stations, s.QueueCapacity, s.Position.X, s.Position.Y, s.WalkDown, s.ClosedAt))],
        Tubes = [.. _tubes.Select(t => new TubeState(t.Barcode.Value, t.PoolClass, t.Capacity, t.Site?.Value, t.Household?.Value, [.. t.Members.Select(m => m.Value)],
            t.ClosedAt, t.Result, t.ResultAt, [.. t.SampledAt]))],
        Excused = [.. _excused.OrderBy(x => x.Key).Select(x => new ExcusalState(x.Key.Value, x.Value.Disposition, x.Value.Reason))],
        Assisted = [.. _assisted.Select(r => r.Value).Order()],
        AntigenReports = [.. _antigen.Select(a => new AntigenReportState(a.Resident.Value, a.At, a.Positive))],
        LastSample = _lastSample,
    };

    /// <summary>Rebuilds a round of a series from stored state; every member is checked against what the commands can produce.</summary>
    internal static TestingRound Restore(Id<TestingSeries> series, TestingRoundState state, IClock clock, string path)
    {
        var general = PoolingPolicy.AllowedSizes.Contains(state.GeneralPool) ? state.GeneralPool : throw Fail(path + ".GeneralPool", "pool sizes are 1, 5, 10 or 20.");
        var keyGroup = PoolingPolicy.AllowedSizes.Contains(state.KeyGroupPool) ? state.KeyGroupPool : throw Fail(path + ".KeyGroupPool", "pool sizes are 1, 5, 10 or 20.");
        var mustTest = MustTestList.RestoreAt(state.MustTest, path + ".MustTest");
        if (state.Version < 0)
        {
            throw Fail(path + ".Version", "a version is not negative.");
        }

        var round = new TestingRound(series, state.Number, state.Date, mustTest, new PoolingPolicy(general, keyGroup), clock, state.Version);
        round.LoadSites(List(state.Sites, path + ".Sites"), path + ".Sites");
        round.LoadTubes(List(state.Tubes, path + ".Tubes"), path + ".Tubes", state.LastSample, path + ".LastSample");
        round.LoadExcused(List(state.Excused, path + ".Excused"), path + ".Excused");
        round.LoadAssisted(List(state.Assisted, path + ".Assisted"), path + ".Assisted");
        round.LoadAntigen(List(state.AntigenReports, path + ".AntigenReports"), path + ".AntigenReports");
        if ((state.LastSample is null) != (round._tubes.Count == 0))
        {
            throw Fail(path + ".LastSample", "a round has a last sample exactly when it has tubes.");
        }

        round._lastSample = state.LastSample;

        // Every command that changed the round raised its version by one; excusals may have been overwritten, so this is a lower bound.
        var commands = (long)round._sites.Count + round._sites.Count(s => s.ClosedAt is not null)
            + round._tubes.Sum(t => t.PoolClass is PoolClass.General or PoolClass.KeyGroup ? t.Members.Count : 1)
            + round._tubes.Count(t => t.Result != TubeResult.Pending) + round._excused.Count + round._antigen.Count;
        if (state.Version < commands)
        {
            throw Fail(path + ".Version", $"version {state.Version} is lower than the {commands} commands the round records.");
        }

        return round;
    }

    // Restore loads each list of the state in its own phase (sites, tubes, excusals, assisted, antigen), in the order
    // later ones refer to earlier ones: an assisted registration names a resident sampled at a site.
    private void LoadAssisted(IReadOnlyList<int> assisted, string path)
    {
        for (var i = 0; i < assisted.Count; i++)
        {
            // Only a scan at a site records an assisted registration.
            var resident = new Id<Resident>(Positive(assisted[i], $"{path}[{i}]"));
            if ((i > 0 && assisted[i] <= assisted[i - 1]) || _sampled.GetValueOrDefault(resident)?.Site is null)
            {
                throw Fail($"{path}[{i}]", "assisted residents are ascending and were scanned at a site.");
            }

            _assisted.Add(resident);
        }
    }

    private void LoadAntigen(IReadOnlyList<AntigenReportState> antigen, string path)
    {
        for (var i = 0; i < antigen.Count; i++)
        {
            var a = antigen[i];
            _antigen.Add(new AntigenReport(new Id<Resident>(Positive(a.ResidentId, $"{path}[{i}].ResidentId")), a.At, a.Positive));
        }
    }

    private void LoadSites(IReadOnlyList<SamplingSiteState> sites, string path)
    {
        for (var i = 0; i < sites.Count; i++)
        {
            var s = sites[i];
            var at = $"{path}[{i}]";
            if (s.Id != i + 1)
            {
                throw Fail(at + ".Id", "sites are numbered 1, 2, ... in order.");
            }

            if (!MustTest.Scope.Contains(new Id<Compound>(Positive(s.CompoundId, at + ".CompoundId"))))
            {
                throw Fail(at + ".CompoundId", "the compound is not in the round's scope.");
            }

            if (s.WalkDown < Duration.Zero || s.WalkDown > Duration.FromHours(2))
            {
                throw Fail(at + ".WalkDown", "the walk-down delay is between 0 and 2 hours.");
            }

            var name = Text(s.Name, at + ".Name");
            var stations = s.Stations >= 1 ? s.Stations : throw Fail(at + ".Stations", "a site has at least one station.");
            var queue = s.QueueCapacity >= 1 ? s.QueueCapacity : throw Fail(at + ".QueueCapacity", "a queue holds at least one person.");
            var position = At(at, () => new Position(s.X, s.Y));
            var site = new SamplingSite(new Id<SamplingSite>(s.Id), new Id<Compound>(s.CompoundId), name, stations, queue, position, s.WalkDown);
            if (s.ClosedAt is { } closed)
            {
                site.Close(closed);
            }

            _sites.Add(site);
        }
    }

    private void LoadTubes(IReadOnlyList<TubeState> tubes, string path, Instant? lastSample, string lastSamplePath)
    {
        for (var i = 0; i < tubes.Count; i++)
        {
            var t = tubes[i];
            var at = $"{path}[{i}]";
            var barcode = BarcodeOf(Series, Number, i + 1);
            if (t.Barcode != barcode.Value)
            {
                throw Fail(at + ".Barcode", "barcodes follow the series, the round and the tube's place in it.");
            }

            if (!Enum.IsDefined(t.PoolClass))
            {
                throw Fail(at + ".PoolClass", "not a pool class.");
            }

            var members = List(t.Members, at + ".Members");
            var entries = new MustTestEntry[members.Count];
            for (var m = 0; m < members.Count; m++)
            {
                entries[m] = MustTest.Find(new Id<Resident>(Positive(members[m], $"{at}.Members[{m}]")))
                    ?? throw Fail($"{at}.Members[{m}]", "the resident is not on the must-test list.");
            }

            var times = SampleTimes(t, members.Count, at, lastSample, lastSamplePath);
            var tube = t.PoolClass switch
            {
                PoolClass.General or PoolClass.KeyGroup => SiteTube(t, entries, times, at),
                PoolClass.Household => DoorTube(t, entries, times, at),
                _ => ResampleTube(t, entries, times, at),
            };
            LoadResult(tube, t, at);
            _tubes.Add(tube);
            _tubesByBarcode.Add(barcode, tube);
        }
    }

    /// <summary>The members' sampling times: stored ones checked (one per member, in order, not after the closing or the round's last sample), or read from older documents as an upper bound.</summary>
    private static Instant[] SampleTimes(TubeState t, int members, string at, Instant? lastSample, string lastSamplePath)
    {
        var last = lastSample ?? throw Fail(lastSamplePath, "a round has a last sample exactly when it has tubes.");
        if (t.SampledAt is not { } stored)
        {
            var bound = t.ClosedAt is { } closed && closed < last ? closed : last;
            return [.. Enumerable.Repeat(bound, members)];
        }

        if (stored.Count != members)
        {
            throw Fail(at + ".SampledAt", "one sampling time per member, in member order.");
        }

        for (var i = 0; i < stored.Count; i++)
        {
            if ((i > 0 && stored[i] < stored[i - 1]) || stored[i] > last || (t.ClosedAt is { } closed && stored[i] > closed))
            {
                throw Fail($"{at}.SampledAt[{i}]", "sampling times never decrease and are not after the tube's closing or the round's last sample.");
            }
        }

        return [.. stored];
    }

    private Tube SiteTube(TubeState t, MustTestEntry[] entries, Instant[] times, string at)
    {
        var site = t.SiteId is { } id && id >= 1 && id <= _sites.Count ? _sites[id - 1] : throw Fail(at + ".SiteId", "a site tube names a site of the round.");
        if (t.HouseholdId is not null)
        {
            throw Fail(at + ".HouseholdId", "a site tube names no household.");
        }

        if (t.Capacity != Policy.SizeFor(t.PoolClass))
        {
            throw Fail(at + ".Capacity", "a site tube holds the policy's pool size.");
        }

        if (entries.Length < 1 || entries.Length > t.Capacity)
        {
            throw Fail(at + ".Members", "a site tube holds 1 to k samples.");
        }

        var tube = new Tube(BarcodeOf(Series, Number, _tubes.Count + 1), t.PoolClass, t.Capacity, site.Id, null);
        for (var m = 0; m < entries.Length; m++)
        {
            var entry = entries[m];
            if (entry.Disposition != Disposition.WalkIn || entry.KeyGroup != (t.PoolClass == PoolClass.KeyGroup) || _sampled.ContainsKey(entry.Resident))
            {
                throw Fail($"{at}.Members[{m}]", "a site tube holds walk-ins of its pool class, each sampled once.");
            }

            tube.Add(entry.Resident, times[m]);
            _sampled[entry.Resident] = tube;
        }

        // A site tube closes when full or when its site closes; an open one is its site's only open tube of its class.
        if (t.ClosedAt is { } closed)
        {
            if (entries.Length < t.Capacity && site.ClosedAt is null)
            {
                throw Fail(at + ".ClosedAt", "a tube that is not full closes only with its site.");
            }

            tube.Close(closed);
        }
        else if (entries.Length == t.Capacity || site.ClosedAt is not null || !_openTubes.TryAdd((site.Id, t.PoolClass), tube))
        {
            throw Fail(at + ".ClosedAt", "an open tube is not full, its site is open and it is the site's only open tube of its class.");
        }

        return tube;
    }

    private Tube DoorTube(TubeState t, MustTestEntry[] entries, Instant[] times, string at)
    {
        if (t.SiteId is not null)
        {
            throw Fail(at + ".SiteId", "a door-to-door tube names no site.");
        }

        var household = t.HouseholdId is { } h ? new Id<Household>(Positive(h, at + ".HouseholdId")) : throw Fail(at + ".HouseholdId", "a door-to-door tube names its household.");
        if (entries.Length < 1 || t.Capacity != entries.Length)
        {
            throw Fail(at + ".Capacity", "a door-to-door tube holds its household's sampled residents, at least one.");
        }

        var tube = new Tube(BarcodeOf(Series, Number, _tubes.Count + 1), PoolClass.Household, t.Capacity, null, household);
        for (var m = 0; m < entries.Length; m++)
        {
            var entry = entries[m];
            if (entry.Household != household || entry.Disposition != Disposition.DoorToDoor || _sampled.ContainsKey(entry.Resident))
            {
                throw Fail($"{at}.Members[{m}]", "a door-to-door tube holds its own household's door-to-door residents, each sampled once.");
            }

            tube.Add(entry.Resident, times[m]);
            _sampled[entry.Resident] = tube;
        }

        tube.Close(t.ClosedAt ?? throw Fail(at + ".ClosedAt", "a door-to-door tube is closed at the door."));
        return tube;
    }

    private Tube ResampleTube(TubeState t, MustTestEntry[] entries, Instant[] times, string at)
    {
        if (t.SiteId is not null || t.Capacity != 1 || entries.Length != 1)
        {
            throw Fail(at + ".Members", "a re-sample tube holds one resident and names no site.");
        }

        var entry = entries[0];
        if (t.HouseholdId != entry.Household.Value)
        {
            throw Fail(at + ".HouseholdId", "a re-sample tube names its resident's household.");
        }

        // Only a member of a positive or invalid pooled tube is re-sampled, once, and not before that result.
        var pooled = _tubes.FirstOrDefault(p => p.PoolClass != PoolClass.Individual && p.Result is TubeResult.Positive or TubeResult.Invalid && p.Members.Contains(entry.Resident));
        if (_resampled.ContainsKey(entry.Resident) || pooled is null)
        {
            throw Fail(at + ".Members[0]", "the resident is not on the re-sample list, or was re-sampled before.");
        }

        if (times[0] < pooled.ResultAt!.Value)
        {
            throw Fail(at + ".SampledAt[0]", "a re-sample is not taken before the result that called for it.");
        }

        var tube = new Tube(BarcodeOf(Series, Number, _tubes.Count + 1), PoolClass.Individual, 1, null, entry.Household);
        tube.Add(entry.Resident, times[0]);
        _resampled[entry.Resident] = tube;
        tube.Close(t.ClosedAt ?? throw Fail(at + ".ClosedAt", "a re-sample tube is closed when taken."));
        return tube;
    }

    private static void LoadResult(Tube tube, TubeState t, string at)
    {
        if (!Enum.IsDefined(t.Result))
        {
            throw Fail(at + ".Result", "not a result.");
        }

        if ((t.Result == TubeResult.Pending) != (t.ResultAt is null) || (t.Result != TubeResult.Pending && !tube.IsClosed))
        {
            throw Fail(at + ".ResultAt", "a result has its instant, and only a closed tube has one.");
        }

        if (t.ResultAt is { } when)
        {
            if (when < tube.ClosedAt!.Value)
            {
                throw Fail(at + ".ResultAt", "a result is not dated before its tube closed.");
            }

            tube.Report(t.Result, when);
        }
    }

    private void LoadExcused(IReadOnlyList<ExcusalState> excused, string path)
    {
        for (var i = 0; i < excused.Count; i++)
        {
            var x = excused[i];
            var at = $"{path}[{i}]";
            var resident = new Id<Resident>(Positive(x.ResidentId, at + ".ResidentId"));
            if ((i > 0 && x.ResidentId <= excused[i - 1].ResidentId) || MustTest.Find(resident) is null || _sampled.ContainsKey(resident))
            {
                throw Fail(at + ".ResidentId", "excusals are in resident order, of listed residents not sampled.");
            }

            var reason = x.Disposition switch
            {
                Disposition.Away when x.Reason is null => null,
                Disposition.Exempt => Text(x.Reason, at + ".Reason"),
                _ => throw Fail(at + ".Disposition", "a resident is excused as away (without a reason) or exempt (with one)."),
            };
            _excused.Add(resident, new Excusal(x.Disposition, reason));
        }
    }
}
