using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using CommunityDomain.Passes.Errors;
using CommunityDomain.Passes.State;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Passes;

public sealed class PassOfficeStateTests
{
    private static readonly Instant Evening = Instant.FromUtc(2022, 8, 20, 10, 30);
    private static readonly PassSigningKeys Keys = PassSigningKeys.Generate(new PassKeyId(3));
    private static readonly PassPolicy TwoPerDay = new(2, Duration.FromDays(1), Duration.FromHours(2), Duration.FromHours(12));

    /// <summary>Decodes a generated number into one command: a revoke (known or unknown serial) or a request
    /// from one of four households at some hour, sometimes sealed or without a test.</summary>
    private static object Apply(PassOffice office, int op)
    {
        var kind = op % 10;
        var rest = op / 10;
        if (kind < 2)
        {
            return office.Revoke(new PassSerial(rest % (office.Issued.Count + 2) + 1), "lost", Actor.Of("desk")).Value;
        }

        var household = new Id<Household>(rest % 4 + 1);
        var from = Evening + Duration.FromHours(rest / 4 % 100);
        var request = new PassRequest(household, kind == 2 ? ControlLevel.Sealed : ControlLevel.Controlled, kind == 3 ? null : from - Duration.FromHours(1), from);
        return office.Issue(request, Actor.Of("desk")).Match<object>(p => p.Content, e => e, e => e, e => e, e => e);
    }

    private static PassOffice Office(bool quotaOfOne, params int[] ops)
    {
        var office = PassOffice.Open(quotaOfOne ? PassPolicy.OnePersonEveryTwoDays : TwoPerDay, Keys, new FakeClock(Evening));
        foreach (var op in ops)
        {
            _ = Apply(office, op);
        }

        return office;
    }

    [Property(MaxTest = 150)]
    public bool A_restored_office_equals_the_original_and_judges_every_later_command_alike(bool quotaOfOne, NonNegativeInt[] before, NonNegativeInt[] after)
    {
        var original = Office(quotaOfOne, [.. before.Select(o => o.Get)]);
        var state = original.ToState();
        var restored = PassOffice.Restore(state, Keys, new FakeClock(Evening));

        Assert.Equal(state, restored.ToState());
        Assert.Equal(original.Version, restored.Version);
        Assert.Empty(restored.PendingEvents);
        Assert.Equal(original.Issued, restored.Issued);
        Assert.True(original.Revoked.ToHashSet().SetEquals(restored.Revoked));
        foreach (var op in after.Select(o => o.Get))
        {
            Assert.Equal(Apply(original, op), Apply(restored, op));
        }

        Assert.Equal(original.ToState(), restored.ToState());
        return true;
    }

    [Property(MaxTest = 60)]
    public bool An_office_state_survives_a_json_round_trip_and_restores_alike(bool quotaOfOne, NonNegativeInt[] ops)
    {
        var original = Office(quotaOfOne, [.. ops.Select(o => o.Get)]);
        var read = CommunityJson.Read<PassOfficeState>(CommunityJson.Write(original.ToState())).AsT0;
        var restored = PassOffice.Restore(read, Keys, new FakeClock(Evening));

        Assert.Equal(original.ToState(), restored.ToState());
        Assert.Equal(original.Issued, restored.Issued);
        Assert.True(original.Revoked.ToHashSet().SetEquals(restored.Revoked));
        Assert.Equal(original.Version, restored.Version);
        return true;
    }

    [Fact]
    public void Restore_household_that_used_its_quota_still_gets_QuotaUsed()
    {
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, Keys, new FakeClock(Evening));
        var request = new PassRequest(new Id<Household>(5), ControlLevel.Controlled, Evening - Duration.FromHours(3), Evening);
        Assert.True(office.Issue(request).IsT0);

        var restored = PassOffice.Restore(office.ToState(), Keys, new FakeClock(Evening));

        var refused = restored.Issue(request with { }).AsT2;
        Assert.Equal(new QuotaUsed(new Id<Household>(5), Evening + Duration.FromDays(2)), refused);
        Assert.True(restored.Issue(new PassRequest(new Id<Household>(6), ControlLevel.Controlled, Evening - Duration.FromHours(3), Evening)).IsT0);
    }

    [Fact]
    public void Restore_passes_issued_after_it_verify_and_revocations_carry_over()
    {
        var office = Office(false, 14, 24, 34);
        Assert.True(office.Revoke(new PassSerial(2), "lost").IsT0);

        var restored = PassOffice.Restore(office.ToState(), Keys, new FakeClock(Evening));
        var pass = restored.Issue(new PassRequest(new Id<Household>(4), ControlLevel.Controlled, Evening, Evening)).AsT0;

        Assert.Equal(new PassSerial(4), pass.Content.Serial);
        Assert.Equal(office.Version + 1, restored.Version);
        Assert.True(new PassGate(Keys.VerificationKeys(), TwoPerDay).Verify(pass.Code, Evening).IsT0);
        Assert.True(restored.Revoke(new PassSerial(2), "again").AsT1.AlreadyRevoked);
    }

    [Fact]
    public void State_never_holds_the_signing_key()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(9));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening));
        _ = office.Issue(new PassRequest(new Id<Household>(1), ControlLevel.Controlled, Evening, Evening));
        var json = CommunityJson.Write(office.ToState());
        var secret = keys.ExportPrivateKey(new PassKeyId(9));

        Assert.DoesNotContain(Convert.ToBase64String(secret), json, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(secret.AsSpan(secret.Length - 32)), json, StringComparison.Ordinal);
        Assert.DoesNotContain("private", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("PassOfficeState v1: 1 issued, 0 revoked, next serial 2", office.ToState().ToString());
    }

    [Fact]
    public void Restore_inconsistent_state_throws_naming_state()
    {
        var state = Office(false, 14, 24, 34, 44, 1).ToState();
        var pass = state.Issued[1];
        var bad = new[]
        {
            state with { Policy = state.Policy with { PassesPerPeriod = 0 } },
            state with { Issued = [.. state.Issued.Reverse()] },
            state with { Issued = [state.Issued[0], pass with { ValidUntil = pass.ValidUntil + Duration.FromMinutes(1) }, .. state.Issued.Skip(2)] },
            state with { Issued = [state.Issued[0], pass with { ValidFrom = pass.ValidFrom + Duration.FromSeconds(1), ValidUntil = pass.ValidUntil + Duration.FromSeconds(1) }, .. state.Issued.Skip(2)] },
            state with { Issued = [state.Issued[0], pass with { HouseholdId = 0 }, .. state.Issued.Skip(2)] },
            state with { Issued = [state.Issued[0], pass with { KeyId = 0 }, .. state.Issued.Skip(2)] },
            state with { Revoked = [99] },
            state with { Revoked = [1, 1] },
            state with { NextSerial = 1 },
            state with { Version = 0 },
        };

        foreach (var b in bad)
        {
            Assert.Equal("state", Assert.Throws<ArgumentException>(() => PassOffice.Restore(b, Keys, new FakeClock(Evening))).ParamName);
        }
    }

    [Fact]
    public void States_differing_in_one_revocation_are_not_equal()
    {
        var a = Office(false, 14, 24);
        var b = Office(false, 14, 24, 1);
        Assert.NotEqual(a.ToState(), b.ToState());
        Assert.Equal(a.ToState(), Office(false, 14, 24).ToState());
    }
}
