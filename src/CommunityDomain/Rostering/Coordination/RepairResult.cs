using System.Text.Json.Serialization;
namespace CommunityDomain.Rostering.Coordination;

/// <summary>A repaired roster, the problem after the change, and each person's notice.</summary>
public sealed class RepairResult
{
    [JsonConstructor]
    internal RepairResult(RosterProblem problem, Roster roster, int changes, IReadOnlyList<WorkerNotice> notices, int candidates)
    {
        Problem = problem;
        Roster = roster;
        Changes = changes;
        Notices = notices;
        Candidates = candidates;
    }

    /// <summary>The problem after the change (the repaired roster is scored in it).</summary>
    public RosterProblem Problem { get; }

    /// <summary>The repaired roster.</summary>
    public Roster Roster { get; }

    /// <summary>The number of changed assignments: added plus removed (a moved duty counts two).</summary>
    public int Changes { get; }

    /// <summary>One notice per worker whose duties changed, by worker id.</summary>
    public IReadOnlyList<WorkerNotice> Notices { get; }

    /// <summary>How many candidate rosters were compared.</summary>
    public int Candidates { get; }
}
