using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using CommunityDomain.Passes.State;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Passes;

public sealed class PassGateStateTests
{
    private static readonly Instant Evening = Instant.FromUtc(2022, 8, 20, 10, 30);
    private static readonly PassSigningKeys Keys = PassSigningKeys.Generate(new PassKeyId(5));
    private static readonly PassPolicy Policy = new(2, Duration.FromDays(1), Duration.FromHours(2), Duration.FromHours(12));

    /// <summary>Eight passes for four households (two each), all starting this evening.</summary>
    private static readonly string[] Codes = IssueCodes();

    private static string[] IssueCodes()
    {
        var office = PassOffice.Open(Policy, Keys, new FakeClock(Evening));
        return [.. Enumerable.Range(0, 8).Select(i => office.Issue(new PassRequest(new Id<Household>(i % 4 + 1), ControlLevel.Controlled, null, Evening)).AsT0.Code)];
    }

    /// <summary>Decodes a generated number into an exit, a return or a revocation of one of the codes at some minute.</summary>
    private static object Apply(PassGate gate, int op)
    {
        var code = Codes[op / 3 % Codes.Length];
        var at = Evening + Duration.FromMinutes(op / 24 % 900);
        return (op % 3) switch
        {
            0 => gate.Exit(code, at).Value,
            1 => gate.Return(code, at).Value,
            _ => Revoke(gate, code),
        };
    }

    private static int Revoke(PassGate gate, string code)
    {
        gate.LoadRevocations([gate.Verify(code, Evening).Match(c => c.Serial, r => r.Serial ?? new PassSerial(1))], Evening);
        return gate.ToState().Revoked.Count;
    }

    private static PassGate Gate(IEnumerable<int> ops)
    {
        var gate = new PassGate(Keys.VerificationKeys(), Policy);
        foreach (var op in ops)
        {
            _ = Apply(gate, op);
        }

        return gate;
    }

    [Property(MaxTest = 150)]
    public bool A_restored_gate_equals_the_original_and_judges_every_later_scan_alike(NonNegativeInt[] before, NonNegativeInt[] after)
    {
        var original = Gate(before.Select(o => o.Get));
        var state = original.ToState();
        var restored = PassGate.Restore(state, Keys.VerificationKeys(), Policy);

        Assert.Equal(state, restored.ToState());
        Assert.Equal(original.Out, restored.Out);
        foreach (var op in after.Select(o => o.Get))
        {
            Assert.Equal(Apply(original, op), Apply(restored, op));
        }

        Assert.Equal(original.ToState(), restored.ToState());
        Assert.Equal(original.Overdue(Evening + Duration.FromHours(20)), restored.Overdue(Evening + Duration.FromHours(20)));
        return true;
    }

    [Property(MaxTest = 60)]
    public bool A_gate_state_survives_a_json_round_trip(NonNegativeInt[] ops)
    {
        var state = Gate(ops.Select(o => o.Get)).ToState();
        var read = CommunityJson.Read<PassGateState>(CommunityJson.Write(state)).AsT0;
        Assert.Equal(state, PassGate.Restore(read, Keys.VerificationKeys(), Policy).ToState());
        return true;
    }

    [Fact]
    public void Restore_who_is_out_used_passes_and_outings_quota_carry_over()
    {
        var gate = new PassGate(Keys.VerificationKeys(), Policy);
        Assert.True(gate.Exit(Codes[0], Evening).IsT0);
        Assert.True(gate.Exit(Codes[4], Evening + Duration.FromMinutes(1)).IsT0);
        Assert.True(gate.Return(Codes[4], Evening + Duration.FromMinutes(30)).IsT0);

        var restored = PassGate.Restore(gate.ToState(), Keys.VerificationKeys(), Policy);

        Assert.Equal(Codes[0], Codes.Single(c => restored.Verify(c, Evening).AsT0.Serial == Assert.Single(restored.Out).Pass.Serial));
        Assert.Equal(PassRejection.AlreadyUsed, restored.Exit(Codes[4], Evening + Duration.FromHours(1)).AsT1.Reason);
        Assert.True(restored.Return(Codes[0], Evening + Duration.FromHours(3)).AsT0.Late);
        Assert.Equal(PassRejection.NotOut, restored.Return(Codes[4], Evening + Duration.FromHours(3)).AsT1.Reason);
    }

    [Fact]
    public void Restore_inconsistent_gate_state_throws_naming_state()
    {
        var gate = new PassGate(Keys.VerificationKeys(), Policy);
        _ = gate.Exit(Codes[0], Evening);
        var state = gate.ToState();
        var exit = state.Exits[0];
        var bad = new[]
        {
            state with { Exits = [exit, exit] },
            state with { Exits = [exit with { Pass = exit.Pass with { HouseholdId = 0 } }] },
            state with { Exits = [exit with { Pass = exit.Pass with { ValidUntil = exit.Pass.ValidFrom } }] },
            state with { Exits = [exit with { Pass = null! }] },
            state with { Revoked = [0] },
        };

        foreach (var b in bad)
        {
            Assert.Equal("state", Assert.Throws<ArgumentException>(() => PassGate.Restore(b, Keys.VerificationKeys(), Policy)).ParamName);
        }
    }
}
