using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Passes.Events;

/// <summary>A pass holder came back through a gate.</summary>
/// <param name="OccurredAt">When they came back (the instant the gate was given; the gate reads no clock).</param>
/// <param name="By">Who was on duty (<see cref="Actor.System"/> for the device itself).</param>
/// <param name="Version">The gate's version after the change.</param>
/// <param name="Serial">The pass.</param>
/// <param name="Household">The pass's household (an id: never a resident's name).</param>
/// <param name="WentOut">When they went out.</param>
/// <param name="Late">True when they stayed out longer than the pass allows.</param>
public sealed record GateReturnRecorded(Instant OccurredAt, Actor By, long Version, PassSerial Serial, Id<Household> Household, Instant WentOut, bool Late) : IDomainEvent;
