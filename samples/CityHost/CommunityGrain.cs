using CommunityDomain.Communities;
using CommunityDomain.Communities.State;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using CommunityDomain.Passes.State;
using CommunityDomain.Supplies.Ledger;
using CommunityDomain.Supplies.Ledger.State;
using Orleans.Placement;

namespace CityHost;

/// <summary>
/// One community: holds its documents and its plans in grain storage (two rows) and, while active, its aggregates restored from
/// them. Plans are committed once per job: the grain stores the plans with the job id before answering,
/// so a retry (after a lost answer or a lost silo) gets the committed plans back instead of a second run.
/// </summary>
/// <param name="stored">The persisted documents (provider <see cref="CityStore.Name"/>).</param>
/// <param name="plans">The persisted plans (same provider, another row).</param>
/// <param name="keys">The city's pass signing keys, which a pass office needs to be restored.</param>
/// <param name="silo">The local silo, to say where the grain ran.</param>
[RandomPlacement]
public sealed class CommunityGrain(
    [PersistentState("documents", CityStore.Name)] IPersistentState<DocumentsState> stored,
    [PersistentState("plans", CityStore.Name)] IPersistentState<PlanState> plans,
    CityKeys keys,
    ILocalSiloDetails silo) : Grain, ICommunityGrain
{
    private Live? _live;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        CityProbe.Activated(this.GetPrimaryKeyLong());
        // Re-activation after a failure: the aggregates come back from the stored contracts only.
        if (stored.State.Documents is { } documents)
        {
            _live = Restore(documents);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<LoadReceipt> Load(CommunityDocuments documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (stored.State.Documents is { } existing)
        {
            return existing.SameAs(documents)
                ? new LoadReceipt { Silo = silo.Name, Stored = false }
                : throw new InvalidOperationException($"Community {this.GetPrimaryKeyLong()} already holds other documents.");
        }

        // Refuse a document that does not read or restore before storing anything.
        var live = Restore(documents);
        _ = CommunityPlanning.Read<CommunityDomain.Rostering.RosterProblem>(documents.RosterProblem);
        stored.State.Documents = documents;
        await WriteOrForget(stored);
        _live = live;
        return new LoadReceipt { Silo = silo.Name, Stored = true };
    }

    /// <inheritdoc />
    public async Task<PlanReceipt> Plan(string jobId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var documents = stored.State.Documents ?? throw new InvalidOperationException($"Community {this.GetPrimaryKeyLong()} has no documents.");
        if (plans.State.Plan is { } committed && committed.JobId == jobId)
        {
            return Receipt(committed, replayed: true);
        }

        CityProbe.Planned(this.GetPrimaryKeyLong());
        var (wave, roster) = CommunityPlanning.Plan(documents);
        var plan = new PlanRecord { JobId = jobId, WavePlan = wave, Roster = roster, PlannedOn = silo.Name };
        var previous = (plans.State.Plan, plans.State.PlanCommits);
        plans.State.Plan = plan;
        plans.State.PlanCommits++;
        try
        {
            await WriteOrForget(plans);
        }
        catch
        {
            (plans.State.Plan, plans.State.PlanCommits) = previous;
            throw;
        }

        return Receipt(plan, replayed: false);
    }

    /// <inheritdoc />
    public Task<CommunityGrainState> Stored() =>
        Task.FromResult(new CommunityGrainState { Documents = stored.State.Documents, Plan = plans.State.Plan, PlanCommits = plans.State.PlanCommits });

    /// <inheritdoc />
    public Task<LiveSnapshot> Snapshot()
    {
        var live = _live ?? throw new InvalidOperationException($"Community {this.GetPrimaryKeyLong()} has no documents.");
        return Task.FromResult(new LiveSnapshot
        {
            Community = CommunityJson.Write(live.Community.ToState()),
            Ledger = CommunityJson.Write(live.Ledger.ToState()),
            PassOffice = CommunityJson.Write(live.Office.ToState()),
            TestingEvents = live.TestingEvents,
            Silo = silo.Name,
        });
    }

    private PlanReceipt Receipt(PlanRecord plan, bool replayed) =>
        new() { Community = this.GetPrimaryKeyLong(), Plan = plan, Silo = silo.Name, Replayed = replayed };

    /// <summary>Writes the state; on a failed write (a stale ETag after a zombie's write) the activation is dropped so the next call reads storage afresh.</summary>
    private async Task WriteOrForget<T>(IPersistentState<T> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private Live Restore(CommunityDocuments documents)
    {
        var clock = new FixedClock(CityOffice.Now);
        var community = Community.Restore(CommunityPlanning.Read<CommunityState>(documents.Community), clock);
        var ledger = StockLedger.Restore(CommunityPlanning.Read<StockLedgerState>(documents.Ledger), clock);
        var office = PassOffice.Restore(CommunityPlanning.Read<PassOfficeState>(documents.PassOffice), keys.Signing, clock);
        var testing = CommunityPlanning.Read<IReadOnlyList<IDomainEvent>>(documents.TestingEvents);
        return new Live(community, ledger, office, testing.Count);
    }

    private sealed record Live(Community Community, StockLedger Ledger, PassOffice Office, int TestingEvents);
}

/// <summary>The city's pass signing keys, given to every silo (a real host reads them from a key vault).</summary>
/// <param name="signing">The keys.</param>
public sealed class CityKeys(PassSigningKeys signing)
{
    /// <summary>The keys.</summary>
    public PassSigningKeys Signing { get; } = signing;
}
