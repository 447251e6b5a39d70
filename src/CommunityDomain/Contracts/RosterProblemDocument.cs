using CommunityDomain.Rostering;

namespace CommunityDomain.Contracts;

/// <summary>
/// The stored shape of a <see cref="RosterProblem"/>: everything <see cref="RosterProblem.Create"/> takes,
/// so reading a problem runs the same validation as building one in code.
/// </summary>
internal sealed record RosterProblemDocument(
    DateInterval Horizon,
    IReadOnlyList<ShiftDefinition> Shifts,
    IReadOnlyList<Demand> Demands,
    IReadOnlyList<Worker> Workers,
    WorkRules DefaultRules,
    IReadOnlyDictionary<WorkerKind, WorkRules> RulesByKind,
    IReadOnlyList<ShiftWish> Wishes,
    IReadOnlyList<RosterAssignment> Pins,
    PreferenceWeights Weights,
    DateTimeZone? Zone = null);
