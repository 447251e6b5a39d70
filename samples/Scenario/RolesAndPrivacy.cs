using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;

namespace Pubai;

/// <summary>
/// Who may do what, and personal data that ends: the people of the story get roles (the office over the whole
/// community, Dongfang's compound head over Dongfang, a Pingguoyuan gate volunteer); Dongfang's head trying to
/// add a post in Jianjing is refused and nothing changes; a Jianjing resident who moved out on 28 August has
/// their personal data erased once the 30 days kept have passed, and the district's statistics do not change.
/// </summary>
public static class RolesAndPrivacy
{
    /// <summary>Runs the chapter; writes it to <paramref name="output"/> and returns the failed invariants.</summary>
    /// <param name="scenario">The Pubai scenario.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="words">The language of the story.</param>
    /// <returns>The failed invariants (empty when all hold).</returns>
    public static IReadOnlyList<string> Run(PubaiScenario scenario, TextWriter output, Words words)
    {
        ArgumentNullException.ThrowIfNull(words);
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
        var labels = words.Labels(community);
        string RoleName(Role role) => words.IsChinese ? RoleText.Chinese(role) : RoleText.English(role);
        string Area(Area area) => area.Kind switch
        {
            AreaKind.Community => words.Say("scope.WholeCommunity"),
            AreaKind.Compound => labels.Compound(new Id<Compound>(area.Id)),
            _ => labels.Building(new Id<Building>(area.Id)),
        };
        var dongfang = scenario.Compounds["Dongfang"];
        var jianjing = scenario.Compounds["Jianjing"];
        var office = PubaiScenario.Office;
        var dongfangHead = Actor.CompoundHead("dongfang.head", dongfang.Area);
        var gateVolunteer = new Actor("pingguoyuan.gate.1", Role.GateDuty, scenario.Compounds["Pingguoyuan"].Area);
        // A person reads who holds an account, not the account's login: the office's staff member on duty, the head and
        // the gate volunteer by their display names (the logins stay in the audit trail). They are people of their own, not
        // workers of the roster: names numbered past the roster's workers (397-399; names are unique below 400), so no
        // reader meets one name as a volunteer on the roster and as a compound head here.
        var holders = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [office.Account] = OfficeNames.WorkerName(399, CommunityDomain.Rostering.WorkerKind.Staff),
            [dongfangHead.Account] = OfficeNames.WorkerName(398, CommunityDomain.Rostering.WorkerKind.Staff),
            [gateVolunteer.Account] = OfficeNames.WorkerName(397, CommunityDomain.Rostering.WorkerKind.PartyMemberVolunteer),
        };
        var rosterNames = Enumerable.Range(1, 300).Select(n => OfficeNames.WorkerName(n, CommunityDomain.Rostering.WorkerKind.Staff)).ToHashSet(StringComparer.Ordinal);
        Check(holders.Values.Distinct().Count() == holders.Count && !holders.Values.Any(rosterNames.Contains),
            "an account holder shares a name with another holder or with a worker on the roster");
        string Holder(string account) => holders.TryGetValue(account, out var name) ? name : account;
        output.WriteLine(words.Say("roles"));
        foreach (var actor in new[] { office, dongfangHead, gateVolunteer })
        {
            output.WriteLine(words.Say("role", Holder(actor.Account), RoleName(actor.Role), Area(actor.Area)));
        }

        // In his own compound the head may add a post; in Jianjing he may not, and nothing changes.
        scenario.Clock.Now = new LocalDateTime(2022, 8, 19, 18, 0).InZoneStrictly(PubaiScenario.Zone).ToInstant();
        Check(community.AddPost(dongfang.Id, PostKind.Checkpoint, "东门临时卡点", dongfangHead).IsT0, "the head adds a post in his own compound");
        var before = community.ToState();
        var refused = community.AddPost(jianjing.Id, PostKind.Checkpoint, "建井临时卡点", dongfangHead);
        var sealing = community.Issue(ControlOrderRequest.Sealed(jianjing.Id, scenario.Clock.Now, "volunteer's phone"), gateVolunteer);
        // The library's error messages name places by id (they are for logs too); the office reads names.
        output.WriteLine(words.Say("roles.refused"));
        foreach (var (error, target) in new[] { (refused.Value, jianjing), (sealing.Value, jianjing) })
        {
            if (error is NotPermitted no)
            {
                var what = words.IsChinese ? RoleText.Chinese(no.Needed) : RoleText.English(no.Needed);
                output.WriteLine(no.OutsideArea
                    ? words.Say("refused.area", Holder(no.Account), RoleName(no.Role), Area(no.Area), labels.Compound(target.Id), what)
                    : words.Say("refused.role", Holder(no.Account), RoleName(no.Role), what));
            }
        }

        Check(refused.Value is NotPermitted { OutsideArea: true }, "a post outside the head's compound is refused as outside his area");
        Check(sealing.Value is NotPermitted { OutsideArea: false }, "a gate volunteer may not seal a compound");
        Check(community.ToState().Equals(before), "a refused command changes nothing");
        Check(holders.Values.All(h => !h.Contains('.', StringComparison.Ordinal)), "the roles show people's and the office's names, not account logins");

        // A Jianjing resident moves out on 28 August 10:00; data is kept 30 days (RetentionPolicy: erased once more than 30
        // days have passed), so on 27 September at 10:00 nothing is due yet and at the office's noon run the same day it is.
        var movedOutAt = new LocalDateTime(2022, 8, 28, 10, 0).InZoneStrictly(PubaiScenario.Zone).ToInstant();
        var leaver = community.Residents.First(r => r.Presence == Presence.Present && community.Get(r.HouseholdId).CompoundId == jianjing.Id);
        var secrets = new[] { leaver.Name.Value, leaver.Document?.Number, leaver.Phone?.Value }.OfType<string>().ToList();
        var masked = leaver.Name.Masked;
        Check(community.MoveOut(leaver.Id, movedOutAt, office).IsT0, "the resident moves out");
        var retention = new RetentionPolicy(30);
        var keptUntil = movedOutAt.Plus(Duration.FromDays(retention.DaysAfterMovingOut));
        scenario.Clock.Now = keptUntil;
        Check(!community.ApplyRetention(retention, keptUntil, office).AsT0.Contains(leaver.Id), "the resident is not erased before the 30 days kept have passed");
        var erasedAt = keptUntil.Plus(Duration.FromHours(2));
        scenario.Clock.Now = erasedAt;
        var statistics = community.ExportStatistics(erasedAt, office).AsT0;
        var erased = community.ApplyRetention(retention, erasedAt, office).AsT0;
        Check(erasedAt.InZone(PubaiScenario.Zone).Date == movedOutAt.InZone(PubaiScenario.Zone).Date.PlusDays(30), "the erasure date shown is 30 days after moving out, as the text says");
        var snapshot = CommunityJson.Write(community.ToState());
        output.WriteLine(words.Say("erasure", retention.DaysAfterMovingOut));
        output.WriteLine(words.Say("erased", masked, labels.Moment(movedOutAt), labels.Moment(keptUntil), labels.Moment(erasedAt), erased.Length));
        Check(erased.Contains(leaver.Id), "the moved-out resident is erased");
        // CommunityJson writes non-ASCII as \uXXXX, so a Chinese name is never found in the raw text: compare on the parsed
        // document's decoded strings (names and values), and show the comparison can see a Chinese name by finding a kept one.
        var decoded = DecodedStrings(snapshot);
        var kept = community.Residents.First(r => r.Name != Resident.ErasedName && r.Name.Value.Any(c => c > 0x7F)).Name.Value;
        Check(decoded.Any(v => v.Contains(kept, StringComparison.Ordinal)), "the decoded snapshot shows a kept resident's Chinese name (the erasure check can see names)");
        // A kept resident may share the erased name (common names repeat in the generated register): the snapshot may hold
        // a value no more often than the kept residents' own data does.
        var keptValues = community.Residents.Where(r => r.Id != leaver.Id)
            .SelectMany(r => new[] { r.Name.Value, r.Document?.Number, r.Phone?.Value }).OfType<string>().ToList();
        var leaked = secrets.Select((s, i) => (Kind: i, Leaked: decoded.Count(v => v.Contains(s, StringComparison.Ordinal)) > keptValues.Count(v => v.Contains(s, StringComparison.Ordinal))))
            .Where(x => x.Leaked).Select(x => x.Kind == 0 ? "name" : "ID number or phone").ToList();
        Check(leaked.Count == 0, "the snapshot holds none of the erased values (found: " + string.Join(", ", leaked) + ")");
        Check(community.ExportStatistics(erasedAt, office).AsT0.Equals(statistics), "statistics are unchanged by erasure");
        Check(community.ExportStatistics(erasedAt, dongfangHead).IsT1, "a compound head may not export the district statistics");
        return failures;
    }

    // Every string of a JSON document as a reader gets it back (escapes decoded): property names and string values;
    // numbers and literals as written.
    private static List<string> DecodedStrings(string json)
    {
        var found = new List<string>();
        using var document = System.Text.Json.JsonDocument.Parse(json);
        void Walk(System.Text.Json.JsonElement e)
        {
            switch (e.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        found.Add(p.Name);
                        Walk(p.Value);
                    }

                    break;
                case System.Text.Json.JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
                case System.Text.Json.JsonValueKind.String:
                    found.Add(e.GetString()!);
                    break;
                default:
                    found.Add(e.GetRawText());
                    break;
            }
        }

        Walk(document.RootElement);
        return found;
    }
}
