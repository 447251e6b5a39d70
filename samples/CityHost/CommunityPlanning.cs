using CommunityDomain.Contracts;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.Rostering;

namespace CityHost;

/// <summary>
/// One community's planning from its documents to its result documents: the same code in a grain and in
/// the one-process baseline, so the two can only differ through the engine.
/// </summary>
public static class CommunityPlanning
{
    /// <summary>
    /// Reads the testing day, the roster problem and the options, plans both, and writes the
    /// <c>testing.wave-plan</c> and the <c>roster.roster</c> (or <c>roster.no-feasible-roster</c>).
    /// </summary>
    /// <exception cref="InvalidDataException">A document does not read (its contract error's message and path).</exception>
    public static (string WavePlan, string Roster) Plan(CommunityDocuments documents)
    {
        var testing = Read<WaveProblem>(documents.WaveProblem);
        var problem = Read<RosterProblem>(documents.RosterProblem);
        var options = Read<PlannerOptions>(documents.PlannerOptions);
        var wave = CommunityJson.Write(WavePlanner.Plan(testing));
        // Infeasible is an answer: the office sees the best roster and its violations.
        var roster = RosterPlanner.Plan(problem, options).Match(CommunityJson.Write, CommunityJson.Write);
        return (wave, roster);
    }

    /// <summary>Reads a contract document or throws <see cref="InvalidDataException"/> with the contract error (no document text).</summary>
    public static T Read<T>(string json) =>
        CommunityJson.Read<T>(json).Match(value => value, error => throw new InvalidDataException($"{error.Code} at {error.Path}: {error.Message}"));
}
