using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Rostering;
using CommunityDomain.Views;

namespace Pubai;

/// <summary>
/// The names as the Pubai office writes them: compounds, gates, posts, roles and sites in Chinese (the English
/// texts keep the stored names), and the display names the office posts for its workers. Built once per language
/// into the <see cref="Labels"/> every view and notice takes.
/// </summary>
public static partial class OfficeNames
{
    /// <summary>The stored reason of the community-wide order.</summary>
    public const string MediumRiskControl = "Medium-risk area control";

    /// <summary>The stored reason of Meiyuan's order.</summary>
    public const string SealedControlArea = "Sealed-control area";

    /// <summary>Who repairs Dongfang's gate motor, as stored on the incident.</summary>
    public const string TwoResidentVolunteers = "two resident volunteers";

    /// <summary>Who bears the repair's cost, as stored on the incident.</summary>
    public const string TheTwoRepairingResidents = "the two repairing residents";

    /// <summary>The stored name of a compound's n-th sampling site ("Dongfang site 1").</summary>
    /// <param name="compound">The compound's stored name.</param>
    /// <param name="n">The site's number in the compound (1-based).</param>
    /// <returns>The site's stored name.</returns>
    public static string SiteName(string compound, int n) => string.Create(CultureInfo.InvariantCulture, $"{compound} site {n}");

    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        ["Pubai central community"] = "蒲白中心社区",
        ["Dongfang"] = "东方小区",
        ["Pingguoyuan"] = "苹果园小区",
        ["Meiyuan"] = "梅苑小区",
        ["Jianjing"] = "建井小区",
        ["Anxin"] = "安馨小区",
        ["Jian'an"] = "建安小区",
        ["East gate"] = "东门",
        ["South gate"] = "南门",
        ["West gate"] = "西门",
        ["North gate"] = "北门",
        ["Main gate"] = "大门",
        ["Testing site"] = "核酸检测点",
        ["Delivery team"] = "物资配送队",
        ["Inner checkpoint"] = "内部卡点",
        ["scanner"] = "扫码",
        ["marshal"] = "秩序引导",
        ["North square"] = "北广场",
        ["South square"] = "南广场",
        ["veg-pack"] = "蔬菜包",
        ["in hospital"] = "住院",
        ["sampled separately by the quarantine team"] = "由隔离专班单独采样",
        [MediumRiskControl] = "中风险区管控",
        [SealedControlArea] = "封控区",
        [TwoResidentVolunteers] = "两位居民志愿者",
        [TheTwoRepairingResidents] = "修理的两位居民",
    };

    /// <summary>Stored name to the office's Chinese name (compounds, gates, posts, sampling sites, roles, stored reasons).</summary>
    public static IReadOnlyDictionary<string, string> Chinese { get; } = new Dictionary<string, string>(Fixed.Concat(Sites()).Concat(Teams("梅苑小区配送{0}组")), StringComparer.Ordinal);

    /// <summary>Stored code to the English name, where the stored one is a code (items, delivery teams).</summary>
    public static IReadOnlyDictionary<string, string> English { get; } = new Dictionary<string, string>(
        new[] { KeyValuePair.Create("veg-pack", "vegetable pack") }.Concat(Teams("Meiyuan delivery team {0}")), StringComparer.Ordinal);

    /// <summary>The code of Meiyuan's n-th delivery team in a plan ("meiyuan.team.1").</summary>
    /// <param name="n">The team's number (1-based).</param>
    /// <returns>The code.</returns>
    public static string TeamCode(int n) => string.Create(CultureInfo.InvariantCulture, $"meiyuan.team.{n}");

    private static IEnumerable<KeyValuePair<string, string>> Teams(string format) =>
        Enumerable.Range(1, 6).Select(n => KeyValuePair.Create(TeamCode(n), string.Format(CultureInfo.InvariantCulture, format, n)));

    // The sampling sites of the testing days: "Dongfang site 1" is "东方小区1号采样点".
    private static IEnumerable<KeyValuePair<string, string>> Sites() =>
        CompoundPlan.Story.SelectMany(c => new[] { 1, 2 }.Select(n =>
            KeyValuePair.Create(SiteName(c.Name, n), string.Create(CultureInfo.InvariantCulture, $"{Fixed[c.Name]}{n}号采样点"))));

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    // Two-character given names outside the scenario's register pool, so an office worker's posted name can never be
    // mistaken for (or hide) a resident's name in the privacy checks.
    private static readonly string[] Given = ["晓东", "春梅", "文博", "思远", "雪松", "立新", "卫东", "红梅", "国庆", "玉兰", "德明", "振华", "慧敏", "建军", "雅琴", "永刚", "秋菊", "宏伟", "晨曦", "子豪"];

    /// <summary>
    /// The name the office posts for worker <paramref name="n"/>, a member of staff or a volunteer sent down from the
    /// offices: a generated full name (they sign the duty roster). A resident volunteer is named by
    /// <see cref="ResidentVolunteerName"/>.
    /// </summary>
    /// <param name="n">The worker's number (1-based).</param>
    /// <param name="kind">Who the worker is (not <see cref="WorkerKind.ResidentVolunteer"/>).</param>
    /// <returns>The display name.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="WorkerKind.ResidentVolunteer"/>.</exception>
    public static string WorkerName(int n, WorkerKind kind)
    {
        if (kind == WorkerKind.ResidentVolunteer)
        {
            throw new ArgumentException("A resident volunteer is posted by surname and building: use ResidentVolunteerName.", nameof(kind));
        }

        // Surname and given name are unique for the first 400 numbers (the given name shifts by one each block of 20),
        // so a posted name carries a number only beyond that (it read "胡国庆2" from the 21st worker on).
        var names = Surnames.Length * Given.Length;
        return Surname(n) + Given[(n * 3 + (n / Surnames.Length)) % Given.Length] + (n >= names ? string.Create(CultureInfo.InvariantCulture, $"{n / names + 1}") : string.Empty);
    }

    /// <summary>
    /// The name the office posts for a resident volunteer: surname, "volunteer" and the building they live in
    /// ("徐志愿者（3号楼）"), never their full name and never a number of the system's; a second volunteer of the same surname
    /// in the same building is told apart by a running number within the building ("徐志愿者（3号楼，第2位）"). In English
    /// (<see cref="For"/>) it reads "Volunteer 徐 (Building 3)", "Volunteer 徐 (Building 3, no. 2)".
    /// </summary>
    /// <param name="n">The worker's number (1-based; picks the generated surname only).</param>
    /// <param name="building">The stored name of the building the volunteer lives in ("3").</param>
    /// <param name="sameNameBefore">How many volunteers of the same surname in that building are already named.</param>
    /// <returns>The display name, in Chinese as the office posts it.</returns>
    public static string ResidentVolunteerName(int n, string building, int sameNameBefore) =>
        string.Create(CultureInfo.InvariantCulture, $"{Surname(n)}志愿者（{building}号楼{(sameNameBefore == 0 ? string.Empty : $"，第{sameNameBefore + 1}位")}）");

    /// <summary>The surname of generated worker <paramref name="n"/>.</summary>
    /// <param name="n">The worker's number (1-based).</param>
    /// <returns>The surname.</returns>
    public static string Surname(int n) => Surnames[(n * 7) % Surnames.Length];

    // "徐志愿者（3号楼，第2位）" in English: "Volunteer 徐 (Building 3, no. 2)" (the surname as written, like every name).
    private static IEnumerable<KeyValuePair<string, string>> ResidentVolunteersInEnglish(IEnumerable<Worker>? workers) =>
        (workers ?? []).Where(w => w.Kind == WorkerKind.ResidentVolunteer && w.DisplayName is not null)
            .Select(w => (w.DisplayName!, Match: VolunteerName().Match(w.DisplayName!)))
            .Where(x => x.Match.Success)
            .Select(x => KeyValuePair.Create(x.Item1, string.Create(CultureInfo.InvariantCulture,
                $"Volunteer {x.Match.Groups["surname"].Value} (Building {x.Match.Groups["building"].Value}{(x.Match.Groups["k"].Success ? ", no. " + x.Match.Groups["k"].Value : string.Empty)})")))
            .DistinctBy(kv => kv.Key);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<surname>.+)志愿者（(?<building>[^，）]+)号楼(，第(?<k>\d+)位)?）$")]
    private static partial System.Text.RegularExpressions.Regex VolunteerName();

    /// <summary>The labels for the scenario's community in a language (zh-CN uses <see cref="Chinese"/>, English <see cref="English"/>).</summary>
    /// <param name="community">The community.</param>
    /// <param name="culture">zh-CN or en.</param>
    /// <param name="workers">The workers whose names to show.</param>
    /// <returns>The labels.</returns>
    public static Labels For(Community community, CultureInfo culture, IEnumerable<Worker>? workers = null)
    {
        var list = workers?.ToList();
        return Labels.For(community, culture, list, culture.TwoLetterISOLanguageName == "zh"
            ? Chinese
            : new Dictionary<string, string>(English.Concat(ResidentVolunteersInEnglish(list)), StringComparer.Ordinal));
    }
}
