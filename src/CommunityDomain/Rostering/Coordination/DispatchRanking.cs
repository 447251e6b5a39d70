using System.Text.Json.Serialization;
namespace CommunityDomain.Rostering.Coordination;

/// <summary>The workers who can take an ad-hoc need, best first.</summary>
public sealed class DispatchRanking
{
    [JsonConstructor]
    internal DispatchRanking(RosterProblem problem, Demand need, IReadOnlyList<DispatchCandidate> candidates)
    {
        Problem = problem;
        Need = need;
        Candidates = candidates;
    }

    /// <summary>The problem extended by the need's shift and demand (its candidates' rosters belong to it).</summary>
    public RosterProblem Problem { get; }

    /// <summary>The need as a demand for one person.</summary>
    public Demand Need { get; }

    /// <summary>Workers who break no rule by going, by soft score change then id; empty when nobody can.</summary>
    public IReadOnlyList<DispatchCandidate> Candidates { get; }

    /// <summary>The best candidate, or null.</summary>
    public DispatchCandidate? Best => Candidates.Count > 0 ? Candidates[0] : null;
}
