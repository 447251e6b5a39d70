using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Rostering;
using NodaTime;

namespace CommunityDomain.Benchmarks.Scale;

/// <summary>
/// One generated community of the city: its testing day as a <see cref="WaveProblem"/> and the plain
/// inputs of its 14-day roster, as a host would hold them after reading a community's JSON document.
/// </summary>
/// <param name="Index">The community's position in the city (0-based); also picks its planner seed.</param>
/// <param name="Testing">The testing day: buildings, households and sites.</param>
/// <param name="Horizon">The roster's dates.</param>
/// <param name="Shifts">The roster's shift definitions.</param>
/// <param name="Demands">Posts' needs per date and shift.</param>
/// <param name="Workers">The community's staff and volunteers.</param>
/// <param name="VolunteerRules">Rules for volunteers (the default).</param>
/// <param name="RulesByKind">Rules for staff and medical workers.</param>
/// <param name="Wishes">Shift-off wishes.</param>
public sealed record ScaleCommunity(
    int Index,
    WaveProblem Testing,
    DateInterval Horizon,
    IReadOnlyList<ShiftDefinition> Shifts,
    IReadOnlyList<Demand> Demands,
    IReadOnlyList<Worker> Workers,
    WorkRules VolunteerRules,
    IReadOnlyDictionary<WorkerKind, WorkRules> RulesByKind,
    IReadOnlyList<ShiftWish> Wishes)
{
    /// <summary>Residents called on the testing day.</summary>
    public int Residents => Testing.People;

    /// <summary>Validates and compiles the roster inputs (part of each community's work, as on a worker node).</summary>
    public RosterProblem CreateRosterProblem() =>
        RosterProblem.Create(Horizon, Shifts, Demands, Workers, VolunteerRules, RulesByKind, Wishes, weights: new PreferenceWeights(2, 1));
}
