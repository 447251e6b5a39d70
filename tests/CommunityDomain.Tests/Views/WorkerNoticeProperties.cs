using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Tests.Generators;
using CommunityDomain.Views;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// Messages a volunteer receives (issue 12): a new duty, a cancelled duty and an accepted swap are short ready-to-send
/// texts that give, for every duty, its date, local start and end, post and compound by name. Checked over generated
/// rosters in both languages against an oracle that writes each duty from the problem's instants with .NET's own date
/// formats, not the library's labels.
/// </summary>
public sealed class WorkerNoticeProperties
{
    private static readonly string[] ChineseWeekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
    private static readonly string[] Zones = ["Asia/Shanghai", "Asia/Urumqi"];

    private sealed record Setting(RosterProblem Problem, Labels Labels, bool Chinese, DateTimeZone Zone, IReadOnlyDictionary<Id<Post>, Id<Compound>> PostCompound);

    private static Setting For(RosterProblem problem, bool chinese, int zone)
    {
        var tz = DateTimeZoneProviders.Tzdb[Zones[Math.Abs(zone % Zones.Length)]];
        var postCompound = problem.Demands.GroupBy(d => d.Post).ToDictionary(g => g.Key, g => g.First().Compound);
        var labels = new Labels(CultureInfo.GetCultureInfo(chinese ? "zh-CN" : "en"), tz, problem.Workers,
            posts: postCompound.Keys.ToDictionary(p => p, p => $"Gate{p.Value}"),
            compounds: postCompound.Values.Distinct().ToDictionary(c => c, c => $"Estate{c.Value}"),
            postCompounds: postCompound);
        return new Setting(problem, labels, chinese, tz, postCompound);
    }

    private static string Name(Setting s, Id<Worker> id)
    {
        var worker = s.Problem.Workers.Single(w => w.Id == id);
        var name = worker.DisplayName ?? (s.Chinese ? $"{id.Value}号工作人员" : $"worker {id.Value}");
        // A resident volunteer on a roster across compounds shows with their compound (v12d, VerifierFindingsV12dTests).
        if (s.Problem.Workers.Select(w => w.Home).Distinct().Count() > 1 && s.PostCompound.Values.Contains(worker.Home)
            && (worker.Kind == WorkerKind.ResidentVolunteer || worker.Resident is not null))
        {
            var compound = $"Estate{worker.Home.Value}";
            return s.Chinese
                ? compound + (Texts.NeedsSpace(compound[^1], name[0]) || !char.IsLetterOrDigit(name[0]) ? " " : string.Empty) + name
                : $"{name} of {compound}";
        }

        return name;
    }

    private static string DateText(Setting s, LocalDate date) => s.Chinese
        ? $"{date.Month}月{date.Day}日（{ChineseWeekdays[(int)date.ToDateTimeUnspecified().DayOfWeek]}）"
        : date.ToDateTimeUnspecified().ToString("ddd d MMM", CultureInfo.InvariantCulture);

    /// <summary>A duty as a volunteer should read it: date, local start and end from the instants, compound and post.</summary>
    private static string Duty(Setting s, RosterAssignment a)
    {
        var shift = s.Problem.Shifts.Single(x => x.Code == a.ShiftCode);
        var times = Times(s, a.Date, shift);
        // Another shift that reads the same that date: the code tells them apart (before the times in Chinese).
        if (s.Problem.Shifts.Any(o => o.Code != shift.Code && Times(s, a.Date, o) == times))
        {
            times = s.Chinese ? $"{shift.Code} {times}" : $"{times} ({shift.Code})";
        }

        var compound = $"Estate{s.PostCompound[a.Post].Value}";
        return s.Chinese
            // Chinese joins compound and post without a comma, and with a space where two Latin words would glue.
            ? $"{DateText(s, a.Date)}{times} {compound} Gate{a.Post.Value}"
            : $"{DateText(s, a.Date)} {times} {compound} › Gate{a.Post.Value}";
    }

    private static string Times(Setting s, LocalDate date, ShiftDefinition shift)
    {
        var start = date.At(shift.Start).InZoneLeniently(s.Zone);
        var end = start.ToInstant().Plus(shift.Duration).InZone(s.Zone);
        var (from, until) = (start.ToString("HH:mm", CultureInfo.InvariantCulture), end.ToString("HH:mm", CultureInfo.InvariantCulture));
        var next = end.Date > start.Date;
        return s.Chinese ? $"{from}-{(next ? "次日" : "")}{until}" : $"{from}-{until}{(next ? " (next day)" : "")}";
    }

    [Property(Arbitrary = [typeof(RosterArbitraries)], MaxTest = 80)]
    public bool A_notice_of_new_and_cancelled_duties_gives_each_its_date_local_start_and_end_post_and_compound(PlantedProblem planted, bool chinese, int zone, int split)
    {
        var s = For(planted.Problem, chinese, zone);
        foreach (var worker in planted.Problem.Workers)
        {
            var mine = planted.Planted.Where(a => a.Worker == worker.Id).ToList();
            var cancelled = mine.Where((_, i) => (i + split) % 2 == 0).ToList();
            var added = mine.Where((_, i) => (i + split) % 2 != 0).ToList();
            var text = RosterTexts.Message(new WorkerNotice(worker.Id, cancelled, added), planted.Problem, s.Labels);
            var (cancelWord, newWord) = chinese ? ("取消：", "新增：") : ("Cancelled: ", "New: ");
            if (!text.StartsWith(Name(s, worker.Id), StringComparison.Ordinal)
                || text.Contains(cancelWord, StringComparison.Ordinal) != (cancelled.Count > 0)
                || text.Contains(newWord, StringComparison.Ordinal) != (added.Count > 0)
                || !mine.All(a => text.Contains(Duty(s, a), StringComparison.Ordinal))
                || (cancelled.Count > 0 && added.Count > 0 && text.IndexOf(cancelWord, StringComparison.Ordinal) > text.IndexOf(Duty(s, added[0]), StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(RosterArbitraries)], MaxTest = 80)]
    public bool An_accepted_swap_tells_both_workers_their_duties_on_the_swapped_date_or_that_they_are_off(PlantedProblem planted, bool chinese, int zone, NonNegativeInt pick)
    {
        var problem = planted.Problem;
        if (planted.Planted.Count == 0 || problem.Workers.Count < 2)
        {
            return true;
        }

        var duty = planted.Planted[pick.Get % planted.Planted.Count];
        var other = problem.Workers[(pick.Get / planted.Planted.Count + 1) % problem.Workers.Count].Id;
        if (other == duty.Worker)
        {
            other = problem.Workers.First(w => w.Id != duty.Worker).Id;
        }

        var verdict = RosterSwaps.Check(problem, planted.Planted, duty.Worker, other, duty.Date);
        if (!verdict.Accepted)
        {
            return Assert.Throws<ArgumentException>("verdict", () => RosterTexts.SwapMessages(verdict, problem, For(problem, chinese, zone).Labels)) is not null;
        }

        var s = For(problem, chinese, zone);
        var messages = RosterTexts.SwapMessages(verdict, problem, s.Labels);
        var off = chinese ? $"{DateText(s, duty.Date)}休息" : $"{DateText(s, duty.Date)} off";
        // Two identical duties (same post, shift and role) swapped change nothing: both are told so.
        static (Id<Post>, string, string?)? Of(Roster r, Id<Worker> w, LocalDate d) =>
            r.Assignments.Where(a => a.Worker == w && a.Date == d).Select(a => ((Id<Post>, string, string?)?)(a.Post, a.ShiftCode, a.Qualification)).FirstOrDefault();
        var unchanged = Of(verdict.Before, duty.Worker, duty.Date) == Of(verdict.After, duty.Worker, duty.Date) && Of(verdict.Before, other, duty.Date) == Of(verdict.After, other, duty.Date);
        Assert.True(messages.Select(m => m.Worker).SequenceEqual([duty.Worker, other]) && messages.All(m =>
            {
                var partner = m.Worker == duty.Worker ? other : duty.Worker;
                var now = verdict.After.Assignments.Where(a => a.Worker == m.Worker && a.Date == duty.Date).ToList();
                return m.Text.StartsWith(Name(s, m.Worker), StringComparison.Ordinal)
                    && m.Text.Contains(Name(s, partner), StringComparison.Ordinal)
                    && (unchanged ? m.Text.Contains(chinese ? "您的值班没有变化" : "changes none of your duties", StringComparison.Ordinal)
                        : now.Count == 0 ? m.Text.Contains(off, StringComparison.Ordinal) : now.All(a => m.Text.Contains(Duty(s, a), StringComparison.Ordinal)));
            }), string.Join("\n", messages.Select(m => m.Text)) + "\nexpected: " + string.Join(" | ", verdict.After.Assignments.Where(a => a.Date == duty.Date && (a.Worker == duty.Worker || a.Worker == other)).Select(a => Duty(s, a))) + " / " + off);
        return true;
    }
}
