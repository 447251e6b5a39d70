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
/// One community: holds its documents in grain storage and, while active, its aggregates restored from
/// them. Plans are committed once per job: the grain stores the plans with the job id before answering,
/// so a retry (after a lost answer or a lost silo) gets the committed plans back instead of a second run.
/// </summary>
/// <param name="state">The persisted state (provider <see cref="CityStore.Name"/>).</param>
/// <param name="keys">The city's pass signing keys, which a pass office needs to be restored.</param>
/// <param name="silo">The local silo, to say where the grain ran.</param>
[RandomPlacement]
public sealed class CommunityGrain(
    [PersistentState("community", CityStore.Name)] IPersistentState<CommunityGrainState> state,
    CityKeys keys,
    ILocalSiloDetails silo) : Grain, ICommunityGrain
{
    private Live? _live;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        CityProbe.Activated(this.GetPrimaryKeyLong());
        // Re-activation after a failure: the aggregates come back from the stored contracts only.
        if (state.State.Documents is { } documents)
        {
            _live = Restore(documents);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<LoadReceipt> Load(CommunityDocuments documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (state.State.Documents is { } stored)
        {
            return stored.SameAs(documents)
                ? new LoadReceipt { Silo = silo.Name, Stored = false }
                : throw new InvalidOperationException($"Community {this.GetPrimaryKeyLong()} already holds other documents.");
        }

        // Refuse a document that does not read or restore before storing anything.
        var live = Restore(documents);
        _ = CommunityPlanning.Read<CommunityDomain.Rostering.RosterProblem>(documents.RosterProblem);
        state.State.Documents = documents;
        await WriteOrForget();
        _live = live;
        return new LoadReceipt { Silo = silo.Name, Stored = true };
    }

    /// <inheritdoc />
    public async Task<PlanReceipt> Plan(string jobId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var documents = state.State.Documents ?? throw new InvalidOperationException($"Community {this.GetPrimaryKeyLong()} has no documents.");
        if (state.State.Plan is { } committed && committed.JobId == jobId)
        {
            return Receipt(committed, replayed: true);
        }

        CityProbe.Planned(this.GetPrimaryKeyLong());
        var (wave, roster) = CommunityPlanning.Plan(documents);
        var plan = new PlanRecord { JobId = jobId, WavePlan = wave, Roster = roster, PlannedOn = silo.Name };
        var previous = (state.State.Plan, state.State.PlanCommits);
        state.State.Plan = plan;
        state.State.PlanCommits++;
        try
        {
            await WriteOrForget();
        }
        catch
        {
            (state.State.Plan, state.State.PlanCommits) = previous;
            throw;
        }

        return Receipt(plan, replayed: false);
    }

    /// <inheritdoc />
    public Task<CommunityGrainState> Stored() => Task.FromResult(state.State);

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
    private async Task WriteOrForget()
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
