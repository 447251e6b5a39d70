using System.Numerics;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Passes;

/// <summary>One code per pass: only the low-s form of a P-256 signature is accepted, and issuing always produces it.</summary>
public sealed class LowSTests
{
    private static readonly Instant Evening = Instant.FromUtc(2022, 8, 20, 10, 30);

    // The P-256 group order, written independently of the library (FIPS 186-4, D.1.2.3).
    private static readonly BigInteger N = BigInteger.Parse("115792089210356248762697446949407573529996955224135760342422259061068512044369", System.Globalization.CultureInfo.InvariantCulture);

    private static BigInteger S(byte[] decoded) => new(decoded.AsSpan(PassContent.Length + 32, 32), isUnsigned: true, isBigEndian: true);

    private static byte[] Decode(string code)
    {
        var bytes = new byte[PassContent.Length + 64];
        Assert.True(Base32.TryDecode(code, bytes));
        return bytes;
    }

    private static string Twin(string code)
    {
        var bytes = Decode(code);
        var twinS = (N - S(bytes)).ToByteArray(isUnsigned: true, isBigEndian: true);
        var field = bytes.AsSpan(PassContent.Length + 32, 32);
        field.Clear();
        twinS.CopyTo(field[(32 - twinS.Length)..]);
        return Base32.Encode(bytes);
    }

    [Property(MaxTest = 40)]
    public void Every_issued_code_is_low_s_and_its_high_s_twin_is_refused(PositiveInt household, byte keyId)
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(1 + keyId));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening));
        var pass = office.Issue(new PassRequest(new Id<Household>(household.Get), ControlLevel.Controlled, Evening)).AsT0;
        var gate = new PassGate(keys.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays);
        var twin = Twin(pass.Code);

        Assert.True(S(Decode(pass.Code)) <= N / 2);
        Assert.True(S(Decode(twin)) > N / 2);
        Assert.NotEqual(pass.Code, twin);
        Assert.True(gate.Verify(pass.Code, Evening).IsT0);
        Assert.Equal(PassRejection.BadSignature, gate.Verify(twin, Evening).AsT1.Reason);
    }

    [Fact]
    public void Twin_of_a_valid_signature_is_mathematically_valid_yet_refused_by_the_gate()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(5));
        var pass = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(Evening))
            .Issue(new PassRequest(new Id<Household>(9), ControlLevel.Controlled, Evening)).AsT0;
        var twin = Decode(Twin(pass.Code));

        // Plain ECDSA accepts (r, n - s): the malleability the rule removes.
        using var ecdsa = System.Security.Cryptography.ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(keys.VerificationKeys().PublicKey(new PassKeyId(5)), out _);
        Assert.True(ecdsa.VerifyData(twin.AsSpan(0, PassContent.Length), twin.AsSpan(PassContent.Length),
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

        var gate = new PassGate(keys.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays);
        Assert.Equal(PassRejection.BadSignature, gate.Exit(Base32.Encode(twin), Evening).AsT1.Reason);
        Assert.True(gate.Exit(pass.Code, Evening).IsT0);
    }

    [Property]
    public void Normalise_gives_n_minus_s_for_a_high_s_and_keeps_a_low_one(byte[] seed)
    {
        var s = new BigInteger(seed.Append((byte)0).ToArray()) % N;
        var signature = new byte[64];
        var written = s.ToByteArray(isUnsigned: true, isBigEndian: true);
        written.CopyTo(signature.AsSpan(64 - written.Length));

        LowS.Normalise(signature);

        var result = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        Assert.Equal(s <= N / 2 ? s : N - s, result);
        Assert.True(LowS.IsLow(signature));
    }
}
