#:project ../src/CommunityDomain/CommunityDomain.csproj
// Signed household passes: issue at the office, verify offline at the gate with the public key only.
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using NodaTime;
using NodaTime.Text;

var evening = InstantPattern.General.Parse("2022-08-20T10:30:00Z").Value;   // 18:30 in Asia/Shanghai
using var keys = PassSigningKeys.Generate(new PassKeyId(1));
var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FixedNow(evening));
var lastNegative = evening - Duration.FromHours(12);                        // from the testing records, as plain data

var pass = office.Issue(new PassRequest(new Id<Household>(12), ControlLevel.Controlled, lastNegative)).AsT0;
var second = office.Issue(new PassRequest(new Id<Household>(12), ControlLevel.Controlled, lastNegative));
var sealedHome = office.Issue(new PassRequest(new Id<Household>(40), ControlLevel.Sealed, lastNegative));
Console.WriteLine($"{pass}\n  QR text ({pass.Code.Length} chars): {pass.Code}");
Console.WriteLine($"  second pass within 2 days: {second.Match(p => "issued?!", s => s.Message, q => q.Message, t => t.Message, n => n.Message)}");
Console.WriteLine($"  sealed household: {sealedHome.Match(p => "issued?!", s => s.Message, q => q.Message, t => t.Message, n => n.Message)}");

// The gate device holds only public keys.
var gate = new PassGate(keys.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays);
var tampered = pass.Code[..20] + (pass.Code[20] == 'Q' ? 'R' : 'Q') + pass.Code[21..];
var forgedAt = gate.Exit(tampered, evening + Duration.FromMinutes(5));
var went = gate.Exit(pass.Code, evening + Duration.FromMinutes(10));
var back = gate.Return(pass.Code, evening + Duration.FromMinutes(10 + 150)).AsT0;
Console.WriteLine($"  tampered code: {forgedAt.Match(c => "accepted?!", r => r.Message)}");
Console.WriteLine($"  went out: {went.IsT0}; {back}");
Console.WriteLine($"  keys: {keys}");

var ok = went.IsT0 && forgedAt.IsT1 && second.IsT2 && sealedHome.IsT1 && back.Late;
Console.WriteLine(ok ? "OK" : "FAILED");
return ok ? 0 : 1;

sealed class FixedNow(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
