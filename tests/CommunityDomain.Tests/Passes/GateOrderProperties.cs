using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Passes;

/// <summary>Time moves forward per pass at a gate (issue 18): a return dated before its exit is refused and records nothing.</summary>
public sealed class GateOrderProperties
{
    private static readonly Instant Evening = Instant.FromUtc(2022, 8, 20, 10, 30);
    private static readonly PassSigningKeys Keys = PassSigningKeys.Generate(new PassKeyId(9));
    private static readonly PassPolicy Policy = new(2, Duration.FromDays(1), Duration.FromHours(2), Duration.FromHours(12));
    private static readonly string[] Codes = IssueCodes();

    private static string[] IssueCodes()
    {
        var office = PassOffice.Open(Policy, Keys, new FakeClock(Evening));
        return [.. Enumerable.Range(0, 6).Select(i => office.Issue(new PassRequest(new Id<Household>(i % 3 + 1), ControlLevel.Controlled, null, Evening)).AsT0.Code)];
    }

    [Fact]
    public void Return_dated_before_the_exit_is_refused_as_out_of_order_and_the_holder_stays_out()
    {
        var gate = new PassGate(Keys.VerificationKeys(), Policy);
        var content = gate.Exit(Codes[0], Evening.Plus(Duration.FromHours(1))).AsT0;
        var before = gate.ToState();

        var early = gate.Return(Codes[0], Evening.Plus(Duration.FromMinutes(59)));

        Assert.True(early.IsT1);
        Assert.Equal((PassRejection.OutOfOrder, content.Serial), (early.AsT1.Reason, early.AsT1.Serial));
        Assert.Contains("out of order", early.AsT1.MessageIn(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("顺序", early.AsT1.MessageIn(new CultureInfo("zh-CN")), StringComparison.Ordinal);
        Assert.Equal(before, gate.ToState());
        Assert.Equal(content.Serial, Assert.Single(gate.Out).Pass.Serial);
        var back = gate.Return(Codes[0], Evening.Plus(Duration.FromHours(1))).AsT0;
        Assert.Equal(Duration.Zero, back.TimeOut);
    }

    /// <summary>
    /// Exits and returns of six passes at shuffled minutes: every accepted return follows the exit the test itself saw
    /// accepted for that pass, and a return refused as out of order leaves the gate as it was.
    /// </summary>
    [Property(MaxTest = 200)]
    public void No_accepted_return_is_dated_before_its_exit(NonNegativeInt[] ops)
    {
        var gate = new PassGate(Keys.VerificationKeys(), Policy);
        var exits = new Dictionary<PassSerial, Instant>();
        foreach (var op in ops.Select(o => o.Get))
        {
            var code = Codes[op % Codes.Length];
            var at = Evening + Duration.FromMinutes(op / 12 % 600);
            if (op / 6 % 2 == 0)
            {
                if (gate.Exit(code, at).TryPickT0(out var content, out _))
                {
                    exits[content.Serial] = at;
                }

                continue;
            }

            var before = gate.ToState();
            var back = gate.Return(code, at);
            if (back.TryPickT0(out var returned, out var refused))
            {
                Assert.Equal(exits[returned.Serial], returned.WentOut);
                Assert.True(returned.CameBack >= returned.WentOut, $"{returned.Serial} back at {returned.CameBack}, out at {returned.WentOut}");
                exits.Remove(returned.Serial);
            }
            else if (refused.Reason == PassRejection.OutOfOrder)
            {
                Assert.True(at < exits[refused.Serial!.Value]);
                Assert.Equal(before, gate.ToState());
            }
        }
    }
}
