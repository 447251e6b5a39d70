using CommunityDomain.Communities;
using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Views;

namespace Pubai;

/// <summary>
/// Dongfang's gate motor fails on 23 August 2022 at 07:30: the gate is pulled by hand, so it needs one more
/// person on every shift until two residents have repaired it (resolved two days later, at their own cost).
/// The incident raises the gate's demand and the published roster is repaired with each person's notice.
/// </summary>
public static class GateIncident
{
    /// <summary>When the motor failed.</summary>
    public static LocalDateTime FailedAt { get; } = new(2022, 8, 23, 7, 30);

    /// <summary>Runs the chapter; writes it to <paramref name="output"/> and returns the failed invariants.</summary>
    /// <param name="scenario">The Pubai scenario.</param>
    /// <param name="problem">The roster problem as it stands (after earlier changes).</param>
    /// <param name="published">The roster as published (after earlier repairs).</param>
    /// <param name="output">Where to write.</param>
    /// <param name="labels">Names, local time and culture (with the roster's workers).</param>
    /// <param name="words">The sample's texts in the same language.</param>
    /// <returns>The failed invariants (empty when all hold).</returns>
    public static IReadOnlyList<string> Run(PubaiScenario scenario, RosterProblem problem, IReadOnlyList<RosterAssignment> published, TextWriter output,
        Labels labels, Words words)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(output);
        var failures = new List<string>();
        void Check(bool ok, string what)
        {
            if (!ok)
            {
                failures.Add("incident: " + what);
            }
        }

        var community = scenario.Community;
        var zone = community.Zone;
        var dongfang = scenario.Compounds["Dongfang"].Id;
        var gate = community.PostsOf(dongfang).First(p => p.Kind == PostKind.Gate && p.Name == "South gate");
        var failed = FailedAt.InZoneStrictly(zone).ToInstant();
        var head = Actor.Of("dongfang.head");

        // Report, assign the repair to two residents (by id only), resolve two days later with the cost.
        scenario.Clock.Now = failed.Plus(Duration.FromMinutes(5));
        var incident = community.ReportIncident(gate.Id, IncidentKind.GateFailure, failed, 1, "gate motor failed; gate pulled by hand", head).AsT0;
        var repairers = community.Get(community.HouseholdsIn(dongfang)[0]).Members.Take(1)
            .Concat(community.Get(community.HouseholdsIn(dongfang)[1]).Members.Take(1)).ToList();
        scenario.Clock.Now = failed.Plus(Duration.FromHours(1));
        community.AssignRepair(incident.Id, OfficeNames.TwoResidentVolunteers, repairers, head);
        var resolvedAt = failed.Plus(Duration.FromDays(2)).Plus(Duration.FromHours(3));
        scenario.Clock.Now = resolvedAt;
        community.ResolveIncident(incident.Id, resolvedAt, new IncidentCost(380m, OfficeNames.TheTwoRepairingResidents), head);
        output.WriteLine(words.Say("incident", labels.PostWithCompound(gate.Id), words.Say("incident." + incident.Kind), labels.Moment(failed),
            labels.Local(incident.Repairer!), labels.Moment(resolvedAt), incident.Cost!.Value.Yuan, labels.Local(incident.Cost!.Value.BorneBy)));

        // The roster repair the incident causes, frozen at the failure: a duty that began before 07:30 (the night
        // shift still on the gate) stays as published, and nobody is sent to a shift that has already started.
        var change = IncidentRaisesDemand.From(incident, zone);
        var repair = RosterRepair.Repair(problem, published, change, new RepairOptions(50, failed, zone, seed: 1, iterationLimit: 3_000));
        // The summary and one sentence per hard violation left (which shift is short), then the notices.
        var raised = repair.Problem.Demands.Zip(problem.Demands).Where(x => x.First.Required > x.Second.Required).Select(x => x.First).ToList();
        output.WriteLine(words.Say("incident.raised", labels.Moment(change.Window.Start), labels.Moment(change.Window.End), labels.PostWithCompound(change.Post),
            change.Extra, raised.Count, repair.Changes, string.Join(labels.Culture.TwoLetterISOLanguageName == "zh" ? "" : " ", RosterTexts.Explain(repair.Roster, labels).Split('\n').Take(1 + repair.Roster.Score.Items.Count(i => i.Hard > 0)))));
        foreach (var notice in repair.Notices)
        {
            output.WriteLine("  " + RosterTexts.Message(notice, repair.Problem, labels));
        }

        var after = repair.Roster.Assignments;
        var shifts = problem.Shifts.ToDictionary(s => s.Code, StringComparer.Ordinal);
        bool Begun(LocalDate date, string shift) => date.At(shifts[shift].Start).InZoneLeniently(zone).ToInstant() < failed;
        int Covered(Demand d) => after.Count(a => a.Post == d.Post && a.Date == d.Date && a.ShiftCode == d.ShiftCode && a.Qualification == d.Qualification);
        Check(community.IncidentsOpenAt(resolvedAt).Count == 0 && community.IncidentsOpenAt(failed).Count == 1, "the incident's window is wrong");
        Check(community.ExtraDemand(gate.Id, new Interval(failed, resolvedAt)) == 1, "the gate's extra demand is not one person");
        Check(raised.Count > 0 && raised.All(d => d.Post == gate.Id), "the incident raised no shift, or another post's");
        Check(raised.Where(d => !Begun(d.Date, d.ShiftCode)).All(d => Covered(d) >= d.Required), "the repair does not cover the raised demand");
        // The shift on the gate when the motor failed needs one more person for its last half hour: a roster cannot
        // send anyone to a shift already under way (that is a dispatch), so its shortfall is the only one allowed.
        Check(repair.Roster.Score.Items.All(i => i.Hard == 0 || (i.Post == gate.Id && i.Date is { } date && date <= FailedAt.Date)),
            "the incident repair left a hard violation on a shift it could still change");
        Check(after.Where(a => Begun(a.Date, a.ShiftCode)).ToHashSet().SetEquals(published.Where(a => Begun(a.Date, a.ShiftCode))),
            "the incident repair touched a duty that had begun before the failure");
        Check(repair.Notices.All(n => n.Added.Concat(n.Removed).All(a => !Begun(a.Date, a.ShiftCode))),
            "a notice names a duty that had begun before the failure");
        Check(Community.Restore(community.ToState(), new FixedClock(resolvedAt)).ToState().Equals(community.ToState()), "the incident does not round-trip");
        return failures;
    }
}
