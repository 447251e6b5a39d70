using System.Text.Json.Serialization;
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

/// <summary>The source-generated metadata for every contract (no reflection at run time, AOT-friendly).</summary>
/// <remarks>Options that matter (naming, converters, polymorphism) are set in <see cref="CommunityJson.Options"/>.</remarks>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(CompoundAdded))]
[JsonSerializable(typeof(BuildingAdded))]
[JsonSerializable(typeof(UnitAdded))]
[JsonSerializable(typeof(PostAdded))]
[JsonSerializable(typeof(HouseholdRegistered))]
[JsonSerializable(typeof(HouseholdContactChanged))]
[JsonSerializable(typeof(ResidentRegistered))]
[JsonSerializable(typeof(ResidentMoved))]
[JsonSerializable(typeof(ResidentMovedOut))]
[JsonSerializable(typeof(ResidentDataErased))]
[JsonSerializable(typeof(ResidentWentAway))]
[JsonSerializable(typeof(ResidentReturned))]
[JsonSerializable(typeof(ControlOrderIssued))]
[JsonSerializable(typeof(ControlOrderLifted))]
[JsonSerializable(typeof(IncidentReported))]
[JsonSerializable(typeof(IncidentRepairAssigned))]
[JsonSerializable(typeof(IncidentResolved))]
[JsonSerializable(typeof(TestingRoundStarted))]
[JsonSerializable(typeof(SamplingSiteAdded))]
[JsonSerializable(typeof(SamplingSiteClosed))]
[JsonSerializable(typeof(ResidentSampled))]
[JsonSerializable(typeof(HouseholdSampledAtDoor))]
[JsonSerializable(typeof(ResidentExcused))]
[JsonSerializable(typeof(TubeClosed))]
[JsonSerializable(typeof(TubeResultRecorded))]
[JsonSerializable(typeof(AntigenReported))]
[JsonSerializable(typeof(PassIssued))]
[JsonSerializable(typeof(PassRevoked))]
[JsonSerializable(typeof(GateExitRecorded))]
[JsonSerializable(typeof(GateReturnRecorded))]
[JsonSerializable(typeof(GateRevocationsLoaded))]
[JsonSerializable(typeof(StockReceived))]
[JsonSerializable(typeof(StockAllocated))]
[JsonSerializable(typeof(AllocationCancelled))]
[JsonSerializable(typeof(StockDelivered))]
[JsonSerializable(typeof(StockReturned))]
[JsonSerializable(typeof(StockWrittenOff))]
[JsonSerializable(typeof(WorkerUnavailable))]
[JsonSerializable(typeof(WorkerConfined))]
[JsonSerializable(typeof(DemandRaised))]
[JsonSerializable(typeof(PostClosed))]
[JsonSerializable(typeof(IncidentRaisesDemand))]
[JsonSerializable(typeof(IncidentLowersDemand))]
[JsonSerializable(typeof(IDomainEvent))]
[JsonSerializable(typeof(IReadOnlyList<IDomainEvent>))]
[JsonSerializable(typeof(RosterChange))]
[JsonSerializable(typeof(RosterProblem))]
[JsonSerializable(typeof(PlannerOptions))]
[JsonSerializable(typeof(Roster))]
[JsonSerializable(typeof(RosterScore))]
[JsonSerializable(typeof(NoFeasibleRoster))]
[JsonSerializable(typeof(RosterAssignment))]
[JsonSerializable(typeof(IReadOnlyList<RosterAssignment>))]
[JsonSerializable(typeof(RepairOptions))]
[JsonSerializable(typeof(RepairResult))]
[JsonSerializable(typeof(DispatchRanking))]
[JsonSerializable(typeof(SwapVerdict))]
[JsonSerializable(typeof(WorkerExplanation))]
[JsonSerializable(typeof(IReadOnlyList<ShortfallReason>))]
[JsonSerializable(typeof(WaveProblem))]
[JsonSerializable(typeof(IReadOnlyList<WaveProblem>))]
[JsonSerializable(typeof(WavePlan))]
[JsonSerializable(typeof(IReadOnlyList<WavePlan>))]
[JsonSerializable(typeof(SiteSpec))]
[JsonSerializable(typeof(StationSizing))]
[JsonSerializable(typeof(DeadlineUnreachable))]
[JsonSerializable(typeof(DoorToDoorProblem))]
[JsonSerializable(typeof(DoorToDoorPlan))]
[JsonSerializable(typeof(PoolAdvice))]
[JsonSerializable(typeof(IReadOnlyList<Claim>))]
[JsonSerializable(typeof(AllocationPlan))]
[JsonSerializable(typeof(IReadOnlyList<Parcel>))]
[JsonSerializable(typeof(IReadOnlyList<BuildingSite>))]
[JsonSerializable(typeof(RunOptions))]
[JsonSerializable(typeof(DeliveryPlan))]
[JsonSerializable(typeof(CommunityState))]
[JsonSerializable(typeof(CommunityStatistics))]
[JsonSerializable(typeof(StockLedgerState))]
[JsonSerializable(typeof(PassOfficeState))]
[JsonSerializable(typeof(PassGateState))]
[JsonSerializable(typeof(TestingSeriesState))]
[JsonSerializable(typeof(TestingRoundState))]
[JsonSerializable(typeof(MustTestListState))]
[JsonSerializable(typeof(ControlScopeJsonConverter.ScopeDocument))]
[JsonSerializable(typeof(RosterProblemDocument))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<LocalDate>))]
internal sealed partial class CommunityJsonContext : JsonSerializerContext;
