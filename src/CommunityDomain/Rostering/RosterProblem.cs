using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering.Engine;

namespace CommunityDomain.Rostering;

/// <summary>
/// A validated, immutable rostering problem: shifts, demands, workers, rules, wishes and pins over a
/// horizon of dates. Create it with <see cref="Create"/>; plan it with <see cref="RosterPlanner.Plan"/>.
/// </summary>
/// <remarks>
/// <see cref="Create"/> checks everything once: unknown shift codes, posts, workers or dates in
/// demands, wishes, pins and rules; duplicate shifts, demands, workers and pins; a post listed under
/// two compounds, or (with a community) in another compound than the community's. Each failure throws an <see cref="ArgumentException"/> naming the parameter and the
/// offending item. A worker's rules are, in order: <see cref="Worker.Rules"/>, the rules for the
/// worker's kind, the default rules, <see cref="WorkRules.None"/>. Two duties of a worker that overlap
/// in time are a hard violation (<see cref="RuleKind.Overlap"/>) whatever the rules say; overlap, rest and
/// availability are judged on the duties' real intervals, as instants in <see cref="Zone"/>
/// (<see cref="ShiftDefinition.On"/>), so a night across a daylight-saving change is as long as it really is
/// (see docs/rostering.md, "Rules about instants").
/// </remarks>
public sealed class RosterProblem
{
    private readonly IReadOnlyDictionary<WorkerKind, WorkRules> _rulesByKind;

    private RosterProblem(
        DateInterval horizon,
        IReadOnlyList<ShiftDefinition> shifts,
        IReadOnlyList<Demand> demands,
        IReadOnlyList<Worker> workers,
        WorkRules defaultRules,
        IReadOnlyDictionary<WorkerKind, WorkRules> rulesByKind,
        IReadOnlyList<ShiftWish> wishes,
        IReadOnlyList<RosterAssignment> pins,
        PreferenceWeights weights,
        DateTimeZone zone)
    {
        Horizon = horizon;
        Shifts = shifts;
        Demands = demands;
        Workers = workers;
        DefaultRules = defaultRules;
        _rulesByKind = rulesByKind;
        Wishes = wishes;
        Pins = pins;
        Weights = weights;
        Zone = zone;
        Compiled = ProblemCompiler.Compile(this);
    }

    /// <summary>The dates planned.</summary>
    public DateInterval Horizon { get; }

    /// <summary>The shift definitions, codes unique.</summary>
    public IReadOnlyList<ShiftDefinition> Shifts { get; }

    /// <summary>The demands, at most one per post, date, shift code and qualification.</summary>
    public IReadOnlyList<Demand> Demands { get; }

    /// <summary>The workers, ids unique.</summary>
    public IReadOnlyList<Worker> Workers { get; }

    /// <summary>The rules for workers with neither their own rules nor rules for their kind.</summary>
    public WorkRules DefaultRules { get; }

    /// <summary>The wishes.</summary>
    public IReadOnlyList<ShiftWish> Wishes { get; }

    /// <summary>Pinned assignments, kept in every roster the planner returns.</summary>
    public IReadOnlyList<RosterAssignment> Pins { get; }

    /// <summary>Own-compound and fairness weights.</summary>
    public PreferenceWeights Weights { get; }

    /// <summary>
    /// The time zone the shift times, dates and availability windows are in: duties are placed in it as instants
    /// (<see cref="ShiftDefinition.On"/>) for overlap, rest and availability. The community's zone when the problem
    /// was created with one; otherwise UTC, a clock without daylight-saving changes, unless a zone was given.
    /// </summary>
    public DateTimeZone Zone { get; }

    /// <summary>True when <see cref="Zone"/> is a clock of its own: not UTC nor another zone whose offset is always zero (what a problem created without a zone reads its times on).</summary>
    internal bool HasOwnZone => !ZoneClock.IsUtc(Zone);

    /// <summary>
    /// Refuses a view of this problem in zone <paramref name="shown"/> unless it is this problem's clock: the problem's zone,
    /// or any zone for a problem without its own (<see cref="HasOwnZone"/>); otherwise the view would show other times
    /// than the planner judged.
    /// </summary>
    /// <exception cref="ArgumentException">The view's zone is not the problem's; names <paramref name="parameterName"/>.</exception>
    internal void CheckShownIn(DateTimeZone shown, string parameterName)
    {
        if (HasOwnZone && !ZoneClock.Same(shown, Zone))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The roster's times are in {Zone.Id}; these labels show {shown.Id}. Build the labels in the problem's zone (Labels.For with its community)."), parameterName);
        }
    }

    internal CompiledProblem Compiled { get; }

    /// <summary>The compiled cells of assignments a public entry point was given: the one check of assignments against
    /// this problem, at the boundary, so the engine's mapper trusts what it maps.</summary>
    /// <param name="assignments">The assignments, at most one per worker and date, each matching a worker, a demand and a date.</param>
    /// <param name="parameterName">The public parameter they came in (<c>nameof(published)</c>), named by the exception.</param>
    /// <exception cref="ArgumentException">An assignment matches no worker, demand or date, or is a worker's second that date.</exception>
    internal int[] CellsOf(IEnumerable<RosterAssignment> assignments, string parameterName)
    {
        if (!AssignmentMapper.TryToCells(this, assignments, out var cells, out var refusal))
        {
            throw new ArgumentException(refusal, parameterName);
        }

        return cells;
    }

    /// <summary>The rules by worker kind, as given to <see cref="Create"/> (read by the JSON contract).</summary>
    internal IReadOnlyDictionary<WorkerKind, WorkRules> RulesByKind => _rulesByKind;

    /// <summary>The rules that apply to a worker.</summary>
    /// <param name="worker">A worker of this problem.</param>
    /// <returns>The worker's own rules, else their kind's, else the default rules.</returns>
    public WorkRules RulesFor(Worker worker)
    {
        Guard.Against.Null(worker);
        return worker.Rules ?? (_rulesByKind.TryGetValue(worker.Kind, out var r) ? r : DefaultRules);
    }

    /// <summary>The same problem with some parts replaced (validated again); used by repair and dispatch.</summary>
    internal RosterProblem With(
        IEnumerable<ShiftDefinition>? shifts = null,
        IEnumerable<Demand>? demands = null,
        IEnumerable<Worker>? workers = null,
        IEnumerable<RosterAssignment>? pins = null,
        IEnumerable<ShiftWish>? wishes = null) =>
        Create(Horizon, shifts ?? Shifts, demands ?? Demands, workers ?? Workers, DefaultRules, _rulesByKind, wishes ?? Wishes, pins ?? Pins, Weights, zone: Zone);

    /// <summary>Validates and compiles a problem.</summary>
    /// <param name="horizon">The dates to plan.</param>
    /// <param name="shifts">Shift definitions with unique codes.</param>
    /// <param name="demands">Demands inside the horizon for known shift codes.</param>
    /// <param name="workers">Workers with unique ids.</param>
    /// <param name="defaultRules">Rules for workers without their own or their kind's; none when null.</param>
    /// <param name="rulesByKind">Rules per worker kind; none when null.</param>
    /// <param name="wishes">Shift-on and shift-off wishes of known workers; none when null.</param>
    /// <param name="pins">Assignments the planner must keep, each matching a demand; none when null.</param>
    /// <param name="weights">Own-compound and fairness weights; nothing when null.</param>
    /// <param name="community">
    /// The community the posts belong to; when given, every demand's post must be one of its posts and the
    /// demand's compound that post's compound, and every confinement one of its compounds. Without it the
    /// demands' compounds are only checked against each other (build demands from the community's posts: <c>new Demand(post.Id, post.CompoundId, ...)</c>).
    /// </param>
    /// <param name="zone">
    /// The time zone the shift times are in (<see cref="Zone"/>); when null, the community's zone, else UTC. With a
    /// community it must be the community's zone (or another TZDB name of it, e.g. <c>US/Eastern</c>); the community's is kept.
    /// </param>
    /// <returns>The problem.</returns>
    /// <exception cref="ArgumentException">An item is invalid, unknown or duplicated, or <paramref name="zone"/> is not the community's; the message names it.</exception>
    public static RosterProblem Create(
        DateInterval horizon,
        IEnumerable<ShiftDefinition> shifts,
        IEnumerable<Demand> demands,
        IEnumerable<Worker> workers,
        WorkRules? defaultRules = null,
        IReadOnlyDictionary<WorkerKind, WorkRules>? rulesByKind = null,
        IEnumerable<ShiftWish>? wishes = null,
        IEnumerable<RosterAssignment>? pins = null,
        PreferenceWeights? weights = null,
        Community? community = null,
        DateTimeZone? zone = null)
    {
        Guard.Against.Null(horizon);
        Guard.Against.InvalidInput(zone, nameof(zone), z => z is null || community is null || ZoneClock.Same(z, community.Zone),
            "The shift times are in the community's zone; pass that zone or none.");
        var shiftList = Guard.Against.Null(shifts).ToList().AsReadOnly();
        var demandList = Guard.Against.Null(demands).ToList().AsReadOnly();
        var workerList = Guard.Against.Null(workers).ToList().AsReadOnly();
        var wishList = (wishes ?? []).ToList().AsReadOnly();
        var pinList = (pins ?? []).ToList().AsReadOnly();
        var byKind = new Dictionary<WorkerKind, WorkRules>(rulesByKind ?? new Dictionary<WorkerKind, WorkRules>());
        defaultRules ??= WorkRules.None;

        // Named checks in dependency order: shift codes, then what names them (demands, workers' rules, wishes, pins).
        var codes = CheckShifts(shiftList);
        var (postCompound, demandKeys) = CheckDemands(demandList, codes, horizon, community);
        CheckDemandTotal(demandList);
        var workerIds = CheckWorkers(workerList, codes, community);
        CheckRuleSets(defaultRules, byKind, codes);
        CheckWishes(wishList, workerIds, codes, horizon, weights?.OwnCompound ?? 0);
        CheckPins(pinList, workerIds, postCompound, demandKeys);
        return new RosterProblem(
            horizon, shiftList, demandList, workerList, defaultRules, byKind, wishList, pinList, weights ?? default, community?.Zone ?? zone ?? DateTimeZone.Utc);
    }

    /// <summary>Every shift definition is set and its code unique; returns the codes.</summary>
    private static HashSet<string> CheckShifts(IReadOnlyList<ShiftDefinition> shifts)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in shifts)
        {
            Guard.Against.InvalidInput(s, nameof(shifts), static x => x.Code is not null, "A shift definition is default.");
            if (!codes.Add(s.Code!))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Shift code '{s.Code}' is defined twice."), nameof(shifts));
            }
        }

        return codes;
    }

    /// <summary>Every demand names a known shift, lies in the horizon, is listed once and keeps its post in one compound (with a community: one it holds there); returns each post's compound and the demand keys.</summary>
    private static (Dictionary<Id<Post>, Id<Compound>> PostCompound, HashSet<(Id<Post>, LocalDate, string, string?)> Keys) CheckDemands(IReadOnlyList<Demand> demands, HashSet<string> codes, DateInterval horizon, Community? community)
    {
        var postCompound = new Dictionary<Id<Post>, Id<Compound>>();
        var demandKeys = new HashSet<(Id<Post>, LocalDate, string, string?)>();
        foreach (var d in demands)
        {
            Guard.Against.InvalidInput(d, nameof(demands), static x => x is not null, "A demand is null.");
            if (!codes.Contains(d!.ShiftCode))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Demand {d} names unknown shift code '{d.ShiftCode}'."), nameof(demands));
            }

            if (!horizon.Contains(d.Date))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Demand {d} lies outside the horizon {horizon}."), nameof(demands));
            }

            if (!demandKeys.Add((d.Post, d.Date, d.ShiftCode, d.Qualification)))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Demand {d} is listed twice."), nameof(demands));
            }

            if (postCompound.TryGetValue(d.Post, out var c))
            {
                if (c != d.Compound)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Demand {d} puts {d.Post} in {d.Compound}, another demand in {c}."), nameof(demands));
                }
            }
            else
            {
                postCompound[d.Post] = d.Compound;
            }
        }

        if (community is not null)
        {
            CheckPostsHeld(postCompound, community, nameof(demands));
        }

        return (postCompound, demandKeys);
    }

    /// <summary>The community holds every post the demands name, in the compound they put it in; a failure names <paramref name="parameter"/> (the demands).</summary>
    private static void CheckPostsHeld(Dictionary<Id<Post>, Id<Compound>> postCompound, Community community, string parameter)
    {
        var held = community.PostsOf().ToDictionary(p => p.Id, p => p.CompoundId);
        foreach (var (post, compound) in postCompound)
        {
            if (!held.TryGetValue(post, out var actual))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Demands name {post}, which the community does not hold."), parameter);
            }

            if (actual != compound)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Demands put {post} in {compound}; the community holds it in {actual}."), parameter);
            }
        }
    }

    /// <summary>Every worker is set and listed once, confined (with a community) to a compound it holds, with valid own rules; returns the worker ids.</summary>
    private static HashSet<Id<Worker>> CheckWorkers(IReadOnlyList<Worker> workers, HashSet<string> codes, Community? community)
    {
        var workerIds = new HashSet<Id<Worker>>();
        var checkedRules = new HashSet<WorkRules>(ReferenceEqualityComparer.Instance); // workers often share one rules object
        foreach (var w in workers)
        {
            Guard.Against.InvalidInput(w, nameof(workers), static x => x is not null, "A worker is null.");
            if (!workerIds.Add(w!.Id))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Worker {w.Id} is listed twice."), nameof(workers));
            }

            if (community is not null && w.ConfinedTo is { } confined)
            {
                if (!community.Compounds.Any(c => c.Id == confined))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Worker {w.Id} is confined to {confined}, which the community does not hold."), nameof(workers));
                }
            }

            if (w.Rules is { } own && checkedRules.Add(own))
            {
                CheckRules(own, codes, nameof(workers), $"the rules of {w.Id}");
            }
        }

        return workerIds;
    }

    /// <summary>The default rules and every per-kind rule set are set and name known shift codes.</summary>
    private static void CheckRuleSets(WorkRules defaultRules, Dictionary<WorkerKind, WorkRules> rulesByKind, HashSet<string> codes)
    {
        CheckRules(defaultRules, codes, nameof(defaultRules), "the default rules");
        foreach (var (kind, rules) in rulesByKind)
        {
            if (rules is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The rules for {kind} are null."), nameof(rulesByKind));
            }

            CheckRules(rules!, codes, nameof(rulesByKind), $"the rules for {kind}");
        }
    }

    /// <summary>Every wish names a known worker and shift code inside the horizon, and a worker-date's wishes fit one int with the own-compound weight.</summary>
    private static void CheckWishes(IReadOnlyList<ShiftWish> wishes, HashSet<Id<Worker>> workerIds, HashSet<string> codes, DateInterval horizon, int ownCompound)
    {
        var total = 0L;
        foreach (var wish in wishes)
        {
            total += wish.Weight;
            Guard.Against.InvalidInput(wish, nameof(wishes), static x => !x.Worker.IsDefault, "A wish is default.");
            if (!workerIds.Contains(wish.Worker))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Wish '{wish}' names unknown worker {wish.Worker}."), nameof(wishes));
            }

            if (!codes.Contains(wish.ShiftCode))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Wish '{wish}' names unknown shift code '{wish.ShiftCode}'."), nameof(wishes));
            }

            if (!horizon.Contains(wish.Date))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Wish '{wish}' lies outside the horizon {horizon}."), nameof(wishes));
            }
        }

        // A choice's soft cost is one int: the wishes of a worker-date plus the own-compound weight must fit in it. No
        // worker-date can exceed it when all the wishes together do not (the usual case: no grouping to pay for).
        if (total + ownCompound <= int.MaxValue)
        {
            return;
        }

        foreach (var day in wishes.GroupBy(w => (w.Worker, w.Date)))
        {
            if (day.Sum(w => (long)w.Weight) + ownCompound > int.MaxValue)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The wishes of {day.Key.Worker} on {day.Key.Date:uuuu-MM-dd} and the own-compound weight total more than {int.MaxValue}; use smaller weights."), nameof(wishes));
            }
        }
    }

    /// <summary>
    /// The most people-shifts all demands together may ask for (the sum of <see cref="Demand.Required"/>). A roster's hard
    /// total counts people missing from minimums in an <see cref="int"/> and its soft total prices every missing person in a
    /// <see cref="long"/>: below this, both fit whatever the roster and the weights (a district of 1,000 workers for 28 days
    /// asks for about 30,000).
    /// </summary>
    public const long MaxPeopleAsked = 100_000_000;

    /// <summary>The demands together ask for at most <see cref="MaxPeopleAsked"/> people, so every roster can be scored.</summary>
    private static void CheckDemandTotal(IReadOnlyList<Demand> demands)
    {
        long people = 0;
        foreach (var demand in demands)
        {
            people += demand.Required;
        }

        if (people > MaxPeopleAsked)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The demands ask for {people:N0} people-shifts in all, more than {MaxPeopleAsked:N0}: no roster of that size can be scored; plan fewer posts or dates at once."), nameof(demands));
        }
    }

    /// <summary>Every pin names a known worker and an existing demand, at most one per worker and date.</summary>
    private static void CheckPins(IReadOnlyList<RosterAssignment> pins, HashSet<Id<Worker>> workerIds, Dictionary<Id<Post>, Id<Compound>> postCompound, HashSet<(Id<Post>, LocalDate, string, string?)> demandKeys)
    {
        var pinned = new HashSet<(Id<Worker>, LocalDate)>();
        foreach (var pin in pins)
        {
            Guard.Against.InvalidInput(pin, nameof(pins), static x => !x.Worker.IsDefault, "A pin is default.");
            if (!workerIds.Contains(pin.Worker))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Pin {pin} names unknown worker {pin.Worker}."), nameof(pins));
            }

            if (!postCompound.ContainsKey(pin.Post))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Pin {pin} names unknown post {pin.Post}."), nameof(pins));
            }

            if (!demandKeys.Contains((pin.Post, pin.Date, pin.ShiftCode, pin.Qualification)))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Pin {pin} matches no demand."), nameof(pins));
            }

            if (!pinned.Add((pin.Worker, pin.Date)))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Pin {pin} gives {pin.Worker} a second shift on {pin.Date:yyyy-MM-dd}."), nameof(pins));
            }
        }
    }

    private static void CheckRules(WorkRules rules, HashSet<string> codes, string parameter, string where)
    {
        foreach (var code in rules.MaxShiftsPerCode.Keys)
        {
            if (!codes.Contains(code))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Shift code '{code}' in {where} is unknown."), parameter);
            }
        }

        foreach (var f in rules.ForbiddenSuccessions)
        {
            if (!codes.Contains(f.First) || !codes.Contains(f.Next))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Succession '{f}' in {where} names an unknown shift code."), parameter);
            }
        }
    }
}
