using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>Finds who can go to an ad-hoc need ("someone to the east gate now, for four hours").</summary>
public static class RosterDispatch
{
    /// <summary>Ranks the workers who can take the need without breaking any rule, best first.</summary>
    /// <param name="problem">The problem the roster belongs to.</param>
    /// <param name="assignments">The published roster.</param>
    /// <param name="post">A post of the problem (its compound is taken from its demands).</param>
    /// <param name="start">When the need starts; its date must lie in the horizon.</param>
    /// <param name="duration">How long; whole minutes, at most 24 hours.</param>
    /// <param name="qualification">The qualification needed, or null.</param>
    /// <returns>The ranking: every worker not yet on duty that date whose going raises no hard rule's amount.</returns>
    /// <remarks>
    /// The need becomes a one-person demand of a new shift in an extended problem, so every rule (rest
    /// after yesterday's night shift, weekly minutes, confinement, availability windows) is checked by
    /// the planner's own scoring. A worker holds at most one shift per date in this model, so workers
    /// already on duty that date are not offered.
    /// </remarks>
    /// <exception cref="ArgumentException">The post is unknown or the start lies outside the horizon.</exception>
    public static DispatchRanking Rank(RosterProblem problem, IEnumerable<RosterAssignment> assignments, Id<Post> post, LocalDateTime start, Duration duration, string? qualification = null)
    {
        Guard.Against.Null(problem);
        Guard.Against.Null(assignments);
        var compound = problem.Demands.FirstOrDefault(d => d.Post == post)?.Compound
            ?? throw new ArgumentException($"Post {post} has no demand in the problem.", nameof(post));
        if (!problem.Horizon.Contains(start.Date))
        {
            throw new ArgumentException($"{start:uuuu-MM-dd HH:mm} lies outside the horizon.", nameof(start));
        }

        // The code names the need's start as the clock will read it (a start in a spring-forward gap moves on by the gap).
        var placed = new ShiftDefinition("need", start.TimeOfDay, duration).On(start.Date, problem.Zone).Start.InZone(problem.Zone).LocalDateTime;
        var code = UniqueCode(problem, placed);
        var shift = new ShiftDefinition(code, start.TimeOfDay, duration);
        var need = new Demand(post, compound, start.Date, code, required: 1, qualification: qualification);
        var extended = problem.With(shifts: problem.Shifts.Append(shift), demands: problem.Demands.Append(need));

        var list = assignments.ToList();
        var before = RosterPlanner.Score(problem, list).Score;
        var busy = list.Where(a => a.Date == start.Date).Select(a => a.Worker).ToHashSet();
        var candidates = new List<DispatchCandidate>();
        foreach (var w in problem.Workers.Where(w => !busy.Contains(w.Id)))
        {
            var assignment = new RosterAssignment(w.Id, start.Date, post, code, qualification);
            var roster = RosterPlanner.Score(extended, list.Append(assignment));
            if (RosterSwaps.RisenHardRules(before, roster.Score).Count > 0)
            {
                continue;
            }

            // Against the roster before the need, so the need's own cover line does not show.
            var byRule = roster.Score.ByRule.Keys.Union(before.ByRule.Keys)
                .Select(k => (k, roster.Score.ByRule.GetValueOrDefault(k).Soft - before.ByRule.GetValueOrDefault(k).Soft))
                .Where(x => x.Item2 != 0)
                .ToDictionary(x => x.k, x => x.Item2);
            candidates.Add(new DispatchCandidate(w.Id, assignment, roster, roster.Score.Soft - before.Soft, byRule));
        }

        var ranked = candidates.OrderBy(c => c.SoftChange).ThenBy(c => c.Worker.Value).ToList();
        return new DispatchRanking(extended, need, ranked);
    }

    private static string UniqueCode(RosterProblem problem, LocalDateTime start)
    {
        var stem = "ADHOC-" + start.ToString("uuuuMMdd-HHmm", CultureInfo.InvariantCulture);
        var code = stem;
        for (var i = 2; problem.Shifts.Any(s => s.Code == code); i++)
        {
            code = stem + "-" + i.ToString(CultureInfo.InvariantCulture);
        }

        return code;
    }
}
