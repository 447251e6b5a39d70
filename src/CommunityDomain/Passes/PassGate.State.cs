using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Passes.State;

namespace CommunityDomain.Passes;

public sealed partial class PassGate
{
    /// <summary>The revocations and exits the gate holds, as plain data for storage; never key material.</summary>
    /// <returns>The state; <see cref="Restore"/> rebuilds an equal gate from it.</returns>
    public PassGateState ToState() => new()
    {
        Version = Version,
        CompoundId = Compound?.Value,
        Revoked = [.. _revoked.Select(s => s.Value).Order()],
        Exits = [.. _history.Select(x => new GateExitState(
            new IssuedPassState(x.Content.Serial.Value, x.Content.Household.Value, x.Content.ValidFrom, x.Content.ValidUntil, x.Content.MaxTimeOut, x.Content.Key.Value),
            x.At,
            !_out.ContainsKey(x.Content.Serial)))],
    };

    /// <summary>Rebuilds a gate from stored state: the same passes out, used passes and quota of outings.</summary>
    /// <param name="state">The stored state.</param>
    /// <param name="keys">The public keys it accepts.</param>
    /// <param name="policy">The policy (for the quota of outings).</param>
    /// <returns>A gate equal to the one the state was taken from.</returns>
    /// <remarks>The version is the stored one; a state without one (0, stored before gates had versions) restores
    /// at the lowest version its records allow: one per exit, one per return and one for the revocations.</remarks>
    /// <exception cref="ArgumentException">The state is inconsistent (a pass used twice, a serial, household or
    /// key id that is not positive, an empty validity window, a version lower than the commands it records).</exception>
    public static PassGate Restore(PassGateState state, PassVerificationKeys keys, PassPolicy policy)
    {
        Guard.Against.Null(state);
        Guard.Against.Null(keys);
        Guard.Against.Null(policy);
        try
        {
            var revoked = Guard.Against.Null(state.Revoked);
            var exits = Guard.Against.Null(state.Exits);
            Guard.Against.Negative(state.Version, nameof(state));

            // Every recorded exit and return, and at least one load when anything is revoked, raised the version by one.
            var least = (long)exits.Count + exits.Count(e => e is { Returned: true }) + (revoked.Count > 0 ? 1 : 0);
            if (state.Version != 0 && state.Version < least)
            {
                throw new ArgumentException($"Version {state.Version} is lower than the {least} commands recorded.", nameof(state));
            }

            var compound = state.CompoundId is { } c ? new Id<Compound>(Guard.Against.NegativeOrZero(c, nameof(state))) : (Id<Compound>?)null;
            var gate = new PassGate(keys, policy, state.Version == 0 ? least : state.Version, compound);
            gate._revoked.UnionWith(revoked.Select(s => new PassSerial(s)));
            foreach (var exit in Guard.Against.Null(state.Exits))
            {
                var p = Guard.Against.Null(Guard.Against.Null(exit).Pass);
                var content = new PassContent(new PassSerial(p.Serial), new Id<Household>(Guard.Against.NegativeOrZero(p.HouseholdId)), p.ValidFrom, p.ValidUntil, p.MaxTimeOut, new PassKeyId(p.KeyId));
                if (p.ValidUntil <= p.ValidFrom || gate._used.Contains(content.Serial))
                {
                    throw new ArgumentException($"Exit with {content.Serial} has an empty window or repeats a used pass.", nameof(state));
                }

                gate.Record(content, exit.WentOut);
                if (exit.Returned)
                {
                    gate._out.Remove(content.Serial);
                }
            }

            return gate;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OverflowException)
        {
            throw StoredStateError.Inconsistent("gate", ex, nameof(state));
        }
    }
}
