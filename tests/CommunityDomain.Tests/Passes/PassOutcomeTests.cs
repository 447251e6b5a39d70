using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using CommunityDomain.Passes.Errors;
using CommunityDomain.Passes.Events;
using CommunityDomain.Passes.State;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Passes;

/// <summary>The office's refusals, the gate's rejections and returns, and the snapshots both keep of them.</summary>
public sealed class PassOutcomeTests
{
    private static readonly Instant Evening = Instant.FromUtc(2022, 8, 20, 10, 30);
    private static readonly Id<Household> Home = new(4);

    [Fact]
    public void Issue_for_a_sealed_household_returns_HouseholdSealed_and_issues_nothing()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening));

        var refused = office.Issue(new PassRequest(Home, ControlLevel.Sealed, Evening));

        Assert.Equal(new HouseholdSealed(Home), refused.AsT1);
        Assert.Empty(office.ToState().Issued);
    }

    [Fact]
    public void Issue_without_a_recent_negative_test_returns_NegativeTestRequired_with_the_window()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening));

        var none = office.Issue(new PassRequest(Home, ControlLevel.Controlled));
        var stale = office.Issue(new PassRequest(Home, ControlLevel.Controlled, Evening - Duration.FromHours(49)));

        Assert.Equal(new NegativeTestRequired(Home, Duration.FromHours(48)), none.AsT3);
        Assert.Equal(new NegativeTestRequired(Home, Duration.FromHours(48)), stale.AsT3);
        Assert.True(office.Issue(new PassRequest(Home, ControlLevel.Controlled, Evening - Duration.FromHours(47))).IsT0);
    }

    [Fact]
    public void PassIssueResult_and_PassRevokeResult_name_their_case_and_error_without_the_pass_code()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening));

        PassIssueResult issued = office.Issue(new PassRequest(Home, ControlLevel.Controlled, Evening));
        PassIssueResult quota = office.Issue(new PassRequest(Home, ControlLevel.Controlled, Evening));
        PassIssueResult sealedHome = office.Issue(new PassRequest(new Id<Household>(5), ControlLevel.Sealed, Evening));
        IReadOnlyList<PassIssueResult> batch = office.IssueBatch([new PassRequest(Home, ControlLevel.Controlled, Evening)]);

        Assert.True(issued.Succeeded);
        Assert.Null(issued.Error);
        Assert.Equal("issued", issued.ToString());
        Assert.DoesNotContain(issued.AsT0.Code, issued.ToString(), StringComparison.Ordinal);
        Assert.False(quota.Succeeded);
        Assert.Equal(quota.AsT2, quota.Error);
        Assert.Equal(quota.AsT2.Code, quota.ToString());
        Assert.Equal(new HouseholdSealed(new Id<Household>(5)), sealedHome.Error);
        Assert.IsType<QuotaUsed>(Assert.Single(batch).Value);

        PassRevokeResult revoked = office.Revoke(issued.AsT0.Content.Serial, "case contact");
        PassRevokeResult again = office.Revoke(issued.AsT0.Content.Serial, "case contact");
        Assert.True(revoked.Succeeded);
        Assert.Equal(("success", (DomainError?)null), (revoked.ToString(), revoked.Error));
        Assert.False(again.Succeeded);
        Assert.Equal(new UnknownPass(issued.AsT0.Content.Serial, AlreadyRevoked: true), again.Error);
        Assert.Equal(again.AsT1.Code, again.ToString());

        var gate = new PassGate(keys.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays);
        PassIssueResult fresh = office.Issue(new PassRequest(new Id<Household>(6), ControlLevel.Controlled, Evening));
        PassScanResult valid = gate.Verify(fresh.AsT0.Code, Evening);
        PassScanResult forged = gate.Exit("not a pass", Evening);
        Assert.Equal((true, (DomainError?)null, "valid"), (valid.Succeeded, valid.Error, valid.ToString()));
        Assert.Equal(fresh.AsT0.Content, valid.AsT0);
        Assert.DoesNotContain(fresh.AsT0.Code, valid.ToString(), StringComparison.Ordinal);
        Assert.False(forged.Succeeded);
        Assert.Equal(forged.AsT1, forged.Error);
        Assert.Equal(forged.AsT1.Code, forged.ToString());
    }

    [Fact]
    public void Revoke_raises_PassRevoked_once_then_answers_UnknownPass_already_revoked()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening));
        var pass = office.Issue(new PassRequest(Home, ControlLevel.Controlled, Evening)).AsT0;
        office.DequeueEvents();

        Assert.True(office.Revoke(pass.Content.Serial, "household sealed after a positive case").IsT0);
        var revoked = Assert.IsType<PassRevoked>(Assert.Single(office.DequeueEvents()));
        Assert.Equal((pass.Content.Serial, "household sealed after a positive case"), (revoked.Serial, revoked.Reason));

        Assert.Equal(new UnknownPass(pass.Content.Serial, AlreadyRevoked: true), office.Revoke(pass.Content.Serial, "again").AsT1);
        Assert.Equal(new UnknownPass(new PassSerial(99), AlreadyRevoked: false), office.Revoke(new PassSerial(99), "never issued").AsT1);
        Assert.Empty(office.PendingEvents);
        Assert.Equal([pass.Content.Serial.Value], office.ToState().Revoked);
    }

    [Fact]
    public void Gate_rejects_a_malformed_code_with_PassRejected_naming_no_serial()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var gate = new PassGate(keys.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays);

        var rejected = gate.Exit("NOT A PASS", Evening).AsT1;

        Assert.Equal(new PassRejected(PassRejection.Malformed, null), rejected);
    }

    [Fact]
    public void Return_after_exit_gives_PassReturn_with_both_times_and_the_allowance_and_the_snapshot_follows()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening));
        var pass = office.Issue(new PassRequest(Home, ControlLevel.Controlled, Evening)).AsT0;
        var gate = new PassGate(keys.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays);
        var out1 = Evening + Duration.FromMinutes(5);
        var back = Evening + Duration.FromMinutes(80);

        Assert.True(gate.Exit(pass.Code, out1).IsT0);
        GateExitState outside = Assert.Single(gate.ToState().Exits);
        Assert.False(outside.Returned);
        PassReturn returned = gate.Return(pass.Code, back).AsT0;

        Assert.Equal(new PassReturn(pass.Content.Serial, Home, out1, back, Duration.FromHours(2)), returned);
        GateExitState exit = Assert.Single(gate.ToState().Exits);
        Assert.Equal((pass.Content.Serial.Value, out1, true), (exit.Pass.Serial, exit.WentOut, exit.Returned));
    }

    [Fact]
    public void Office_snapshot_keeps_the_policy_and_each_issued_pass()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(3));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening));
        var pass = office.Issue(new PassRequest(Home, ControlLevel.Controlled, Evening)).AsT0;

        var state = office.ToState();

        Assert.Equal(new PassPolicyState(1, Duration.FromDays(2), Duration.FromHours(2), Duration.FromDays(1), Duration.FromHours(48)), state.Policy);
        IssuedPassState issued = Assert.Single(state.Issued);
        Assert.Equal((pass.Content.Serial.Value, Home.Value, 3, Duration.FromHours(2)), (issued.Serial, issued.HouseholdId, issued.KeyId, issued.MaxTimeOut));
        Assert.Equal(Duration.FromDays(1), issued.ValidUntil - issued.ValidFrom);
    }
}
