namespace CityHost;

/// <summary>One community of the city; the key is the community's index in the city (0-based).</summary>
public interface ICommunityGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Stores the community's documents after checking that each one reads and restores; loading the same
    /// documents again is a no-op, loading different ones is refused (<see cref="InvalidOperationException"/>).
    /// </summary>
    Task<LoadReceipt> Load(CommunityDocuments documents);

    /// <summary>
    /// Plans the testing day and the roster for <paramref name="jobId"/> and commits them to storage, or
    /// returns the plans already committed for that job: a retried call never plans or commits twice.
    /// </summary>
    Task<PlanReceipt> Plan(string jobId);

    /// <summary>The stored state as it is now (documents, plan, commit count).</summary>
    Task<CommunityGrainState> Stored();

    /// <summary>The live aggregates restored at activation, written back as contracts.</summary>
    Task<LiveSnapshot> Snapshot();
}
