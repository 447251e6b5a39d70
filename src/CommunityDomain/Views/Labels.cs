using System.Collections.Frozen;
using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;

namespace CommunityDomain.Views;

/// <summary>
/// Everything a renderer needs to speak to people, built once and passed to every view, notice, announcement
/// and explanation: the culture (its texts come from the culture's resource table), the community's time zone,
/// and the names of workers, compounds, posts and buildings.
/// </summary>
/// <remarks>
/// <para>
/// Names: a worker shows its <see cref="Rostering.Worker.DisplayName"/> (through <c>localNames</c> when it has an entry; else "worker 3" / "3号工作人员"); posts,
/// compounds and buildings show their names from the community. <c>localNames</c> maps a stored name to the
/// name the office writes in this culture (<c>"Dongfang" → "东方小区"</c>, <c>"East gate" → "东门"</c>,
/// <c>"scanner" → "扫码员"</c>); names without an entry show as stored. No resident's registered name, ID number
/// or phone is ever read: labels come from workers' display names and from place names only.
/// </para>
/// <para>
/// Time: every instant is shown in <see cref="Zone"/> (local date and time); dates and weekdays come from the
/// culture's texts, not from the machine's culture data, so output is the same on every machine. Labels without a
/// community zone (<see cref="Default"/>, or any zone whose offset is always zero) show an instant in UTC and say so
/// ("05:00 UTC", the form developer texts use), so nobody takes it for local time. A roster's duty times are computed
/// from instants (<see cref="ShiftTimes(LocalDate, ShiftDefinition)"/>): a duty starts at its date's local start time in
/// <see cref="Zone"/> (a start inside a spring-forward gap moves on by the gap) and ends its shift's duration later, shown
/// as the wall clock then reads, so across a clock change the end differs from the shift's nominal end (an 8-hour night
/// from 00:00 ends at 07:00 on the autumn night); an hour that happens twice says in words which time it is ("before the clocks go back"). Since they come from the
/// problem's local start times, they show without "UTC" even when the labels know no zone; a text that shows them then
/// says once that its times are as the roster states them ("Times as the roster states them." / "时间按排班表。"), so no
/// bare time stands unexplained next to the "UTC" ones of other texts (with a zone, every time is local in it and nothing is added).
/// </para>
/// <para>
/// Places: building, unit and room names show the way the office writes them, each suffix once. A name that already
/// carries a form of this language (<c>"1栋"</c>, <c>"3号楼"</c>, <c>"2单元"</c>, <c>"101室"</c>; <c>"Building 3"</c>) is kept as
/// written; one that carries another language's form is shown in this language's (<c>"1栋"</c> in English is
/// "Building 1"; <c>"Unit 2"</c> in Chinese is "2单元"); a bare code gets this language's form ("3" → "3号楼" /
/// "Building 3"; "A" → "A号楼"), a bare name stays as written ("Haus A", "银杏苑" in both languages). The forms are the texts' <c>name.building.forms</c>, <c>name.unit.forms</c> and <c>name.room.forms</c>.
/// </para>
/// </remarks>
public sealed class Labels
{
    private readonly FrozenDictionary<string, string> _texts;
    private readonly FrozenDictionary<Id<Worker>, string> _workers;
    private readonly FrozenDictionary<Id<Worker>, Id<Compound>> _residentHomes;
    private readonly FrozenDictionary<Id<Post>, string> _posts;
    private readonly FrozenDictionary<Id<Post>, Id<Compound>> _postCompound;
    private readonly FrozenDictionary<Id<Compound>, string> _compounds;
    private readonly FrozenDictionary<Id<Building>, string> _buildings;
    private readonly FrozenDictionary<string, string> _localNames;
    // True for labels that write names escaped for Markdown (see ForMarkdown).
    private bool _markdown;
    private FrozenDictionary<Id<Household>, (Id<Building> Building, string Unit, Room Room)> _households =
        FrozenDictionary<Id<Household>, (Id<Building>, string, Room)>.Empty;
    private FrozenDictionary<Id<Building>, Id<Compound>> _buildingCompound = FrozenDictionary<Id<Building>, Id<Compound>>.Empty;

    /// <summary>Creates labels from plain data (for hosts without a <see cref="Community"/>, and for tests).</summary>
    /// <param name="culture">The culture to write in (texts exist for <c>en</c> and <c>zh-CN</c>; others fall back, see <see cref="Texts"/>).</param>
    /// <param name="zone">The community's time zone; every instant shows in it.</param>
    /// <param name="workers">Workers whose display names to show; others show by number.</param>
    /// <param name="posts">Post names by id; others show as "post 3" / "3号岗".</param>
    /// <param name="compounds">Compound names by id, and (optionally) each post's compound through <paramref name="postCompounds"/>.</param>
    /// <param name="buildings">Building names by id.</param>
    /// <param name="localNames">Stored name to the name the office writes in this culture; may be null.</param>
    /// <param name="postCompounds">The compound of each post, so a post can be shown with its compound.</param>
    /// <exception cref="ArgumentException"><paramref name="culture"/> or <paramref name="zone"/> is null.</exception>
    public Labels(
        CultureInfo culture,
        DateTimeZone zone,
        IEnumerable<Worker>? workers = null,
        IReadOnlyDictionary<Id<Post>, string>? posts = null,
        IReadOnlyDictionary<Id<Compound>, string>? compounds = null,
        IReadOnlyDictionary<Id<Building>, string>? buildings = null,
        IReadOnlyDictionary<string, string>? localNames = null,
        IReadOnlyDictionary<Id<Post>, Id<Compound>>? postCompounds = null)
    {
        Culture = Guard.Against.Null(culture);
        Zone = Guard.Against.Null(zone);
        _texts = Texts.For(culture);
        _localNames = Clean(localNames ?? new Dictionary<string, string>(), Flat, StringComparer.Ordinal);
        var named = new Dictionary<Id<Worker>, string>();
        var residents = new Dictionary<Id<Worker>, Id<Compound>>();
        var homes = new HashSet<Id<Compound>>();
        foreach (var w in workers ?? [])
        {
            if (w is null)
            {
                continue;
            }

            homes.Add(w.Home);
            if (w.Kind == Rostering.WorkerKind.ResidentVolunteer || w.Resident is not null)
            {
                residents[w.Id] = w.Home;
            }

            if (w?.DisplayName is { } name && Flat(name) is { Length: > 0 } flat)
            {
                named[w.Id] = flat;
            }
        }

        _workers = named.ToFrozenDictionary();
        // A resident volunteer is known by where they live ("徐志愿者（4号楼）"); every compound can have a building 4, so
        // once the workers live in more than one compound, their compound goes with their name.
        _residentHomes = homes.Count > 1 ? residents.ToFrozenDictionary() : FrozenDictionary<Id<Worker>, Id<Compound>>.Empty;
        _posts = Clean(posts ?? new Dictionary<Id<Post>, string>(), k => k, null);
        _compounds = Clean(compounds ?? new Dictionary<Id<Compound>, string>(), k => k, null);
        _buildings = Clean(buildings ?? new Dictionary<Id<Building>, string>(), k => k, null);
        _postCompound = (postCompounds ?? new Dictionary<Id<Post>, Id<Compound>>()).ToFrozenDictionary();
    }

    /// <summary>
    /// English labels with no zone and no names: what a view shows when the caller gives no labels. An instant shows in
    /// UTC with "UTC" after it ("Thu 18 Aug 05:00 UTC"); give <see cref="For"/> a community for local times.
    /// </summary>
    public static Labels Default { get; } = new(CultureInfo.GetCultureInfo("en"), DateTimeZone.Utc);

    /// <summary>The culture the texts are written in.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The time zone every instant is shown in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>True when the texts are Chinese (for callers that lay out text differently, e.g. no spaces).</summary>
    public bool IsChinese => Culture.TwoLetterISOLanguageName == "zh";

    /// <summary>
    /// True when the labels know no local zone: <see cref="Zone"/> is UTC or another zone whose offset is always zero.
    /// Instants then show with "UTC" after the time.
    /// </summary>
    public bool ShowsUtc => ZoneClock.IsUtc(Zone);

    /// <summary>Labels for a community: its zone, its compound, post and building names, and the given workers' display names.</summary>
    /// <param name="community">The community.</param>
    /// <param name="culture">The culture to write in.</param>
    /// <param name="workers">Workers whose display names to show; null for none.</param>
    /// <param name="localNames">Stored name to the name the office writes in this culture (e.g. <c>"Dongfang" → "东方小区"</c>); null for none.</param>
    /// <returns>The labels.</returns>
    /// <exception cref="ArgumentException"><paramref name="community"/> or <paramref name="culture"/> is null.</exception>
    public static Labels For(Community community, CultureInfo culture, IEnumerable<Worker>? workers = null, IReadOnlyDictionary<string, string>? localNames = null)
    {
        Guard.Against.Null(community);
        Guard.Against.Null(culture);
        var posts = community.PostsOf();
        var labels = new Labels(
            culture,
            community.Zone,
            workers,
            posts.ToDictionary(p => p.Id, p => p.Name),
            community.Compounds.ToDictionary(c => c.Id, c => c.Name),
            community.Compounds.SelectMany(c => c.Buildings).ToDictionary(b => b, b => community.Get(b).Name),
            localNames,
            posts.ToDictionary(p => p.Id, p => p.CompoundId));
        labels._households = community.Households.ToFrozenDictionary(h => h.Id, h => (h.BuildingId, community.Get(h.UnitId).Name, h.Room));
        labels._buildingCompound = community.Compounds.SelectMany(c => c.Buildings.Select(b => (Building: b, Compound: c.Id))).ToFrozenDictionary(x => x.Building, x => x.Compound);
        return labels;
    }

    /// <summary>
    /// A worker's display name as the office writes it in this culture (through <c>localNames</c>, so a posted name such as
    /// "徐志愿者（3号楼）" can read "Volunteer 徐 (Building 3)" in English; a name without an entry shows as given), or
    /// "worker 3" / "3号工作人员" when the host gave none. A resident volunteer (<see cref="WorkerKind.ResidentVolunteer"/>, or a
    /// worker with a <see cref="Rostering.Worker.Resident"/>) is known by where they live ("徐志愿者（4号楼）"), and every compound can
    /// have a building 4: when the labels' workers live in more than one compound, such a worker shows with their home
    /// compound ("梅苑小区徐志愿者（4号楼）" / "Volunteer 徐 (Building 4) of Meiyuan"); within one compound the name stays short.
    /// </summary>
    /// <param name="worker">The worker.</param>
    /// <returns>The label.</returns>
    public string Worker(Id<Worker> worker)
    {
        var name = _workers.TryGetValue(worker, out var given) ? Local(given) : Text("worker.numbered", ("n", ViewText.Int(worker.Value)));
        return _residentHomes.TryGetValue(worker, out var home) && _compounds.ContainsKey(home)
            ? Text("worker.in-compound", ("compound", Compound(home)), ("worker", name))
            : name;
    }

    /// <summary>
    /// The same labels writing every name (workers, posts, compounds, buildings, local names, runners) escaped for
    /// Markdown, for texts that go into a Markdown page as they are (<see cref="RosterTexts.ExplainMarkdown(Roster, Labels)"/>): a worker
    /// named <c>*张*</c> then shows as typed, not in italics. Tables escape their cells themselves and take plain labels.
    /// </summary>
    /// <returns>Labels that escape names for Markdown.</returns>
    public Labels ForMarkdown()
    {
        var copy = (Labels)MemberwiseClone();
        copy._markdown = true;
        return copy;
    }

    private string Escaped(string name) => _markdown ? ViewText.Inline(name) : name;

    /// <summary>A post's name in this culture, or "post 3" / "3号岗".</summary>
    /// <param name="post">The post.</param>
    /// <returns>The label.</returns>
    public string Post(Id<Post> post) =>
        _posts.TryGetValue(post, out var name) ? Local(name) : Text("post.numbered", ("n", ViewText.Int(post.Value)));

    /// <summary>A post with its compound when known ("Dongfang › East gate" / "东方小区东门"; the mark is one no name holds).</summary>
    /// <param name="post">The post.</param>
    /// <returns>The label.</returns>
    public string PostWithCompound(Id<Post> post) =>
        _postCompound.TryGetValue(post, out var compound) && _compounds.ContainsKey(compound)
            ? Text("post.in-compound", ("compound", Compound(compound)), ("post", Post(post)))
            : Post(post);

    /// <summary>A compound's name in this culture, or "compound 3" / "3号小区".</summary>
    /// <param name="compound">The compound.</param>
    /// <returns>The label.</returns>
    public string Compound(Id<Compound> compound) =>
        _compounds.TryGetValue(compound, out var name) ? Local(name) : Text("compound.numbered", ("n", ViewText.Int(compound.Value)));

    /// <summary>A building's name, its suffix once ("Building 5" / "5号楼"; "1栋" stays "1栋" in Chinese, see the remarks).</summary>
    /// <param name="building">The building.</param>
    /// <returns>The label.</returns>
    public string Building(Id<Building> building) =>
        Place("building", _buildings.TryGetValue(building, out var name) ? Local(name) : ViewText.Int(building.Value));

    /// <summary>
    /// A building, unit or room name as this language writes it, its suffix once (see the remarks): <paramref name="kind"/>
    /// is <c>building</c>, <c>unit</c> or <c>room</c>; <paramref name="name"/> is the stored name already through <see cref="Local"/>.
    /// </summary>
    internal string Place(string kind, string name)
    {
        var n = Flat(name);
        var template = Text("name." + kind);
        if (n.Length == 0)
        {
            return template.Replace("{name}", string.Empty, StringComparison.Ordinal).Trim();
        }

        // Already written in this language's form ("1栋", "3号楼", "Building 3"): as written.
        if (HasForm(n, Forms(_texts, kind)) is not null)
        {
            return n;
        }

        var (before, after) = Affixes(template);
        // Another language's form ("1栋" in English, "Unit 2" in Chinese), or part of a suffix ("3号" for "{name}号楼"):
        // its core in this language's form.
        foreach (var table in OtherTables)
        {
            if (HasForm(n, Forms(table, kind)) is { } core)
            {
                return before + core + after;
            }
        }

        foreach (var table in OtherTables)
        {
            var (otherBefore, otherAfter) = Affixes(Texts.Template(table, "name." + kind));
            for (var k = otherAfter.Length - 1; k > 0 && otherBefore.Length == 0; k--)
            {
                if (n.Length > k && n.EndsWith(otherAfter[..k], StringComparison.Ordinal))
                {
                    return before + n[..^k] + after;
                }
            }
        }

        // Only a code ("3", "12", "A", "3B") takes the form; a name ("Haus A", "银杏苑") is the office's own and reads as
        // written ("Haus A号楼" was wrong in every text a verifier read).
        return IsCode(n) ? before + n + after : n;
    }

    // A building, unit or room code: up to four ASCII letters or digits (or '-'), with a digit or at most two letters.
    private static bool IsCode(string name) =>
        name.Length <= 4
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        && (name.Any(char.IsAsciiDigit) || name.Length <= 2);

    // Every culture's table in a fixed order (by culture name), so a name two languages could claim reads the same on every run.
    private static readonly FrozenDictionary<string, string>[] OtherTables =
        [.. Texts.All.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value)];

    // A name template's text before and after "{name}" ("", "号楼"; "Building ", "").
    private static (string Before, string After) Affixes(string template)
    {
        var open = template.IndexOf("{name}", StringComparison.Ordinal);
        return open < 0 ? (string.Empty, string.Empty) : (template[..open], template[(open + "{name}".Length)..]);
    }

    private static string[] Forms(FrozenDictionary<string, string> table, string kind) =>
        table.TryGetValue("name." + kind + ".forms", out var forms) ? forms.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    // The name's core when it carries one of the forms: as a suffix ("1栋" → "1"; a Latin word only after a space,
    // "East Building" → "East"), or as a leading Latin word ("Building 3", "Bldg.3" → "3", not "Blockhouse"); null when
    // it carries none or nothing would be left.
    private static string? HasForm(string name, string[] forms)
    {
        foreach (var form in forms)
        {
            if (name.Length <= form.Length)
            {
                continue;
            }

            var rest = name[..^form.Length];
            if (name.EndsWith(form, StringComparison.OrdinalIgnoreCase) && (!IsLatin(form) || rest.EndsWith(' ')) && rest.Trim() is { Length: > 0 } core)
            {
                return core;
            }

            if (IsLatin(form) && name.StartsWith(form, StringComparison.OrdinalIgnoreCase) && !char.IsLetter(name[form.Length])
                && name[form.Length..].Trim() is { Length: > 0 } after)
            {
                return after;
            }
        }

        return null;
    }

    private static bool IsLatin(string form) => form.All(char.IsAscii);

    /// <summary>
    /// Where a household lives, so someone can knock: building, unit and room ("Building 5, Unit 2, Room 301" /
    /// "5号楼2单元301室"); "household 12" / "12号户" when the labels were not built from the community.
    /// </summary>
    /// <param name="household">The household.</param>
    /// <returns>The label (an address, never a resident's name).</returns>
    public string Household(Id<Household> household) =>
        _households.TryGetValue(household, out var h)
            ? Text("household.address", ("building", Building(h.Building)), ("unit", Place("unit", Local(h.Unit))), ("room", Place("room", h.Room.Door)))
            : Text("household.numbered", ("n", ViewText.Int(household.Value)));

    /// <summary>
    /// Where a household lives with its compound first, for a text read outside the compound (a pass refusal at the
    /// office, where two compounds can both have a "3号楼"): "Dongfang › Building 3, Unit 2, Room 101" / "东方小区3号楼2单元101室";
    /// <see cref="Household"/> when the labels do not know the household's compound.
    /// </summary>
    /// <param name="household">The household.</param>
    /// <returns>The label (an address, never a resident's name).</returns>
    public string HouseholdWithCompound(Id<Household> household) =>
        _households.TryGetValue(household, out var h) && _buildingCompound.TryGetValue(h.Building, out var compound)
            ? Text("household.in-compound", ("compound", Compound(compound)), ("address", Household(household)))
            : Household(household);

    /// <summary>
    /// A household's door without its building, as the office writes it ("Unit 2, Room 301" / "2单元301室"), for a
    /// table that shows the building in a column of its own; <paramref name="fallback"/> (e.g. a parcel's "2-301") when
    /// the labels were not built from the community.
    /// </summary>
    /// <param name="household">The household.</param>
    /// <param name="fallback">What to show for a household the labels do not know.</param>
    /// <returns>The label (never a resident's name).</returns>
    public string Room(Id<Household> household, string fallback) =>
        _households.TryGetValue(household, out var h)
            ? Text("household.room", ("unit", Place("unit", Local(h.Unit))), ("room", Place("room", h.Room.Door)))
            : Flat(fallback);

    /// <summary>A household's door as this language writes it ("Room 301" / "301室"), or null when the labels were not built from the community.</summary>
    internal string? Door(Id<Household> household) =>
        _households.TryGetValue(household, out var h) ? Place("room", h.Room.Door) : null;

    /// <summary>
    /// A delivery runner (or team) by the name the office posts: the runner's label through <c>localNames</c>
    /// (<c>"meiyuan.team.1" → "梅苑1组"</c>), else as given.
    /// </summary>
    /// <param name="runner">The runner's label in the plan.</param>
    /// <returns>The label.</returns>
    public string Runner(string runner) => Local(runner ?? string.Empty);

    /// <summary>A stored name (compound, post, site, qualification) as the office writes it in this culture.</summary>
    /// <param name="stored">The stored name.</param>
    /// <returns>The local name, or the stored one trimmed.</returns>
    public string Local(string stored)
    {
        Guard.Against.Null(stored);
        var key = Flat(stored);
        return Escaped(_localNames.TryGetValue(key, out var local) ? local : key);
    }

    /// <summary>
    /// Items as this language lists them, the one list form of every text: "; " in English, so a label holding a comma
    /// ("Gate, north") stays one item ("Gate, north; South gate"), "、" in Chinese ("东门、南门").
    /// </summary>
    /// <param name="items">The items, already labels.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentException"><paramref name="items"/> is null.</exception>
    public string List(IEnumerable<string> items) => string.Join(Text("list.separator"), Guard.Against.Null(items));

    /// <summary>A sentence that starts with a rule's words, capitalised where the language writes capitals ("Uneven hours ...").</summary>
    internal string Sentence(string text) =>
        !IsChinese && text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    /// <summary>Who a worker is, in this culture ("party-member volunteer" / "党员志愿者").</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The label.</returns>
    public string Kind(WorkerKind kind) => Text("kind." + kind.ToString());

    /// <summary>What a rule asks, in this culture ("too little rest between duties" / "两次值班间休息不足").</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The label.</returns>
    public string Rule(RuleKind rule) => Text("rule." + rule.ToString());

    /// <summary>A date with its weekday ("Thu 18 Aug" / "8月18日（周四）").</summary>
    /// <param name="date">The date.</param>
    /// <returns>The label.</returns>
    public string Date(LocalDate date) => Text("date",
        ("day", ViewText.Int(date.Day)), ("month", Text("month." + ViewText.Int(date.Month))), ("year", ViewText.Int(date.Year)),
        ("weekday", Text("weekday." + date.DayOfWeek.ToString())));

    /// <summary>A date with its year and no weekday ("18 Aug 2022" / "2022年8月18日").</summary>
    /// <param name="date">The date.</param>
    /// <returns>The label.</returns>
    public string DateWithYear(LocalDate date) => Text("date.year",
        ("day", ViewText.Int(date.Day)), ("month", Text("month." + ViewText.Int(date.Month))), ("year", ViewText.Int(date.Year)));

    /// <summary>A local time of day, 24-hour clock ("05:00").</summary>
    /// <param name="time">The time.</param>
    /// <returns>The label.</returns>
    public static string Time(LocalTime time) => time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// An instant as local date and time in <see cref="Zone"/> ("Thu 18 Aug 05:00" / "8月18日（周四）05:00"); in the hour
    /// the clocks going back make happen twice, words say which ("Sun 6 Nov 01:30 (before the clocks go back)").
    /// </summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The label; in UTC only when the labels know no zone (<see cref="ShowsUtc"/>), and then it says "UTC".</returns>
    public string Moment(Instant instant) => Text("moment", ("date", Date(instant.InZone(Zone).Date)), ("time", TimeOfDay(instant)));

    /// <summary>
    /// An instant's local time of day in <see cref="Zone"/> ("05:00"; "01:30 (UTC-4)" when that local time happens twice;
    /// "05:00 UTC" when the labels know no zone).
    /// </summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The label.</returns>
    public string TimeOfDay(Instant instant) => Said(Clock(instant.InZone(Zone)));

    /// <summary>An instant's time of day with seconds ("06:27:20"), "UTC" after it when the labels know no zone.</summary>
    internal string TimeWithSeconds(Instant instant) => Said(instant.InZone(Zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture));

    /// <summary>
    /// A time derived from a duty's local date and time (<see cref="Span"/>, a rest ending after it): the problem's own
    /// local time, shown without "UTC" even when the labels know no zone, with the date when not on <paramref name="near"/>'s.
    /// </summary>
    internal string DutyMoment(ZonedDateTime at, ZonedDateTime near, bool withDate = false) =>
        at.Date == near.Date && !withDate ? Clock(at) : Text("moment", ("date", Date(at.Date)), ("time", Clock(at)));

    /// <summary>
    /// A text that shows duty times (<see cref="ShiftTimes(LocalDate, ShiftDefinition)"/>, a rest's end) with, when the labels
    /// know no zone (<see cref="ShowsUtc"/>), one sentence saying the times are as the roster states them ("Times as the roster
    /// states them." / "时间按排班表。"): the roster's own local times, not UTC and not the reader's zone, so a bare "08:00" is
    /// never left to be taken for either. With a zone the times are local in it and the text is returned as it is.
    /// </summary>
    internal string WithRosterTimes(string text) => ShowsUtc ? Text("time.roster.after", ("text", text)) : text;

    /// <summary>The sentence <see cref="WithRosterTimes"/> adds, for texts (a CSV) that put it in a place of its own; empty with a zone.</summary>
    internal string RosterTimesNote => ShowsUtc ? Text("time.roster.note") : string.Empty;

    // An instant's clock reading, with "UTC" after it when no zone is known (a person would take a bare "05:00" for local time).
    private string Said(string time) => ShowsUtc ? Text("time.utc", ("time", time)) : time;

    /// <summary>
    /// A shift's nominal local span, without a date ("08:00-16:00", with "(next day)" / "（次日）" when it ends after
    /// midnight): for headers and keys. A duty on a date shows with <see cref="ShiftTimes(LocalDate, ShiftDefinition)"/>.
    /// </summary>
    /// <param name="shift">The shift.</param>
    /// <returns>The label.</returns>
    public string ShiftTimes(ShiftDefinition shift)
    {
        var end = shift.Start.PlusMinutes(shift.Minutes);
        var nextDay = shift.Start.PlusMinutes(shift.Minutes) <= shift.Start;
        return Text(nextDay ? "shift.times.overnight" : "shift.times", ("start", Time(shift.Start)), ("end", Time(end)));
    }

    /// <summary>
    /// A shift's local span on a date, from instants: it starts at the date's local start time in <see cref="Zone"/>
    /// (a start inside a spring-forward gap moves on by the gap, as the roster's own instants do) and ends its duration
    /// later, so across a clock change the end shows as the wall clock will read it (an 8-hour night from 00:00 ends at
    /// 07:00 on the autumn night, 09:00 on the spring night); an ambiguous local time says which it is in words.
    /// </summary>
    /// <param name="date">The date the shift starts on.</param>
    /// <param name="shift">The shift.</param>
    /// <returns>The label ("00:00-07:00", "16:00-00:00 (next day)"; an end two dates on, which a 24-hour duty from 23:00 reaches when the clocks go forward, names its date).</returns>
    public string ShiftTimes(LocalDate date, ShiftDefinition shift)
    {
        var (start, end) = Span(date, Guard.Against.Null(shift));
        var days = Period.DaysBetween(start.Date, end.Date);
        return days > 1 ? Text("shift.times.later", ("start", Clock(start)), ("end", Clock(end)), ("date", Date(end.Date)))
            : Text(days == 1 ? "shift.times.overnight" : "shift.times", ("start", Clock(start)), ("end", Clock(end)));
    }

    /// <summary>
    /// Each shift's label on a date, told apart from the date's other shifts: its local times
    /// (<see cref="ShiftTimes(LocalDate, ShiftDefinition)"/>), with its code after them ("08:00-16:00 (D1)") when another
    /// shift reads the same that date (two crews on one span, or a start a spring-forward gap moves onto another's).
    /// </summary>
    internal Dictionary<string, string> ShiftLabels(LocalDate date, IEnumerable<ShiftDefinition> shifts)
    {
        var times = shifts.ToDictionary(s => s.Code, s => ShiftTimes(date, s), StringComparer.Ordinal);
        var shared = times.Values.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Skip(1).Any()).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return times.ToDictionary(
            kv => kv.Key,
            kv => shared.Contains(kv.Value) ? Text("shift.times.coded", ("times", kv.Value), ("code", Local(kv.Key))) : kv.Value,
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The one way the views place a duty in time: <see cref="ShiftDefinition.On"/> in <see cref="Zone"/> (the planner's
    /// placement in <see cref="RosterProblem.Zone"/>), both ends shown in <see cref="Zone"/>. Every renderer that shows a duty's start or end (grid cells, coverage rows, notices,
    /// dispatch lists, shortfall reasons) takes it from here.
    /// </summary>
    internal (ZonedDateTime Start, ZonedDateTime End) Span(LocalDate date, ShiftDefinition shift)
    {
        var span = shift.On(date, Zone);
        return (span.Start.InZone(Zone), span.End.InZone(Zone));
    }

    /// <summary>Minutes as hours with the unit ("7.5 h" / "7.5小时"), at most one decimal.</summary>
    /// <param name="minutes">The minutes.</param>
    /// <returns>The label.</returns>
    public string Hours(long minutes) => Amount(Math.Round(minutes / 60m, 1, MidpointRounding.AwayFromZero), "hours");

    /// <summary>
    /// A count with its unit from the texts, in the plural form the language needs: the key <c>unit.{unit}.{category}</c>
    /// with the category from <see cref="PluralRules"/> (<c>unit.people.one</c> "1 person", <c>unit.people.other</c>
    /// "3 people" / "3人").
    /// </summary>
    /// <param name="count">The count.</param>
    /// <param name="unit">The unit's key without the <c>unit.</c> prefix and the category (<c>people</c>, <c>households</c>, <c>duties</c>...).</param>
    /// <returns>The label, e.g. "3 people" / "3人".</returns>
    /// <exception cref="ArgumentException"><paramref name="unit"/> is null or blank.</exception>
    public string Count(long count, string unit) => Amount(count, Guard.Against.Blank(unit));

    /// <summary>
    /// A number as this language writes it for people, the one number form of every text and Markdown table: English groups
    /// thousands ("2,100", "19.5"), the office's Chinese does not ("2100"); the decimals shown are the number's own, trailing
    /// zeros dropped. The form is the texts' <c>number.format</c>. CSV fields stay plain numbers a spreadsheet reads.
    /// </summary>
    /// <param name="number">The number.</param>
    /// <returns>The number as text.</returns>
    public string Number(decimal number) => number.ToString(Text("number.format"), CultureInfo.InvariantCulture);

    /// <summary>The plural category of a number in this labels' language (<see cref="PluralRules.Select(CultureInfo, decimal)"/>).</summary>
    /// <param name="number">The number as shown (its scale is its visible decimals).</param>
    /// <returns>The category.</returns>
    public PluralCategory Plural(decimal number) => PluralRules.Select(Culture, number);

    // One way to write a number with its unit: the number invariant (a decimal shows its own digits, trailing zeros
    // dropped so "7.0" is "7"), the key by its plural category, falling back to "other" (the convention tests keep
    // every needed category present).
    internal string Amount(decimal number, string unit)
    {
        var shown = number == decimal.Truncate(number) ? decimal.Truncate(number) : number / 1.000000000000000000000000000000000m;
        var key = "unit." + unit + "." + PluralRules.Keyword(PluralRules.Select(Culture, shown));
        return Text(_texts.ContainsKey(key) ? key : "unit." + unit + ".other", ("n", Number(shown)));
    }

    // A wall-clock time; in the hour the clocks going back repeat, the same reading names two instants, so words say which.
    private string Clock(ZonedDateTime local)
    {
        var time = Time(local.TimeOfDay);
        var mapping = Zone.MapLocal(local.LocalDateTime);
        return mapping.Count < 2 ? time
            : Text(local.Offset == mapping.First().Offset ? "time.repeated.before" : "time.repeated.after", ("time", time));
    }

    /// <summary>The text of a key in this culture with its placeholders filled.</summary>
    internal string Text(string key, params ReadOnlySpan<(string Name, string Value)> args) => Texts.Fill(Texts.Template(_texts, key), args);

    private static FrozenDictionary<TKey, string> Clean<TKey>(IReadOnlyDictionary<TKey, string> names, Func<TKey, TKey> key, IEqualityComparer<TKey>? comparer)
        where TKey : notnull =>
        names.Where(kv => !TextGuard.IsBlank(Flat(kv.Value))).ToFrozenDictionary(kv => key(kv.Key), kv => Flat(kv.Value), comparer);

    /// <summary>
    /// The mark that joins a compound to a place in it in English ("Dongfang › East gate"): names hold commas
    /// ("Block A, North", "Gate, main"), so ", " could not show where one name ends; no name holds this mark (<see cref="Flat"/>).
    /// </summary>
    internal const char Within = '›';

    /// <summary>A name as one line of text: <see cref="TextGuard.Flat"/>, the one place every name a host typed is made
    /// safe for a text people read (the call-wave planner's texts use it too).</summary>
    /// <param name="name">The name as stored.</param>
    /// <returns>The name on one line.</returns>
    internal static string Flat(string? name) => TextGuard.Flat(name);
}
