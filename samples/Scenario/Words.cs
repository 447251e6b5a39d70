using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Rostering;
using CommunityDomain.Views;

namespace Pubai;

/// <summary>
/// The sample's own sentences, in the office's Chinese (the default) and in English: one small table for what the
/// library does not render itself (the story's chapter lines). Everything the library renders (roster grid, notices,
/// dispatch lists, verdicts, score sentences, loudspeaker calls, allocation and run sheets, addresses, dates, shift
/// times, units) comes from <see cref="Labels"/> and the library's own resources in the same culture.
/// </summary>
public sealed class Words
{
    /// <summary>The environment variable that picks the language when no <c>--lang</c> option is given.</summary>
    public const string LanguageVariable = "PUBAI_LANG";

    // key -> (Chinese, English). Composite format strings; English groups thousands ({0:N0}), the office's Chinese does not.
    private static readonly Dictionary<string, (string Zh, string En)> Table = new(StringComparer.Ordinal)
    {
        // The community and its control.
        ["community"] = ("{0}：{1}个小区，{2}栋楼，{3}户，{4}人（其中{5}人在外地）。", "{0}: {1} compounds, {2} buildings, {3:N0} households, {4:N0} residents ({5:N0} of them away from town)."),
        ["control"] = ("{0}的管控情况：", "Control in force on {0} (local time):"),
        ["order"] = ("  {0}：{1}起，{2}（{3}）", "  {0} from {1}, {2} ({3})"),
        ["order.open"] = ("至解除为止", "until lifted"),
        ["scope.WholeCommunity"] = ("全社区", "the whole community"),
        ["summary.header"] = ("小区|楼栋（栋）|户数（户）|居民（人）|在家（人）|60岁以上（人）|80岁以上（人）|3岁以下（人）|残疾（人）|慢性病（人）|孕妇（人）|卧床（人）|岗位（个）|管控级别",
            "compound|buildings|households|residents (people)|at home (people)|aged 60+ (people)|aged 80+ (people)|under 3 (people)|disabled (people)|chronically ill (people)|pregnant (people)|bedridden (people)|duty posts|control"),
        ["summary.total"] = ("合计", "total"),
        ["level.None"] = ("无", "none"),
        ["level.Precaution"] = ("防范", "precaution"),
        ["level.Controlled"] = ("管控", "controlled"),
        ["level.Sealed"] = ("封控", "sealed"),
        ["resident"] = ("居民信息在任何显示中都只显示脱敏后的内容，例如：{0}，身份证 {1}，手机 {2}。", "A resident's personal data shows masked on every display, e.g. {0}, ID card {1}, phone {2}."),
        ["chapter.testing"] = ("一、五天全员核酸检测", "1. Five days of whole-population testing"),
        ["chapter.supplies"] = ("二、物资与出入卡", "2. Supplies and passes"),
        ["chapter.roster"] = ("三、值班表、调班与闸门故障", "3. Duty roster, changes and the gate failure"),
        // Roles and personal data.
        ["roles"] = ("角色：", "Roles:"),
        ["role"] = ("  {0}：{1}，负责{2}", "  {0}: {1}, responsible for {2}"),
        ["roles.refused"] = ("越权操作被拒绝（未作任何改动）：", "Refused outside role or area (nothing changed):"),
        ["refused.area"] = ("  {0}（{1}，负责{2}）不能在{3}{4}：超出其负责范围。", "  {0} ({1}, responsible for {2}) may not {4} in {3}: outside their area."),
        ["refused.role"] = ("  {0}（{1}）无权{2}。", "  {0} ({1}) may not {2}."),
        ["erasure"] = ("个人信息到期删除（迁出后保留{0}天，期满后删除）：", "Personal data erased (kept {0} days after moving out, erased once they have passed):"),
        ["erased"] = ("  {0}于{1}迁出，个人信息保留到{2}，{3}删除（{4}人），统计数字不变。", "  {0} moved out on {1}; personal data kept until {2} and erased on {3} ({4} {4|resident|residents}); the statistics are unchanged."),
        ["ok"] = ("所有检查均通过。", "All scenario invariants hold."),
        ["failed"] = ("{0}项检查未通过。", "{0} {0|check|checks} failed."),

        // Testing days.
        ["day.header"] = ("第{0}天，{1}开始：应检{2}人，其中下楼检测{3}人，上门采样{4}人，外出{5}人，免检{6}人。",
            "Day {0}, from {1}: {2:N0} people listed: {3:N0} come down, {4:N0} sampled at home, {5:N0} away, {6:N0} exempt."),
        ["day.changes"] = ("  与前一天相比：{0}。", "  Since the day before: {0}."),
        ["day.no-change"] = ("名单没有变化", "no change to the list"),
        ["day.back"] = ("{0}人昨晚从外地返回，今天须检测", "{0} people came back from out of town last night and are tested today"),
        ["day.admitted"] = ("{0}人住院（免检）", "{0} admitted to hospital (exempt)"),
        ["day.discharged"] = ("{0}人出院回家，今天须检测", "{0} discharged and tested today"),
        ["day.quarantine"] = ("阳性混管的{0}人改由隔离专班单独采样（免检）", "the {0} people of the positive tube are sampled by the quarantine team (exempt here)"),
        ["day.exempt"] = ("  免检：{0}。", "  Exempt: {0}."),
        ["address"] = ("{0}{1}", "{0} › {1}"),
        ["person"] = ("{0} {1}", "{0} ({1})"),
        ["person.reason"] = ("{0} {1}（{2}）", "{0} ({1}, {2})"),
        ["day.call-again"] = ("  广播后未下楼、需再次呼叫{0}人：{1}。", "  Called again after the waves (did not come down): {0} people: {1}."),
        ["compound.people"] = ("{0}{1}人", "{0} {1}"),
        ["knock.compound"] = ("  {0}需再次呼叫、上门敲门的名单：", "  {0}: whom to call again, door by door:"),
        ["knock.building"] = ("    {0}：{1}", "    {0}: {1}"),
        ["waves.at-bound"] = ("  {0}：广播{1}次，预计{2}采完，已是理论上最早能采完的时间。", "  {0}: {1} calls, expected to finish at {2}, as early as any plan can."),
        ["waves"] = ("  {0}：广播{1}次，预计{2}采完（理论最早{3}，多用{4:0.0}%的时间）。", "  {0}: {1} calls, expected to finish at {2} (no plan can finish before {3}; {4:0.0}% longer)."),
        ["sizing"] = ("    若要{0}前采完：每个采样点需{1}个采样台，共{2}名采样人员。", "    To finish by {0}: {1} stations per site, {2} samplers in all."),
        ["sizing.unreachable"] = ("    {0}前无法采完：{1}", "    Cannot finish by {0}: {1}"),
        ["call"] = ("    {0} 广播：{1}", "    {0} loudspeaker: {1}"),
        ["door"] = ("  {0}上门采样：{1}户，{2}个小组，最长路线{3:0}分钟（{4}）。", "  {0} door to door: {1:N0} households, {2} teams, longest route {3:0} minutes ({4})."),
        ["route"] = ("{0}约{1:0}分钟", "{0}: about {1:0} minutes"),
        ["positive"] = ("  第3天：{0}送检的一管{2}人混采样本（管上条码{1}）结果阳性。需单独复采的{2}人：{3}；{4}户已标记管控。",
            "  Day 3: a pooled tube of {2} people from {0} (barcode {1} on the tube) is POSITIVE. Re-sample these {2} people one by one: {3}; {4} households flagged for control."),
        ["person.door"] = ("{0} {1}（{2}人）", "{0} ({1}, {2} people)"),
        ["person.door.reason"] = ("{0} {1}（{2}人，{3}）", "{0} ({1}, {2} people, {3})"),
        ["site.door"] = ("上门采样", "door-to-door sampling"),
        ["resampled"] = ("  第3天：{0}人已单独复采，结果全部阴性；待复采{1}人。", "  Day 3: {0} people re-sampled individually, all negative; {1} still to re-sample."),
        ["late.overnight"] = ("  第3天：{0}送检的一管样本（管上条码{1}）当天没有出结果（当天待出结果{2}管）。", "  Day 3: a tube from {0} (barcode {1} on the tube) has no result yet ({2} {2|tube|tubes} still pending at the end of the day)."),
        ["late.evening"] = ("  实验室延误：{0}管结果到{1}才出，全部阴性。", "  The lab was late: {0} tubes' results came at {1}, all negative."),
        ["late.arrived"] = ("  第4天：第3天那管样本（管上条码{0}）的结果补出：阴性；第3天待出结果{1}管。", "  Day 4: the late result of day 3's tube (barcode {0} on the tube) arrived: negative; day 3 now has {1} {1|result|results} pending."),
        ["closure.complete"] = ("  核对：应检{0}人 = 已采样{1}人 + 免检{2}人 + 外出{3}人 + 待上门{4}人 + 未采样{5}人。一个也不少。",
            "  Check: {0:N0} listed = {1:N0} sampled + {2:N0} exempt + {3:N0} away + {4:N0} awaiting a home visit + {5:N0} missing. Not one person missed."),
        ["closure.missing"] = ("  核对：应检{0}人 = 已采样{1}人 + 免检{2}人 + 外出{3}人 + 待上门{4}人 + 未采样{5}人。还有人没采！",
            "  Check: {0:N0} listed = {1:N0} sampled + {2:N0} exempt + {3:N0} away + {4:N0} awaiting a home visit + {5:N0} missing. PEOPLE MISSING."),
        ["stats"] = ("  统计：采样{0}人次，{1}管，待出结果{2}管，完成率{3:0.0}%，协助登记{4}人，最后一人采样时间{5}。",
            "  Statistics: {0:N0} tests, {1:N0} tubes, {2} {2|result|results} pending, {3:0.0}% accounted for, {4:N0} helped to register, last sample at {5}."),
        ["by-compound"] = ("  各小区采样：{0}。", "  Tests by compound: {0}."),
        ["compound.tests"] = ("{0}{1}人次", "{0} {1:N0}"),
        ["restart"] = ("  第{0}天后系统重启：检测记录存为约{1:0.0} MB的文档后恢复，累计{2}人次，免检{3}人次（都有原因），与重启前完全一致。",
            "  The app restarts after day {0}: the series is stored (a document of about {1:0.0} MB) and restored: {2:N0} tests, {3} {3|exemption|exemptions} with reasons, identical to before."),
        ["total"] = ("五天采样：{0} = {1}人次（模型）；报道为{2}人次（{3:+0.0;-0.0}%）。", "Tests over the five days: {0} = {1:N0} in the model; the story reports {2:N0} ({3:+0.0;-0.0}%)."),
        ["tubes"] = ("共{0}管，待出结果{1}管。", "{0:N0} tubes, {1} {1|result|results} pending."),

        // Supplies and passes.
        ["stock"] = ("{0}（每份{1:0.#}千克）库存：现有{2}份（{3:0.#}千克），已分配待送{4}份；共收到{5}份（采购{6}份，捐赠{7}份），已送达{8}份，报损{9}份。",
            "Stock of {0} ({1:0.#} kg a unit): {2:N0} {2|unit|units} on hand ({3:N0} kg), {4:N0} allocated and not yet delivered; {5:N0} received ({6:N0} procured, {7:N0} donated), {8:N0} delivered, {9} written off."),
        ["allocation"] = ("  {0}{1}户封控住户的分配。{2}", "  Sealed {0}, {1} households. {2}"),
        ["runner"] = ("梅苑小区{0}号配送员", "Meiyuan runner {0}"),
        ["after-delivery"] = ("  配送后：{0}", "  After delivery: {0}"),
        ["donation"] = ("一位居民捐赠方便面{0}箱，按上面排班表中各门岗的值班时长分给四个小区的门岗：{1}。", "A resident's {0} cases of instant noodles, shared among four compounds' gate posts by each post's hours on duty in the roster above: {1}."),
        ["post.cases"] = ("{0}{1}箱（值班{2}）", "{0} ({1} cases; {2} on duty)"),
        ["passes"] = ("出入卡：{0}，{1}志愿者发放{2}张，{3}户持卡外出。", "Passes: on {0} the {1} volunteers issued {2} {2|pass|passes}; {3} households went out with them."),
        ["passes.forged"] = ("  门岗识别出一张伪造的出入卡。{0}", "  The gate caught a forged code. {0}"),
        ["passes.late"] = ("  晚归：{0}{1}的持卡人{2}出门，{3}回来，外出{4:0}分钟，超过限定的{5:0}分钟。",
            "  Late back: the pass holder of {1} ({0}) went out at {2} and came back at {3}: {4:0} minutes out, {5:0} allowed."),
        ["passes.sealed"] = ("  {0}的封控住户申请出入卡，答复：{1}", "  A sealed household of {0} asks for a pass; the answer: {1}"),
        ["refused"] = ("不予发放", "refused"),
        ["issued"] = ("已发放（错误！）", "issued (wrong!)"),

        // Roster.
        ["shifts"] = ("班次：{0}。", "Shifts: {0}."),
        ["shift"] = ("{0}{1}", "{0} {1}"),
        ["shift.N"] = ("夜班", "night"),
        ["shift.D"] = ("白班", "day"),
        ["shift.E"] = ("晚班", "evening"),
        ["shift.T"] = ("核酸检测班", "testing"),
        ["shift.R"] = ("配送班", "delivery"),
        ["post.cover"] = ("  {0}：需要{1}人次，已排{2}人次", "  {0}: {1} person-shifts needed, {2} rostered"),
        ["fairness"] = ("  工时（{0}，{1}人）：{2}至{3}，相差{4}", "  Hours ({0}, {1} people): {2} to {3}, a spread of {4}"),
        ["grid.excerpt"] = ("值班表的前几行（完整表格每人一行、每天一列）：", "The first rows of the posted grid (one row per worker, one column per day):"),
        ["ill"] = ("{0}（{1}）从{2}起生病：调整{3}个班次。{4}发给每个人的通知：", "{0} ({1}) falls ill from {2}: {3} duties change. {4} The messages to send:"),
        ["swap"] = ("{0}想和{1}换{2}的班。{3}", "{0} asks to swap {2} with {1}. {3}"),
        ["incident"] = ("{0}{1}：{2}报告，由{3}修理，{4}修好；费用{5:0.00}元，由{6}承担。", "{0}: {1}. Reported {2}, repaired by {3}, fixed {4}; the repair cost {5:0.00} yuan, paid by {6}."),
        ["incident.GateFailure"] = ("闸门电机故障，改为人工拉门", "gate motor failure, gate pulled by hand"),
        ["incident.raised"] = ("故障期间（{0}至{1}）{2}每班多需{3}人：涉及{4}个班次，调整{5}个班次。{6}发给每个人的通知：",
            "While it lasts ({0} to {1}) {2} needs {3} more person on each shift: {4} shifts, {5} duties change. {6} The messages to send:"),
    };

    private Words(CultureInfo culture) => Culture = culture;

    /// <summary>The office's Chinese (zh-CN), the default.</summary>
    public static Words Chinese { get; } = new(CultureInfo.GetCultureInfo("zh-CN"));

    /// <summary>English.</summary>
    public static Words English { get; } = new(CultureInfo.GetCultureInfo("en"));

    /// <summary>The culture the library's texts are taken in.</summary>
    public CultureInfo Culture { get; }

    /// <summary>True for Chinese.</summary>
    public bool IsChinese => Culture.TwoLetterISOLanguageName == "zh";

    /// <summary>
    /// The language the command line asks for: <c>--lang en</c> or <c>--lang=en</c> (also <c>zh</c>, <c>zh-CN</c>),
    /// else the <see cref="LanguageVariable"/> environment variable, else Chinese.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="environment">The environment variable's value, or null.</param>
    /// <returns>The words, or null when the language asked for is not one of the two.</returns>
    public static Words? Choose(IReadOnlyList<string> args, string? environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? asked = environment;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Count)
            {
                asked = args[i + 1];
            }
            else if (args[i].StartsWith("--lang=", StringComparison.Ordinal))
            {
                asked = args[i]["--lang=".Length..];
            }
        }

        return (asked?.Trim().ToLowerInvariant()) switch
        {
            null or "" or "zh" or "zh-cn" or "cn" => Chinese,
            "en" or "en-us" or "en-gb" => English,
            _ => null,
        };
    }

    /// <summary>A sentence of the sample's table in this language, filled with the arguments (invariant number formats).</summary>
    /// <param name="key">The sentence's key.</param>
    /// <param name="args">Its arguments.</param>
    /// <returns>The sentence.</returns>
    public string Say(string key, params object?[] args)
    {
        var (zh, en) = Table.TryGetValue(key, out var t) ? t : throw new KeyNotFoundException($"The sample has no sentence '{key}'.");
        return string.Format(CultureInfo.InvariantCulture, Plural(IsChinese ? zh : en, args), args);
    }

    // Plural forms through the library's selector (CLDR categories, PluralRules): "{2|result|results}" is the first form
    // when argument 2 is in the "one" category of this language, else the second. Chinese has only "other", so its
    // sentences never need the selector.
    private string Plural(string format, object?[] args) =>
        System.Text.RegularExpressions.Regex.Replace(format, @"\{(\d+)\|([^|}]*)\|([^}]*)\}", m =>
        {
            var i = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var one = i < args.Length && args[i] is IConvertible c
                && PluralRules.Select(Culture, c.ToDecimal(CultureInfo.InvariantCulture)) == PluralCategory.One;
            return one ? m.Groups[2].Value : m.Groups[3].Value;
        });

    /// <summary>
    /// Items joined as a list of entries: "; " in English, as the library lists (<see cref="CommunityDomain.Views.Labels.List"/>),
    /// so an entry holding a comma ("Dongfang, East gate (24 cases)") stays one entry; "，" in Chinese, whose entries (an address
    /// with its masked names "赵*、赵**（2人）") already use "、" inside.
    /// </summary>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    public string Join(IEnumerable<string> items) => string.Join(IsChinese ? "，" : "; ", items);

    /// <summary>Items of one list item joined tightly ("、" in Chinese, " and " / ", " in English).</summary>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    public string JoinTight(IEnumerable<string> items)
    {
        var list = items.ToList();
        return IsChinese ? string.Join("、", list) : list.Count <= 2 ? string.Join(" and ", list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }

    /// <summary>The library's labels for the community in this language (names as the office writes them, local time).</summary>
    /// <param name="community">The community.</param>
    /// <param name="workers">Workers whose display names to show.</param>
    /// <returns>The labels.</returns>
    public Labels Labels(Community community, IEnumerable<Worker>? workers = null) => OfficeNames.For(community, Culture, workers);

    /// <summary>Every key of the table has both languages and the same placeholders in each (checked by the sample at start).</summary>
    /// <returns>The keys whose two texts disagree.</returns>
    public static IReadOnlyList<string> Mismatched() =>
        [.. Table.Where(kv => string.IsNullOrWhiteSpace(kv.Value.Zh) || string.IsNullOrWhiteSpace(kv.Value.En)
            || !Placeholders(kv.Value.Zh).SetEquals(Placeholders(kv.Value.En))).Select(kv => kv.Key)];

    private static HashSet<int> Placeholders(string format) =>
        [.. System.Text.RegularExpressions.Regex.Matches(format, @"\{(\d+)[:}]").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
}
