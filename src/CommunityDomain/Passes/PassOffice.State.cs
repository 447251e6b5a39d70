using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Passes.State;

namespace CommunityDomain.Passes;

public sealed partial class PassOffice
{
    /// <summary>Everything the office holds, as plain data for storage; never the signing keys.</summary>
    /// <returns>The state; <see cref="Restore"/> rebuilds an equal office from it.</returns>
    public PassOfficeState ToState() => new()
    {
        Version = Version,
        Policy = new PassPolicyState(Policy.PassesPerPeriod, Policy.Period, Policy.MaxTimeOut, Policy.Validity, Policy.NegativeTestWithin),
        Issued = [.. _issued.Select(p => new IssuedPassState(p.Serial.Value, p.Household.Value, p.ValidFrom, p.ValidUntil, p.MaxTimeOut, p.Key.Value))],
        Revoked = [.. _revoked.Select(s => s.Value).Order()],
        NextSerial = _issued.Count + 1,
    };

    /// <summary>Rebuilds an office from stored state, with no pending events.</summary>
    /// <param name="state">The stored state.</param>
    /// <param name="keys">The signing keys, from the host's secret store (the state never holds them).</param>
    /// <param name="clock">The clock for default start times and future events.</param>
    /// <returns>An office equal to the one the state was taken from: same passes, revocations and quotas.</returns>
    /// <exception cref="ArgumentException">The state is inconsistent (a policy out of range, serials not 1, 2, ...,
    /// a pass that does not match the policy, an unknown or repeated revoked serial, a version lower than the
    /// commands it records).</exception>
    public static PassOffice Restore(PassOfficeState state, PassSigningKeys keys, IClock clock)
    {
        Guard.Against.Null(state);
        Guard.Against.Null(keys);
        Guard.Against.Null(clock);
        try
        {
            return Load(state, keys, clock);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OverflowException)
        {
            throw StoredStateError.Inconsistent("pass office", ex, nameof(state));
        }
    }

    private static PassOffice Load(PassOfficeState state, PassSigningKeys keys, IClock clock)
    {
        var p = Guard.Against.Null(state.Policy);
        var policy = new PassPolicy(p.PassesPerPeriod, p.Period, p.MaxTimeOut, p.Validity, p.NegativeTestWithin);
        var issued = Guard.Against.Null(state.Issued);
        var revoked = Guard.Against.Null(state.Revoked);
        if (state.NextSerial != issued.Count + 1)
        {
            throw new ArgumentException($"The next serial {state.NextSerial} does not follow the {issued.Count} passes issued.", nameof(state));
        }

        // Every successful Revoke raised the version by one, and so did each Issue or IssueBatch (a batch issues
        // many passes under one version, so the passes only say that at least one command issued them).
        var least = (issued.Count > 0 ? 1L : 0L) + revoked.Count;
        if (state.Version < least)
        {
            throw new ArgumentException($"Version {state.Version} is lower than the {least} commands recorded at least.", nameof(state));
        }

        var office = new PassOffice(policy, keys, clock, state.Version);
        foreach (var s in issued)
        {
            office.Put(Content(Guard.Against.Null(s), office._issued.Count + 1, policy));
        }

        foreach (var serial in revoked)
        {
            if (serial < 1 || serial > issued.Count || !office._revoked.Add(new PassSerial(serial)))
            {
                throw new ArgumentException($"Revoked serial {serial} is unknown or repeated.", nameof(state));
            }
        }

        return office;
    }

    private static PassContent Content(IssuedPassState s, int expected, PassPolicy policy)
    {
        if (s.Serial != expected)
        {
            throw new ArgumentException($"Pass {s.Serial} is out of order: expected serial {expected}.", nameof(s));
        }

        // The code format holds whole minutes; the office stamps every pass with the policy's validity and time out.
        if (s.ValidFrom.ToUnixTimeTicks() % NodaConstants.TicksPerMinute != 0
            || s.ValidUntil - s.ValidFrom != policy.Validity
            || s.MaxTimeOut != policy.MaxTimeOut)
        {
            throw new ArgumentException($"Pass {s.Serial} does not match the policy or does not start on a whole minute.", nameof(s));
        }

        return new PassContent(new PassSerial(s.Serial), new Id<Household>(Guard.Against.NegativeOrZero(s.HouseholdId)), s.ValidFrom, s.ValidUntil, s.MaxTimeOut, new PassKeyId(s.KeyId));
    }

    private void Put(PassContent content)
    {
        _issued.Add(content);
        if (!_byHousehold.TryGetValue(content.Household, out var held))
        {
            _byHousehold[content.Household] = held = [];
        }

        held.Add(content);
    }
}
