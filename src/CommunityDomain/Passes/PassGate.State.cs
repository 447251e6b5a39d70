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
    /// <exception cref="ArgumentException">The state is inconsistent (a pass used twice, a serial, household or
    /// key id that is not positive, an empty validity window).</exception>
    public static PassGate Restore(PassGateState state, PassVerificationKeys keys, PassPolicy policy)
    {
        Guard.Against.Null(state);
        var gate = new PassGate(keys, policy);
        try
        {
            gate.LoadRevocations([.. Guard.Against.Null(state.Revoked).Select(s => new PassSerial(s))]);
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
        }
        catch (Exception ex) when (ex is ArgumentException)
        {
            throw StoredStateError.Inconsistent("gate", ex, nameof(state));
        }

        return gate;
    }
}
