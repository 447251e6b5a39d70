namespace CityHost;

/// <summary>
/// One community as the library's JSON contract documents: what a community grain stores and what the
/// office sends it. Every member is a versioned envelope written by <c>CommunityJson.Write</c>.
/// </summary>
/// <remarks>Holds residents' names and phones in clear (inside <see cref="Community"/>): storage data, never logged.</remarks>
[GenerateSerializer, Immutable]
public sealed class CommunityDocuments
{
    /// <summary>The community aggregate: <c>community.state</c>.</summary>
    [Id(0)] public required string Community { get; init; }

    /// <summary>The testing series' event stream: <c>events</c> (the library has no testing series snapshot).</summary>
    [Id(1)] public required string TestingEvents { get; init; }

    /// <summary>The vegetable ledger: <c>supplies.ledger-state</c>.</summary>
    [Id(2)] public required string Ledger { get; init; }

    /// <summary>The pass office (no key material): <c>passes.office-state</c>.</summary>
    [Id(3)] public required string PassOffice { get; init; }

    /// <summary>The 14-day duty roster's input: <c>roster.problem</c>.</summary>
    [Id(4)] public required string RosterProblem { get; init; }

    /// <summary>The testing day's input: <c>testing.wave-problem</c>.</summary>
    [Id(5)] public required string WaveProblem { get; init; }

    /// <summary>Seed and iteration limit of the roster search: <c>roster.planner-options</c>.</summary>
    [Id(6)] public required string PlannerOptions { get; init; }

    /// <summary>The documents in a fixed order, with their names, for comparisons and sizes.</summary>
    public IEnumerable<(string Name, string Json)> All() =>
    [
        (nameof(Community), Community), (nameof(TestingEvents), TestingEvents), (nameof(Ledger), Ledger), (nameof(PassOffice), PassOffice),
        (nameof(RosterProblem), RosterProblem), (nameof(WaveProblem), WaveProblem), (nameof(PlannerOptions), PlannerOptions),
    ];

    /// <summary>Whether every document is byte-for-byte (ordinal) the same as <paramref name="other"/>'s.</summary>
    public bool SameAs(CommunityDocuments other) => All().Zip(other.All()).All(p => string.Equals(p.First.Json, p.Second.Json, StringComparison.Ordinal));

    /// <summary>Characters over all documents.</summary>
    public long Length => All().Sum(d => (long)d.Json.Length);
}

/// <summary>A community's plans for one job, as contract documents.</summary>
[GenerateSerializer, Immutable]
public sealed class PlanRecord
{
    /// <summary>The city job that asked for the plans.</summary>
    [Id(0)] public required string JobId { get; init; }

    /// <summary>The testing day's call waves: <c>testing.wave-plan</c>.</summary>
    [Id(1)] public required string WavePlan { get; init; }

    /// <summary>The roster: <c>roster.roster</c>, or <c>roster.no-feasible-roster</c> when no roster meets every hard rule.</summary>
    [Id(2)] public required string Roster { get; init; }

    /// <summary>The silo that planned it.</summary>
    [Id(3)] public required string PlannedOn { get; init; }
}

/// <summary>A community grain's first persisted state: its documents, written when the office loads it.</summary>
[GenerateSerializer]
public sealed class DocumentsState
{
    /// <summary>The community's documents; null before the office loads it.</summary>
    [Id(0)] public CommunityDocuments? Documents { get; set; }
}

/// <summary>
/// A community grain's second persisted state: its last committed plans and how often plans were committed.
/// Kept apart from the documents so that committing a job's plans writes the plans only.
/// </summary>
[GenerateSerializer]
public sealed class PlanState
{
    /// <summary>The last committed plan.</summary>
    [Id(0)] public PlanRecord? Plan { get; set; }

    /// <summary>Plans committed to storage, over the grain's whole life (a retry of a committed job does not count).</summary>
    [Id(1)] public int PlanCommits { get; set; }
}

/// <summary>What a community grain has stored, both states together, as it answers <see cref="ICommunityGrain.Stored"/>.</summary>
[GenerateSerializer]
public sealed class CommunityGrainState
{
    /// <summary>The community's documents; null before the office loads it.</summary>
    [Id(0)] public CommunityDocuments? Documents { get; set; }

    /// <summary>The last committed plan.</summary>
    [Id(1)] public PlanRecord? Plan { get; set; }

    /// <summary>Plans committed to storage, over the grain's whole life (a retry of a committed job does not count).</summary>
    [Id(2)] public int PlanCommits { get; set; }
}

/// <summary>A grain's answer to <see cref="ICommunityGrain.Plan"/>.</summary>
[GenerateSerializer, Immutable]
public sealed class PlanReceipt
{
    /// <summary>The community.</summary>
    [Id(0)] public required long Community { get; init; }

    /// <summary>The committed plans.</summary>
    [Id(1)] public required PlanRecord Plan { get; init; }

    /// <summary>The silo that answered.</summary>
    [Id(2)] public required string Silo { get; init; }

    /// <summary>True when the plans were already committed for this job and were returned from storage, not planned again.</summary>
    [Id(3)] public required bool Replayed { get; init; }

    /// <summary>The receipt without the plans' texts (the job keeps only who answered, when and how).</summary>
    public PlanReceipt WithoutPlanTexts() =>
        new() { Community = Community, Silo = Silo, Replayed = Replayed, Plan = new PlanRecord { JobId = Plan.JobId, PlannedOn = Plan.PlannedOn, WavePlan = "", Roster = "" } };
}

/// <summary>A grain's answer to <see cref="ICommunityGrain.Load"/>.</summary>
[GenerateSerializer, Immutable]
public sealed class LoadReceipt
{
    /// <summary>The silo the grain is active on.</summary>
    [Id(0)] public required string Silo { get; init; }

    /// <summary>False when the same documents were already stored (a redelivered load).</summary>
    [Id(1)] public required bool Stored { get; init; }
}

/// <summary>The grain's live aggregates written back as contracts, to compare with what it stored.</summary>
[GenerateSerializer, Immutable]
public sealed class LiveSnapshot
{
    /// <summary><c>community.state</c> of the restored community.</summary>
    [Id(0)] public required string Community { get; init; }

    /// <summary><c>supplies.ledger-state</c> of the restored ledger.</summary>
    [Id(1)] public required string Ledger { get; init; }

    /// <summary><c>passes.office-state</c> of the restored pass office.</summary>
    [Id(2)] public required string PassOffice { get; init; }

    /// <summary>Events in the stored testing stream, as read back.</summary>
    [Id(3)] public required int TestingEvents { get; init; }

    /// <summary>The silo the grain is active on.</summary>
    [Id(4)] public required string Silo { get; init; }
}
