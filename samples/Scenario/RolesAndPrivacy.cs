using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;

namespace Pubai;

/// <summary>
/// Who may do what, and personal data that ends: the people of the story get roles (the office over the whole
/// community, Dongfang's compound head over Dongfang, a Pingguoyuan gate volunteer); Dongfang's head trying to
/// add a post in Jianjing is refused and nothing changes; a Jianjing resident who moved out on 28 August has
/// their personal data erased 30 days later, and the district's statistics do not change.
/// </summary>
public static class RolesAndPrivacy
{
    private static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("zh-CN"), CultureInfo.GetCultureInfo("en")];

    /// <summary>Runs the chapter; writes it to <paramref name="output"/> and returns the failed invariants.</summary>
    /// <param name="scenario">The Pubai scenario.</param>
    /// <param name="output">Where to write.</param>
    /// <returns>The failed invariants (empty when all hold).</returns>
    public static IReadOnlyList<string> Run(PubaiScenario scenario, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(output);
        var failures = new List<string>();
        void Check(bool ok, string what)
        {
            if (!ok)
            {
                failures.Add("roles and privacy: " + what);
            }
        }

        var community = scenario.Community;
        var dongfang = scenario.Compounds["Dongfang"];
        var jianjing = scenario.Compounds["Jianjing"];
        var office = PubaiScenario.Office;
        var dongfangHead = Actor.CompoundHead("dongfang.head", dongfang.Area);
        var gateVolunteer = new Actor("pingguoyuan.gate.1", Role.GateDuty, scenario.Compounds["Pingguoyuan"].Area);
        output.WriteLine("角色 / Roles:");
        foreach (var actor in new[] { office, dongfangHead, gateVolunteer })
        {
            output.WriteLine($"  {actor.Account}: {RoleText.Chinese(actor.Role)} / {RoleText.English(actor.Role)}, {Area(community, actor.Area)}");
        }

        // In his own compound the head may add a post; in Jianjing he may not, and nothing changes.
        scenario.Clock.Now = new LocalDateTime(2022, 8, 19, 18, 0).InZoneStrictly(PubaiScenario.Zone).ToInstant();
        Check(community.AddPost(dongfang.Id, PostKind.Checkpoint, "东门临时卡点", dongfangHead).IsT0, "the head adds a post in his own compound");
        var before = community.ToState();
        var refused = community.AddPost(jianjing.Id, PostKind.Checkpoint, "建井临时卡点", dongfangHead);
        var sealing = community.Issue(ControlOrderRequest.Sealed(jianjing.Id, scenario.Clock.Now, "volunteer's phone"), gateVolunteer);
        output.WriteLine("越权操作被拒绝 / Refused outside role or area:");
        foreach (var error in new[] { refused.Value, sealing.Value }.OfType<DomainError>())
        {
            foreach (var language in Languages)
            {
                output.WriteLine($"  {error.MessageIn(language)}");
            }
        }

        Check(refused.Value is NotPermitted { OutsideArea: true }, "a post outside the head's compound is refused as outside his area");
        Check(sealing.Value is NotPermitted { OutsideArea: false }, "a gate volunteer may not seal a compound");
        Check(community.ToState().Equals(before), "a refused command changes nothing");

        // A Jianjing resident moves out on 28 August; 30 days' retention; erased on 28 September.
        var movedOutAt = new LocalDateTime(2022, 8, 28, 10, 0).InZoneStrictly(PubaiScenario.Zone).ToInstant();
        var leaver = community.Residents.First(r => r.Presence == Presence.Present && community.Get(r.HouseholdId).CompoundId == jianjing.Id);
        var secrets = new[] { leaver.Name.Value, leaver.Document?.Number, leaver.Phone?.Value }.OfType<string>().ToList();
        var masked = leaver.Name.Masked;
        Check(community.MoveOut(leaver.Id, movedOutAt, office).IsT0, "the resident moves out");
        var erasedAt = movedOutAt.Plus(Duration.FromDays(31));
        scenario.Clock.Now = erasedAt;
        var statistics = community.ExportStatistics(erasedAt, office).AsT0;
        var erased = community.ApplyRetention(new RetentionPolicy(30), erasedAt, office).AsT0;
        var snapshot = CommunityJson.Write(community.ToState());
        output.WriteLine("个人信息到期删除 / Personal data erased after 30 days:");
        output.WriteLine($"  {masked} 于 {movedOutAt.InZone(PubaiScenario.Zone):yyyy-MM-dd} 迁出，{erasedAt.InZone(PubaiScenario.Zone):yyyy-MM-dd} 删除个人信息：{erased.Length} 人");
        output.WriteLine($"  {masked} moved out {movedOutAt.InZone(PubaiScenario.Zone):yyyy-MM-dd}; personal data erased {erasedAt.InZone(PubaiScenario.Zone):yyyy-MM-dd}: {erased.Length} resident(s), now {community.Get(leaver.Id).Name.Value}");
        Check(erased.Contains(leaver.Id), "the moved-out resident is erased");
        Check(secrets.All(s => !snapshot.Contains(s, StringComparison.Ordinal)), "the snapshot holds none of the erased values");
        Check(community.ExportStatistics(erasedAt, office).AsT0.Equals(statistics), "statistics are unchanged by erasure");
        Check(community.ExportStatistics(erasedAt, dongfangHead).IsT1, "a compound head may not export the district statistics");
        return failures;
    }

    private static string Area(Community community, Area area) => area.Kind switch
    {
        AreaKind.Community => "全社区 / whole community",
        AreaKind.Compound => $"小区 / compound {community.Get(new Id<Compound>(area.Id)).Name}",
        _ => $"楼栋 / building {community.Get(new Id<Building>(area.Id)).Name}",
    };
}
