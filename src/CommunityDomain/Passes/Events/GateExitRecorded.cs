using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Passes.Events;

/// <summary>A gate let a pass holder out.</summary>
/// <param name="OccurredAt">When (the instant the gate was given for the scan; the gate reads no clock).</param>
/// <param name="By">Who was on duty (<see cref="Actor.System"/> for the device itself).</param>
/// <param name="Version">The gate's version after the change.</param>
/// <param name="Serial">The pass.</param>
/// <param name="Household">The pass's household (an id: never a resident's name).</param>
public sealed record GateExitRecorded(Instant OccurredAt, Actor By, long Version, PassSerial Serial, Id<Household> Household) : IDomainEvent;
