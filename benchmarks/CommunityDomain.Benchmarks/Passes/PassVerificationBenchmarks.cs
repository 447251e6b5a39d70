using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using NodaTime;
using NodaTime.Testing;

namespace CommunityDomain.Benchmarks.Passes;

/// <summary>
/// One pass check at the gate (base-32 decode, parse, ECDSA P-256 verify, revocation and window), against the
/// named floor: the platform's raw ECDSA P-256 verification of the same bytes.
/// </summary>
[MemoryDiagnoser]
public class PassVerificationBenchmarks
{
    private static readonly Instant Evening = Instant.FromUtc(2022, 8, 20, 10, 30);
    private PassSigningKeys _keys = null!;
    private PassGate _gate = null!;
    private string _code = string.Empty;
    private ECDsa _raw = null!;
    private byte[] _data = [];
    private byte[] _signature = [];

    /// <summary>Issues one pass with a fixed key id.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, _keys, new FakeClock(Evening));
        _code = office.Issue(new PassRequest(new Id<Household>(1), ControlLevel.Controlled, Evening)).AsT0.Code;
        _gate = new PassGate(_keys.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays);
        _gate.LoadRevocations([new PassSerial(99)], Evening);
        _data = new byte[19];
        using var signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _signature = signer.SignData(_data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        _raw = ECDsa.Create();
        _raw.ImportSubjectPublicKeyInfo(signer.ExportSubjectPublicKeyInfo(), out _);
    }

    /// <summary>Releases the keys.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _keys.Dispose();
        _raw.Dispose();
    }

    /// <summary>Floor: raw ECDSA P-256 verification of 19 bytes.</summary>
    [Benchmark(Baseline = true)]
    public bool RawEcdsaVerify() => _raw.VerifyData(_data, _signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>The gate's full check of a scanned code.</summary>
    [Benchmark]
    public bool GateVerify() => _gate.Verify(_code, Evening).IsT0;
}
