using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Errors;
using CommunityDomain.MassTesting.Events;
using OneOf;
using OneOf.Types;

namespace CommunityDomain.MassTesting;

/// <summary>
/// One day's whole-population testing round: its must-test list, sites, scans, tubes and lab results.
/// Started through <see cref="TestingSeries.StartRound"/>.
/// </summary>
/// <remarks>
/// Scanning is idempotent per round: a second scan of a resident is reported and not counted. Site tubes
/// close at k samples or when their site closes; a door-to-door tube holds exactly one household's
/// door-to-door residents. Barcodes are unique within the series. Every successful command that changes
/// the round raises <see cref="AggregateRoot.Version"/> by exactly one, and every event it raises (a sample
/// and the tube it filled; a closed site and the tubes closed with it) carries that one version; a failed
/// or unchanging command leaves the round, its version and its events as they were. An exemption keeps its
/// reason: in the round (<see cref="Exemptions"/>), in its <see cref="Events.ResidentExcused"/> event and in the
/// closure.
/// <para>
/// Who may run what (<see cref="Actor.Check"/>; a refused command returns <see cref="NotPermitted"/> and changes
/// nothing): setting up and closing a site and exempting a resident need <see cref="Permission.TestingRounds"/>
/// (community office; a compound head in their compound); scanning, door-to-door and individual sampling, away
/// marks and antigen reports need <see cref="Permission.Testing"/> (testing staff, the office); lab results need
/// <see cref="Permission.TestResults"/> (the lab, the office). The place checked against the actor's area is the
/// site's compound for site commands, the resident's or household's building on the must-test list for
/// sampling and excusals, and the tube's compound for a result; a place the round does not know (an unlisted
/// resident or household) is the whole community.
/// </para>
/// <para>
/// Time moves forward per tube: a sample is not dated before the previous sample in the same tube, a site does
/// not close before its last sample, a result is not dated before its tube closed, and a re-sample is not dated
/// before the result that put the resident on the re-sample list. Each is refused with
/// <see cref="TubeChangeOutOfOrder"/> and changes nothing. Lab results themselves may arrive late and in any
/// order across tubes (a lab works through its racks days later): only the order within one tube is checked.
/// Antigen self-test reports are facts of their own, not changes of a record, and are recorded in any order.
/// </para>
/// </remarks>
public sealed partial class TestingRound : AggregateRoot
{
    private readonly IClock _clock;
    private readonly List<SamplingSite> _sites = [];
    private readonly List<Tube> _tubes = [];
    private readonly Dictionary<TubeBarcode, Tube> _tubesByBarcode = [];
    private readonly Dictionary<(Id<SamplingSite> Site, PoolClass Class), Tube> _openTubes = [];
    private readonly Dictionary<Id<Resident>, Tube> _sampled = [];
    private readonly Dictionary<Id<Resident>, Tube> _resampled = [];
    private readonly Dictionary<Id<Resident>, Excusal> _excused = [];
    private readonly HashSet<Id<Resident>> _assisted = [];
    private readonly List<AntigenReport> _antigen = [];
    private Instant? _lastSample;

    internal TestingRound(Id<TestingSeries> series, int number, LocalDate date, MustTestList mustTest, PoolingPolicy policy, IClock clock, long version = 0)
        : base(version)
    {
        Series = series;
        Number = number;
        Date = date;
        MustTest = mustTest;
        Policy = policy;
        _clock = clock;
    }

    /// <summary>The series.</summary>
    public Id<TestingSeries> Series { get; }

    /// <summary>The round's number in its series (1 for the first day).</summary>
    public int Number { get; }

    /// <summary>The round's date.</summary>
    public LocalDate Date { get; }

    /// <summary>When the round started (its must-test list's instant).</summary>
    public Instant Start => MustTest.At;

    /// <summary>The must-test list, fixed at the start.</summary>
    public MustTestList MustTest { get; }

    /// <summary>The pooling policy.</summary>
    public PoolingPolicy Policy { get; }

    /// <summary>The sites.</summary>
    public IReadOnlyList<SamplingSite> Sites => _sites;

    /// <summary>Every tube, in opening order.</summary>
    public IReadOnlyList<Tube> Tubes => _tubes;

    /// <summary>Antigen self-test reports recorded beside the round.</summary>
    public IReadOnlyList<AntigenReport> AntigenReports => _antigen;

    /// <summary>Sets up a sampling site in a compound of the round's scope.</summary>
    /// <param name="compound">The compound.</param>
    /// <param name="name">The site's name.</param>
    /// <param name="stations">Sampling stations (at least 1).</param>
    /// <param name="queueCapacity">People who fit on the queue markers (at least 1).</param>
    /// <param name="by">Who set it up.</param>
    /// <param name="position">Where it stands (metres); default the origin.</param>
    /// <param name="walkDown">How long residents take to come down after a call (0-2 hours); default 4 minutes.</param>
    /// <returns>The site, or <see cref="NotPermitted"/> when <paramref name="by"/> may not organise testing in the compound
    /// (<see cref="Permission.TestingRounds"/>: the office, the compound's head).</returns>
    /// <exception cref="ArgumentException">A default or out-of-scope compound, a blank name, no stations or queue space, a walk-down delay out of range.</exception>
    public OneOf<SamplingSite, NotPermitted> AddSite(Id<Compound> compound, string name, int stations, int queueCapacity, Actor by = default, Position position = default, Duration? walkDown = null)
    {
        var delay = Guard.Against.InvalidInput(walkDown ?? Duration.FromMinutes(4), nameof(walkDown), static d => d >= Duration.Zero && d <= Duration.FromHours(2),
            "The walk-down delay is between 0 and 2 hours.");

        Guard.Against.DefaultId(compound);
        if (!MustTest.Scope.Contains(compound))
        {
            throw new ArgumentException($"{compound} is not in this round's scope.", nameof(compound));
        }

        Guard.Against.Blank(name);
        Guard.Against.NegativeOrZero(stations);
        Guard.Against.NegativeOrZero(queueCapacity);
        if (by.Check(Permission.TestingRounds, compound.Value) is { } denied)
        {
            return denied;
        }

        var site = new SamplingSite(new Id<SamplingSite>(_sites.Count + 1), compound, Guard.Against.Blank(name).Trim(),
            Guard.Against.NegativeOrZero(stations), Guard.Against.NegativeOrZero(queueCapacity), position, delay);
        _sites.Add(site);
        Raise(new SamplingSiteAdded(_clock.GetCurrentInstant(), by, NextVersion(), Series, Number, site.Id, compound));
        return site;
    }

    /// <summary>Scans a walk-in resident at a site and puts the sample into the site's open tube for their pool class.</summary>
    /// <param name="resident">The resident.</param>
    /// <param name="site">The site.</param>
    /// <param name="at">When; not before the previous sample in the site's open tube of the resident's pool class.</param>
    /// <param name="assisted">True when a volunteer helped with registration (recorded).</param>
    /// <param name="by">Who scanned: <see cref="Permission.Testing"/> (testing staff, the office) over the site's compound.</param>
    /// <returns>The tube, or why the scan does not count (<see cref="TubeChangeOutOfOrder"/> when dated before the open tube's last sample;
    /// <see cref="NotPermitted"/> for an actor without the role or outside the site's compound).</returns>
    /// <exception cref="ArgumentException">A default resident or site, or a site this round does not have.</exception>
    public OneOf<Tube, NotOnList, AlreadySampled, NotAWalkIn, SiteClosed, TubeChangeOutOfOrder, NotPermitted> Scan(Id<Resident> resident, Id<SamplingSite> site, Instant at, bool assisted = false, Actor by = default)
    {
        Guard.Against.DefaultId(resident);
        var place = RequireSite(site);
        if (WhyNoScan(resident, site, place, by) is { } refused)
        {
            return refused;
        }

        var poolClass = MustTest.Find(resident)!.KeyGroup ? PoolClass.KeyGroup : PoolClass.General;
        if (_openTubes.TryGetValue((site, poolClass), out var tube) && tube.LastSampleAt is { } previous && at < previous)
        {
            return new TubeChangeOutOfOrder(tube.Barcode, at, previous);
        }

        return AddToTube(tube ?? OpenWalkInTube(site, poolClass), resident, site, poolClass, at, assisted, by);
    }

    // The phases of Scan: who may not be scanned here (WhyNoScan, in the order the result's cases are documented), the
    // tube the sample goes into, and the change itself (AddToTube), which alone touches state, so a refusal changes nothing.
    private OneOf<Tube, NotOnList, AlreadySampled, NotAWalkIn, SiteClosed, TubeChangeOutOfOrder, NotPermitted>? WhyNoScan(Id<Resident> resident, Id<SamplingSite> site, SamplingSite place, Actor by)
    {
        if (by.Check(Permission.Testing, place.Compound.Value) is { } denied)
        {
            return denied;
        }

        if (MustTest.Find(resident) is not { } entry)
        {
            return new NotOnList(resident);
        }

        if (_sampled.TryGetValue(resident, out var already))
        {
            return new AlreadySampled(resident, already.Barcode);
        }

        var disposition = DispositionOf(entry);
        if (disposition != Disposition.WalkIn)
        {
            return new NotAWalkIn(resident, disposition);
        }

        if (place.ClosedAt is not null)
        {
            return new SiteClosed(site);
        }

        return null;
    }

    private Tube OpenWalkInTube(Id<SamplingSite> site, PoolClass poolClass)
    {
        var tube = OpenTube(poolClass, Policy.SizeFor(poolClass), site, null);
        _openTubes[(site, poolClass)] = tube;
        return tube;
    }

    private Tube AddToTube(Tube tube, Id<Resident> resident, Id<SamplingSite> site, PoolClass poolClass, Instant at, bool assisted, Actor by)
    {
        tube.Add(resident, at);
        _sampled[resident] = tube;
        if (assisted)
        {
            _assisted.Add(resident);
        }

        Sampled(at);
        var version = NextVersion();
        Raise(new ResidentSampled(_clock.GetCurrentInstant(), by, version, Series, Number, resident, tube.Barcode, assisted));
        if (tube.Members.Count >= tube.Capacity)
        {
            _openTubes.Remove((site, poolClass));
            CloseTube(tube, at, by, version);
        }

        return tube;
    }

    /// <summary>Samples a household's door-to-door residents at its door into one tube holding that household alone.</summary>
    /// <param name="household">The household.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who sampled: <see cref="Permission.Testing"/> (testing staff, the office) over the household's building.</param>
    /// <returns>The closed tube, or why not (<see cref="NotPermitted"/> for an actor without the role or outside the household's area).</returns>
    /// <exception cref="ArgumentException">A default household.</exception>
    public OneOf<Tube, NoDoorToDoorHere, NotPermitted> SampleAtDoor(Id<Household> household, Instant at, Actor by = default)
    {
        Guard.Against.DefaultId(household);
        var home = MustTest.Entries.FirstOrDefault(e => e.Household == household);
        if (Check(by, Permission.Testing, home) is { } denied)
        {
            return denied;
        }

        var due = MustTest.Entries
            .Where(e => e.Household == household && DispositionOf(e) == Disposition.DoorToDoor && !_sampled.ContainsKey(e.Resident))
            .ToList();
        if (due.Count == 0)
        {
            return new NoDoorToDoorHere(household);
        }

        var tube = OpenTube(PoolClass.Household, due.Count, null, household);
        foreach (var entry in due)
        {
            tube.Add(entry.Resident, at);
            _sampled[entry.Resident] = tube;
        }

        Sampled(at);
        var version = NextVersion();
        Raise(new HouseholdSampledAtDoor(_clock.GetCurrentInstant(), by, version, Series, Number, household, tube.Barcode, due.Count));
        CloseTube(tube, at, by, version);
        return tube;
    }

    /// <summary>Re-samples a resident of the re-sample list individually, into a tube of their own.</summary>
    /// <param name="resident">The resident.</param>
    /// <param name="at">When; not before the result of the pooled tube that put them on the re-sample list.</param>
    /// <param name="by">Who sampled: <see cref="Permission.Testing"/> (testing staff, the office) over the resident's building.</param>
    /// <returns>The closed single tube, or why not (<see cref="TubeChangeOutOfOrder"/> when dated before that result;
    /// <see cref="NotPermitted"/> for an actor without the role or outside the resident's area).</returns>
    /// <exception cref="ArgumentException">A default resident.</exception>
    public OneOf<Tube, NotOnResampleList, AlreadySampled, TubeChangeOutOfOrder, NotPermitted> SampleIndividually(Id<Resident> resident, Instant at, Actor by = default)
    {
        Guard.Against.DefaultId(resident);
        if (Check(by, Permission.Testing, MustTest.Find(resident)) is { } denied)
        {
            return denied;
        }

        if (_resampled.TryGetValue(resident, out var done))
        {
            return new AlreadySampled(resident, done.Barcode);
        }

        if (!Resamples.Any(r => r.Resident == resident))
        {
            return new NotOnResampleList(resident);
        }

        // The re-sample follows the result that called for it.
        var pooled = _sampled[resident];
        if (pooled.ResultAt is { } called && at < called)
        {
            return new TubeChangeOutOfOrder(pooled.Barcode, at, called);
        }

        var tube = OpenTube(PoolClass.Individual, 1, null, MustTest.Find(resident)!.Household);
        tube.Add(resident, at);
        _resampled[resident] = tube;
        Sampled(at);
        var version = NextVersion();
        Raise(new ResidentSampled(_clock.GetCurrentInstant(), by, version, Series, Number, resident, tube.Barcode, false));
        CloseTube(tube, at, by, version);
        return tube;
    }

    /// <summary>Marks a listed resident who has not been sampled as away (they left before being tested).</summary>
    /// <param name="resident">The resident.</param>
    /// <param name="by">Who recorded it: <see cref="Permission.Testing"/> (testing staff, the office) over the resident's building.</param>
    /// <returns>Success, or why not (<see cref="NotPermitted"/> for an actor without the role or outside the resident's area).</returns>
    /// <exception cref="ArgumentException">A default resident.</exception>
    public ExcuseResult MarkAway(Id<Resident> resident, Actor by = default) => Excuse(resident, Disposition.Away, null, Permission.Testing, by);

    /// <summary>
    /// Exempts a listed resident who has not been sampled, with a reason the round keeps: it shows in
    /// <see cref="Exemptions"/>, in the <see cref="Events.ResidentExcused"/> event and in the closure. Exempting
    /// an exempt resident again with another reason replaces the reason; with the same reason it changes nothing.
    /// </summary>
    /// <param name="resident">The resident.</param>
    /// <param name="reason">Why (not blank; trimmed).</param>
    /// <param name="by">Who exempted them: <see cref="Permission.TestingRounds"/> (the office; a compound head in their compound).</param>
    /// <returns>Success, or why not (<see cref="NotPermitted"/> for an actor without the role or outside the resident's area).</returns>
    /// <exception cref="ArgumentException">A default resident, or <paramref name="reason"/> is null or blank.</exception>
    public ExcuseResult Exempt(Id<Resident> resident, string reason, Actor by = default)
    {
        var why = Guard.Against.Blank(reason).Trim();
        return Excuse(resident, Disposition.Exempt, why, Permission.TestingRounds, by);
    }

    /// <summary>Why a listed resident is exempt now (from the must-test list or a later <see cref="Exempt"/>), or null when they are not exempt.</summary>
    /// <param name="resident">The resident.</param>
    /// <returns>The reason or null.</returns>
    public string? ExemptReasonOf(Id<Resident> resident) =>
        MustTest.Find(resident) is { } entry && DispositionOf(entry) == Disposition.Exempt && !_sampled.ContainsKey(resident) ? ReasonOf(entry) : null;

    /// <summary>Everyone exempt now, with their reasons, in must-test list order: what an inspector asks for.</summary>
    public IReadOnlyList<ExemptResident> Exemptions =>
        [.. MustTest.Entries.Where(e => !_sampled.ContainsKey(e.Resident) && DispositionOf(e) == Disposition.Exempt).Select(ExemptionOf)];

    /// <summary>Closes a site; its open tubes close with it, whatever their fill.</summary>
    /// <param name="site">The site.</param>
    /// <param name="at">When; not before the site's last sample.</param>
    /// <param name="by">Who closed it: <see cref="Permission.TestingRounds"/> (the office; the head of the site's compound).</param>
    /// <returns>The closing with the tubes closed now (none when the site was already closed: nothing changes), or
    /// <see cref="TubeChangeOutOfOrder"/> naming the tube with the site's last sample when <paramref name="at"/> is before it,
    /// or <see cref="NotPermitted"/> for an actor without the role or outside the site's compound.</returns>
    /// <exception cref="ArgumentException">A default site, or a site this round does not have.</exception>
    public OneOf<ClosedSite, TubeChangeOutOfOrder, NotPermitted> CloseSite(Id<SamplingSite> site, Instant at, Actor by = default)
    {
        var place = RequireSite(site);
        if (by.Check(Permission.TestingRounds, place.Compound.Value) is { } denied)
        {
            return denied;
        }

        if (place.ClosedAt is { } closedBefore)
        {
            return new ClosedSite(site, closedBefore, []);
        }

        // A closing follows every sample taken at the site (a full tube closed with its last sample).
        var latest = _tubes.Where(t => t.Site == site && t.LastSampleAt is not null).MaxBy(t => t.LastSampleAt);
        if (latest?.LastSampleAt is { } last && at < last)
        {
            return new TubeChangeOutOfOrder(latest.Barcode, at, last);
        }

        place.Close(at);
        var version = NextVersion();
        Raise(new SamplingSiteClosed(_clock.GetCurrentInstant(), by, version, Series, Number, site));
        var closing = _openTubes.Where(kv => kv.Key.Site == site).Select(kv => kv.Value).OrderBy(t => t.Barcode.Value, StringComparer.Ordinal).ToList();
        foreach (var tube in closing)
        {
            _openTubes.Remove((site, tube.PoolClass));
            CloseTube(tube, at, by, version);
        }

        return new ClosedSite(site, at, closing);
    }

    /// <summary>
    /// Records a lab result. Results may arrive late (days after the round) and in any order across tubes; the
    /// same result twice is accepted once. Within one tube the order is checked: a result is not dated before the
    /// tube closed.
    /// </summary>
    /// <param name="barcode">The tube.</param>
    /// <param name="result">Negative, positive or invalid.</param>
    /// <param name="at">When it arrived; not before the tube closed.</param>
    /// <param name="by">Who recorded it: <see cref="Permission.TestResults"/> (the lab, the office) over the tube's compound.</param>
    /// <returns>The tube, or why not (<see cref="TubeChangeOutOfOrder"/> when dated before the tube closed; <see cref="NotPermitted"/>
    /// for an actor without the role, or outside the tube's compound; an unknown tube is placed in the whole community).</returns>
    /// <exception cref="ArgumentException"><paramref name="result"/> is <see cref="TubeResult.Pending"/> or not a defined result.</exception>
    public OneOf<Tube, UnknownTube, TubeStillOpen, ConflictingResult, TubeChangeOutOfOrder, NotPermitted> RecordResult(TubeBarcode barcode, TubeResult result, Instant at, Actor by = default)
    {
        Guard.Against.InvalidInput(result, nameof(result), static r => r != TubeResult.Pending && Enum.IsDefined(r), "A lab reports negative, positive or invalid.");

        // An unknown tube has no place: only an actor over the whole community learns that it is unknown.
        if (!_tubesByBarcode.TryGetValue(barcode, out var tube))
        {
            return by.Check(Permission.TestResults) is { } refused ? refused : new UnknownTube(barcode);
        }

        if (by.Check(Permission.TestResults, CompoundOf(tube).Value) is { } denied)
        {
            return denied;
        }

        if (!tube.IsClosed)
        {
            return new TubeStillOpen(barcode);
        }

        if (tube.Result != TubeResult.Pending)
        {
            return tube.Result == result ? tube : new ConflictingResult(barcode, tube.Result, result);
        }

        if (at < tube.ClosedAt!.Value)
        {
            return new TubeChangeOutOfOrder(barcode, at, tube.ClosedAt.Value);
        }

        tube.Report(result, at);
        Raise(new TubeResultRecorded(_clock.GetCurrentInstant(), by, NextVersion(), Series, Number, barcode, result));
        return tube;
    }

    /// <summary>Records an antigen self-test beside the round.</summary>
    /// <param name="resident">The resident (need not be on the list).</param>
    /// <param name="at">When it was taken.</param>
    /// <param name="positive">The outcome.</param>
    /// <param name="by">Who recorded it: <see cref="Permission.Testing"/> (testing staff, the office) over the resident's building
    /// on the list (the whole community for a resident not on it).</param>
    /// <returns>The report, or <see cref="NotPermitted"/> for an actor without the role or outside the resident's area.</returns>
    /// <exception cref="ArgumentException">A default resident.</exception>
    public OneOf<AntigenReport, NotPermitted> RecordAntigen(Id<Resident> resident, Instant at, bool positive, Actor by = default)
    {
        var report = new AntigenReport(Guard.Against.DefaultId(resident), at, positive);
        if (Check(by, Permission.Testing, MustTest.Find(resident)) is { } denied)
        {
            return denied;
        }

        _antigen.Add(report);
        Raise(new AntigenReported(_clock.GetCurrentInstant(), by, NextVersion(), Series, Number, resident, positive));
        return report;
    }

    /// <summary>The tube a resident was sampled into, if any.</summary>
    /// <param name="resident">The resident.</param>
    /// <returns>The tube or null.</returns>
    public Tube? TubeOf(Id<Resident> resident) => _sampled.GetValueOrDefault(resident);

    /// <summary>True when the resident's registration was assisted.</summary>
    /// <param name="resident">The resident.</param>
    /// <returns>Whether it was.</returns>
    public bool WasAssisted(Id<Resident> resident) => _assisted.Contains(resident);

    /// <summary>
    /// The residents to re-sample individually: exactly the members of every positive or invalid pooled or
    /// household tube, in tube then sampling order (a re-sample tube itself is not re-sampled again).
    /// </summary>
    public IReadOnlyList<Resample> Resamples =>
        [.. _tubes.Where(t => t.PoolClass != PoolClass.Individual && t.Result is TubeResult.Positive or TubeResult.Invalid)
            .SelectMany(t => t.Members.Select(m => new Resample(m, MustTest.Find(m)!.Household, MustTest.Find(m)!.MaskedName, t.Barcode, t.Result)))];

    /// <summary>The re-sample list's residents not yet re-sampled.</summary>
    public IReadOnlyList<Resample> PendingResamples => [.. Resamples.Where(r => !_resampled.ContainsKey(r.Resident))];

    /// <summary>The individual re-sample tube of a resident, if any.</summary>
    /// <param name="resident">The resident.</param>
    /// <returns>The tube or null.</returns>
    public Tube? ResampleOf(Id<Resident> resident) => _resampled.GetValueOrDefault(resident);

    /// <summary>The households flagged for control: a positive tube's members' households as the must-test list has them (where they were sampled), in id order.</summary>
    public IReadOnlyList<Id<Household>> FlaggedHouseholds =>
        [.. _tubes.Where(t => t.Result == TubeResult.Positive).SelectMany(t => t.Members).Select(m => MustTest.Find(m)!.Household).Distinct().Order()];

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Round {Number} of {Series} on {Date:yyyy-MM-dd}: {_sampled.Count} sampled, {_tubes.Count} tubes");

    // A listed resident's or household's place is their building; an unlisted one is placed in the whole community.
    private static NotPermitted? Check(Actor by, Permission needed, MustTestEntry? entry) =>
        entry is null ? by.Check(needed) : by.Check(needed, entry.Compound.Value, entry.Building.Value);

    private Disposition DispositionOf(MustTestEntry entry) => _excused.TryGetValue(entry.Resident, out var excused) ? excused.Disposition : entry.Disposition;

    // The reason of an exempt resident: the round's own exemption, else the list's.
    private string? ReasonOf(MustTestEntry entry) => _excused.TryGetValue(entry.Resident, out var excused) ? excused.Reason : entry.ExemptReason;

    private ExemptResident ExemptionOf(MustTestEntry entry) => new(entry.Resident, entry.Building, entry.Unit, entry.MaskedName, ReasonOf(entry)!);

    private ExcuseResult Excuse(Id<Resident> resident, Disposition disposition, string? reason, Permission needed, Actor by)
    {
        Guard.Against.DefaultId(resident);
        if (Check(by, needed, MustTest.Find(resident)) is { } denied)
        {
            return denied;
        }

        if (MustTest.Find(resident) is not { } entry)
        {
            return new NotOnList(resident);
        }

        if (_sampled.TryGetValue(resident, out var tube))
        {
            return new AlreadySampled(resident, tube.Barcode);
        }

        if (DispositionOf(entry) == disposition && ReasonOf(entry) == reason)
        {
            return new Success();
        }

        _excused[resident] = new Excusal(disposition, reason);
        Raise(new ResidentExcused(_clock.GetCurrentInstant(), by, NextVersion(), Series, Number, resident, disposition, reason));
        return new Success();
    }

    private Tube OpenTube(PoolClass poolClass, int capacity, Id<SamplingSite>? site, Id<Household>? household)
    {
        // Series, round and a sequence: unique within the series by construction.
        var barcode = BarcodeOf(Series, Number, _tubes.Count + 1);
        var tube = new Tube(barcode, poolClass, capacity, site, household);
        _tubes.Add(tube);
        _tubesByBarcode.Add(barcode, tube);
        return tube;
    }

    // The command that closes a tube already raised the version: its TubeClosed event carries that version.
    private void CloseTube(Tube tube, Instant at, Actor by, long version)
    {
        tube.Close(at);
        Raise(new TubeClosed(_clock.GetCurrentInstant(), by, version, Series, Number, tube.Barcode, tube.Members.Count));
    }

    private static TubeBarcode BarcodeOf(Id<TestingSeries> series, int number, int place) =>
        new(string.Create(CultureInfo.InvariantCulture, $"S{series.Value}-R{number:D2}-{place:D6}"));

    private void Sampled(Instant at) => _lastSample = _lastSample is { } last && last > at ? last : at;

    private SamplingSite RequireSite(Id<SamplingSite> site)
    {
        Guard.Against.DefaultId(site);
        return site.Value <= _sites.Count ? _sites[site.Value - 1] : throw new ArgumentException($"No {site} in this round.", nameof(site));
    }

    /// <summary>A resident marked away or exempt after the round started; a reason only for an exemption.</summary>
    private readonly record struct Excusal(Disposition Disposition, string? Reason);
}
