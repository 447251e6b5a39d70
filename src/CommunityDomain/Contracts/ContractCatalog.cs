using System.Collections.Frozen;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Events;
using CommunityDomain.Communities.State;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Errors;
using CommunityDomain.MassTesting.Events;
using CommunityDomain.MassTesting.Planners;
using CommunityDomain.MassTesting.State;
using CommunityDomain.Passes.Events;
using CommunityDomain.Passes.State;
using CommunityDomain.Rostering;
using CommunityDomain.Rostering.Coordination;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Supplies.Events;
using CommunityDomain.Supplies.Ledger.State;

namespace CommunityDomain.Contracts;

/// <summary>
/// The registered contracts: each document kind (the envelope's <c>schema</c>) and each polymorphic
/// discriminator (<c>$type</c>). Kinds and discriminators are stable: renaming one breaks stored documents.
/// </summary>
internal static class ContractCatalog
{
    /// <summary>Every domain event and its discriminator, also its document kind when written on its own.</summary>
    internal static readonly (Type Type, string Kind)[] Events =
    [
        (typeof(CompoundAdded), "community.compound-added"),
        (typeof(BuildingAdded), "community.building-added"),
        (typeof(UnitAdded), "community.unit-added"),
        (typeof(PostAdded), "community.post-added"),
        (typeof(HouseholdRegistered), "community.household-registered"),
        (typeof(HouseholdContactChanged), "community.household-contact-changed"),
        (typeof(ResidentRegistered), "community.resident-registered"),
        (typeof(ResidentMoved), "community.resident-moved"),
        (typeof(ResidentMovedOut), "community.resident-moved-out"),
        (typeof(ResidentWentAway), "community.resident-went-away"),
        (typeof(ResidentReturned), "community.resident-returned"),
        (typeof(ResidentDataErased), "community.resident-data-erased"),
        (typeof(ControlOrderIssued), "community.control-order-issued"),
        (typeof(ControlOrderLifted), "community.control-order-lifted"),
        (typeof(IncidentReported), "community.incident-reported"),
        (typeof(IncidentRepairAssigned), "community.incident-repair-assigned"),
        (typeof(IncidentResolved), "community.incident-resolved"),
        (typeof(TestingRoundStarted), "testing.round-started"),
        (typeof(SamplingSiteAdded), "testing.sampling-site-added"),
        (typeof(SamplingSiteClosed), "testing.sampling-site-closed"),
        (typeof(ResidentSampled), "testing.resident-sampled"),
        (typeof(HouseholdSampledAtDoor), "testing.household-sampled-at-door"),
        (typeof(ResidentExcused), "testing.resident-excused"),
        (typeof(TubeClosed), "testing.tube-closed"),
        (typeof(TubeResultRecorded), "testing.tube-result-recorded"),
        (typeof(AntigenReported), "testing.antigen-reported"),
        (typeof(PassIssued), "passes.pass-issued"),
        (typeof(PassRevoked), "passes.pass-revoked"),
        (typeof(GateExitRecorded), "passes.gate-exit-recorded"),
        (typeof(GateReturnRecorded), "passes.gate-return-recorded"),
        (typeof(GateRevocationsLoaded), "passes.gate-revocations-loaded"),
        (typeof(StockReceived), "supplies.stock-received"),
        (typeof(StockAllocated), "supplies.stock-allocated"),
        (typeof(AllocationCancelled), "supplies.allocation-cancelled"),
        (typeof(StockDelivered), "supplies.stock-delivered"),
        (typeof(StockReturned), "supplies.stock-returned"),
        (typeof(StockWrittenOff), "supplies.stock-written-off"),
    ];

    /// <summary>Every roster change and its discriminator, also its document kind when written on its own.</summary>
    internal static readonly (Type Type, string Kind)[] RosterChanges =
    [
        (typeof(WorkerUnavailable), "roster.change.worker-unavailable"),
        (typeof(WorkerConfined), "roster.change.worker-confined"),
        (typeof(DemandRaised), "roster.change.demand-raised"),
        (typeof(PostClosed), "roster.change.post-closed"),
        (typeof(IncidentRaisesDemand), "roster.change.incident-raises-demand"),
        (typeof(IncidentLowersDemand), "roster.change.incident-lowers-demand"),
    ];

    /// <summary>The other document kinds: planner inputs and outputs, snapshots, and lists of them.</summary>
    private static readonly (Type Type, string Kind)[] Documents =
    [
        (typeof(IDomainEvent), "event"),
        (typeof(IReadOnlyList<IDomainEvent>), "events"),
        (typeof(RosterChange), "roster.change"),

        (typeof(RosterProblem), "roster.problem"),
        (typeof(PlannerOptions), "roster.planner-options"),
        (typeof(Roster), "roster.roster"),
        (typeof(RosterScore), "roster.score"),
        (typeof(NoFeasibleRoster), "roster.no-feasible-roster"),
        (typeof(RosterAssignment), "roster.assignment"),
        (typeof(IReadOnlyList<RosterAssignment>), "roster.assignments"),
        (typeof(RepairOptions), "roster.repair-options"),
        (typeof(RepairResult), "roster.repair-result"),
        (typeof(DispatchRanking), "roster.dispatch-ranking"),
        (typeof(SwapVerdict), "roster.swap-verdict"),
        (typeof(WorkerExplanation), "roster.worker-explanation"),
        (typeof(IReadOnlyList<ShortfallReason>), "roster.shortfall-reasons"),

        (typeof(WaveProblem), "testing.wave-problem"),
        (typeof(IReadOnlyList<WaveProblem>), "testing.wave-problems"),
        (typeof(WavePlan), "testing.wave-plan"),
        (typeof(IReadOnlyList<WavePlan>), "testing.wave-plans"),
        (typeof(SiteSpec), "testing.site-spec"),
        (typeof(StationSizing), "testing.station-sizing"),
        (typeof(DeadlineUnreachable), "testing.deadline-unreachable"),
        (typeof(DoorToDoorProblem), "testing.door-to-door-problem"),
        (typeof(DoorToDoorPlan), "testing.door-to-door-plan"),
        (typeof(PoolAdvice), "testing.pool-advice"),

        (typeof(IReadOnlyList<Claim>), "supplies.claims"),
        (typeof(AllocationPlan), "supplies.allocation-plan"),
        (typeof(IReadOnlyList<Parcel>), "supplies.parcels"),
        (typeof(IReadOnlyList<BuildingSite>), "supplies.building-sites"),
        (typeof(RunOptions), "supplies.run-options"),
        (typeof(DeliveryPlan), "supplies.delivery-plan"),

        (typeof(CommunityState), "community.state"),
        (typeof(CommunityStatistics), "community.statistics"),
        (typeof(StockLedgerState), "supplies.ledger-state"),
        (typeof(PassOfficeState), "passes.office-state"),
        (typeof(PassGateState), "passes.gate-state"),
        (typeof(TestingSeriesState), "testing.series-state"),
        (typeof(TestingRoundState), "testing.round-state"),
        (typeof(MustTestListState), "testing.must-test-list"),
    ];

    /// <summary>Document kind by registered type.</summary>
    internal static readonly FrozenDictionary<Type, string> KindOf =
        Events.Concat(RosterChanges).Concat(Documents).ToFrozenDictionary(x => x.Type, x => x.Kind);

    /// <summary>Every registered type.</summary>
    internal static IEnumerable<Type> Types => KindOf.Keys;
}
