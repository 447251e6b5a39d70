using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Passes;

public sealed class PassTests
{
    private static readonly Instant Evening = Instant.FromUtc(2022, 8, 20, 10, 30);

    [Fact]
    public void Rotate_then_retire_old_passes_are_refused_new_ones_pass()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening));
        var old = office.Issue(new PassRequest(new Id<Household>(1), ControlLevel.Controlled, Evening)).AsT0;
        keys.Rotate(new PassKeyId(2));
        var fresh = office.Issue(new PassRequest(new Id<Household>(2), ControlLevel.Controlled, Evening)).AsT0;

        var beforeRetire = new PassGate(keys.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays);
        Assert.True(beforeRetire.Verify(old.Code, Evening).IsT0);
        keys.Retire(new PassKeyId(1));
        var gate = new PassGate(keys.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays);

        Assert.Equal(PassRejection.UnknownKey, gate.Verify(old.Code, Evening).AsT1.Reason);
        Assert.Equal(new PassKeyId(2), gate.Verify(fresh.Code, Evening).AsT0.Key);
    }

    [Fact]
    public void Gate_built_from_exported_public_keys_verifies_offline()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(7));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening));
        var pass = office.Issue(new PassRequest(new Id<Household>(3), ControlLevel.Controlled, Evening)).AsT0;
        var shipped = keys.VerificationKeys().PublicKey(new PassKeyId(7));

        var gate = new PassGate(PassVerificationKeys.From([(new PassKeyId(7), shipped)]), PassPolicy.OnePersonEveryTwoDays);

        Assert.True(gate.Exit(pass.Code, Evening.Plus(Duration.FromMinutes(1))).IsT0);
        Assert.Equal(PassRejection.AlreadyUsed, gate.Exit(pass.Code, Evening.Plus(Duration.FromMinutes(2))).AsT1.Reason);
    }

    [Fact]
    public void Code_is_compact_qr_alphanumeric_and_holds_no_personal_data()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var pass = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening))
            .Issue(new PassRequest(new Id<Household>(42), ControlLevel.Controlled, Evening)).AsT0;

        Assert.Equal(133, pass.Code.Length);
        Assert.Matches("^[A-Z2-7]+$", pass.Code);
        Assert.DoesNotContain(pass.Code, pass.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Private_keys_never_appear_in_ToString_or_messages()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var secret = Convert.ToBase64String(keys.ExportPrivateKey(new PassKeyId(1)));
        var hex = Convert.ToHexString(keys.ExportPrivateKey(new PassKeyId(1)));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening));
        var texts = new[] { keys.ToString(), office.ToString(), keys.VerificationKeys().ToString() };

        Assert.All(texts, t => Assert.DoesNotContain(secret[..16], t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain(hex[..16], t, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("not shown", keys.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_restores_a_key_that_verifies_the_same_passes()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(4));
        var pass = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening))
            .Issue(new PassRequest(new Id<Household>(1), ControlLevel.Controlled, Evening)).AsT0;
        using var restored = PassSigningKeys.Import(new PassKeyId(4), keys.ExportPrivateKey(new PassKeyId(4)));

        Assert.True(new PassGate(restored.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays).Verify(pass.Code, Evening).IsT0);
    }

    [Fact]
    public void Issue_batch_of_thirty_one_judges_each_request()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening));
        var requests = Enumerable.Range(1, 30).Select(h => new PassRequest(new Id<Household>(h), ControlLevel.Controlled, Evening))
            .Append(new PassRequest(new Id<Household>(1), ControlLevel.Controlled, Evening)).ToList();

        var results = office.IssueBatch(requests);

        Assert.Equal(30, results.Count(r => r.IsT0));
        Assert.True(results[^1].IsT2);
        Assert.Contains("名额已用完", results[^1].AsT2.MessageIn(CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
        Assert.Equal(1, office.Version); // one batch is one command: one version for its thirty passes
    }

    [Fact]
    public void Gate_rejects_garbage_without_throwing()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var gate = new PassGate(keys.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays);
        Assert.Equal(PassRejection.Malformed, gate.Verify(null, Evening).AsT1.Reason);
        Assert.Equal(PassRejection.Malformed, gate.Verify("", Evening).AsT1.Reason);
        Assert.Equal(PassRejection.Malformed, gate.Verify(new string('7', 133), Evening).AsT1.Reason);
        Assert.Equal(PassRejection.Malformed, gate.Verify(new string('A', 133), Evening).AsT1.Reason);
    }
}
