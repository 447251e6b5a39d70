using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using CommunityDomain.Tests.Contracts;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Passes;

/// <summary>One generated pass-office command: its kind (issue or revoke, through the community or plain), two raw numbers and the actor.</summary>
public sealed record PassOfficeCommand(int Kind, int A, int B, Actor By)
{
    public const int Kinds = 6;

    public override string ToString() => Kind switch
    {
        0 => "IssueFor",
        1 => "Issue",
        2 => "IssueBatchFor",
        3 => "IssueBatch",
        4 => "RevokeFor",
        _ => "Revoke",
    } + $"({A},{B}) by {By.Account}/{By.Role}/{By.Area}";
}

/// <summary>Scripts of pass-office commands by actors of every role over every kind of area (the shared <see cref="RoleScripts.Actors"/>).</summary>
public static class PassOfficeRoleArbitraries
{
    public static Gen<PassOfficeCommand> Command { get; } =
        from kind in Gen.Choose(0, PassOfficeCommand.Kinds - 1)
        from a in Gen.Choose(0, 30)
        from b in Gen.Choose(0, 30)
        from actor in RoleScripts.Actors
        select new PassOfficeCommand(kind, a, b, actor);

    public static Arbitrary<PassOfficeCommand> Commands() => Command.ToArbitrary();

    public static Arbitrary<PassOfficeCommand[]> Scripts() => Arb.From(
        Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Command, n)),
        s => ScriptShrinkers.Fewer(s));

    /// <summary>Evening batches as a desk types them: 0 to 12 requests for any household, several per household, in any order.</summary>
    public static Arbitrary<int[]> Batches() => Arb.From(
        Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 10), n)),
        s => ScriptShrinkers.Fewer(s));
}

/// <summary>
/// Roles on the pass office (issue 14): every pass command checks the pass permission where issuing checks it, so
/// whatever an actor may issue it may also revoke; a refused command changes nothing (the shared
/// <see cref="RoleScripts"/> property), and a refused request of a batch changes nothing either.
/// </summary>
[Properties(Arbitrary = [typeof(PassOfficeRoleArbitraries)], MaxTest = 80)]
public sealed class PassOfficeRoleProperties
{
    private static readonly Instant Evening = CommunityOps.At(2);
    private static readonly PassPolicy Policy = new(2, Duration.FromDays(1), Duration.FromHours(2), Duration.FromHours(12), Duration.FromHours(48));
    private static readonly PassSigningKeys Keys = PassSigningKeys.Generate(new PassKeyId(3));
    private static readonly (int?, int?)[] Everywhere = [(null, null)];

    /// <summary>The seeded community (households 1-10 in two compounds, household 4 sealed from the start) and an
    /// office that already holds, by the system, one pass for each household and one for household 42, which the
    /// community does not hold (issued through the plain entry point).</summary>
    private static (Community Community, PassOffice Office, FakeClock Clock) Setup()
    {
        var clock = new FakeClock(Evening);
        var community = CommunityOps.Seeded(clock);
        _ = community.Issue(ControlOrderRequest.Sealed(new Id<Household>(4), CommunityOps.At(0), "case contact")).AsT0;
        var office = PassOffice.Open(Policy, Keys, clock);
        foreach (var h in Enumerable.Range(1, 10))
        {
            _ = office.IssueFor(community, new Id<Household>(h), Evening - Duration.FromHours(3), Evening - Duration.FromHours(1));
        }

        _ = office.Issue(new PassRequest(new Id<Household>(42), ControlLevel.Controlled, Evening - Duration.FromHours(3))).AsT0;
        office.DequeueEvents();
        return (community, office, clock);
    }

    private static Id<Household> HouseholdOf(PassOfficeCommand c) => new(1 + (c.A % 10));

    private static PassSerial SerialOf(PassOffice o, PassOfficeCommand c) => new(1 + (c.A % (o.Issued.Count + 2))); // and unknown serials

    private static PassRequest RequestOf(PassOfficeCommand c, Instant now) =>
        new(HouseholdOf(c), ControlLevel.Controlled, c.B % 7 == 6 ? now - Duration.FromHours(49) : now - Duration.FromMinutes(c.B), c.B % 2 == 0 ? null : now + Duration.FromHours(c.B));

    // Passes are compared by content: a signature is randomised, so the twin's code differs from the subject's.
    private static object Value(object result) => result is Pass pass ? pass.Content : result;

    private static object Run(PassOffice o, Community community, PassOfficeCommand c, Actor by, Instant now) => Value(c.Kind switch
    {
        0 => o.IssueFor(community, RequestOf(c, now), by).Value,
        1 => o.Issue(RequestOf(c, now), by).Value,
        2 => o.IssueBatchFor(community, [RequestOf(c, now)], by)[0].Value,
        3 => o.IssueBatch([RequestOf(c, now)], by)[0].Value,
        4 => o.RevokeFor(community, SerialOf(o, c), "lost", by).Value,
        _ => o.Revoke(SerialOf(o, c), "lost", by).Value,
    });

    /// <summary>Where each command acts, read from the community as docs/security.md describes it: the household's
    /// building for the community entry points, the whole community for the plain ones and for a serial whose household
    /// cannot be located (unknown serial, or a household the community does not hold).</summary>
    private static (Permission, (int?, int?)[]?) Expect(PassOffice o, Community community, PassOfficeCommand c)
    {
        (int?, int?)[] Of(Id<Household> id) => community.Households.FirstOrDefault(h => h.Id == id) is { } home
            ? [(home.CompoundId.Value, home.BuildingId.Value)]
            : Everywhere;

        return c.Kind switch
        {
            0 or 2 => (Permission.Passes, Of(HouseholdOf(c))),
            4 => (Permission.Passes, SerialOf(o, c).Value <= o.Issued.Count ? Of(o.Issued[SerialOf(o, c).Value - 1].Household) : Everywhere),
            _ => (Permission.Passes, Everywhere),
        };
    }

    [Property]
    public void Pass_office_no_refused_command_changes_anything_and_a_permitted_one_is_judged_as_the_system_would(PassOfficeCommand[] script)
    {
        var (community, office, clock) = Setup();
        RoleScripts.Check(
            office,
            o => PassOffice.Restore(o.ToState(), Keys, clock),
            o => o.ToState(),
            script.Select(c => new RoleStep<PassOffice>(
                c.ToString(), c.By, (o, by) => Run(o, community, c, by, clock.GetCurrentInstant()), o => Expect(o, community, c))),
            () => clock.Advance(Duration.FromSeconds(97)));
    }

    [Property]
    public void Whatever_an_actor_may_issue_for_a_household_it_may_also_revoke(PassOfficeCommand[] actors)
    {
        var (community, office, clock) = Setup();
        foreach (var c in actors)
        {
            // Every pass the office holds for this household: issuing again and revoking are judged at the same place.
            var household = HouseholdOf(c);
            var issue = PassOffice.Restore(office.ToState(), Keys, clock).IssueFor(community, RequestOf(c, clock.GetCurrentInstant()), c.By);
            var batch = PassOffice.Restore(office.ToState(), Keys, clock).IssueBatchFor(community, [RequestOf(c, clock.GetCurrentInstant())], c.By)[0];
            foreach (var pass in office.Issued.Where(p => p.Household == household))
            {
                var twin = PassOffice.Restore(office.ToState(), Keys, clock);
                var revoke = twin.RevokeFor(community, pass.Serial, "lost", c.By);

                Assert.Equal(issue.Value is NotPermitted, revoke.Value is NotPermitted);
                Assert.Equal(batch.Value is NotPermitted, revoke.Value is NotPermitted);
                if (revoke.Value is NotPermitted denied)
                {
                    Assert.Equal(issue.AsT4, denied);
                    Assert.Null(DeepEquality.Difference(office.ToState(), twin.ToState()));
                }
                else
                {
                    // Permitted: revoked now, or already revoked by an earlier twin? Never: each twin starts from the office.
                    Assert.True(revoke.IsT0, $"{c}: {revoke.Value}");
                    Assert.Contains(pass.Serial, twin.Revoked);
                }
            }
        }
    }

    [Property]
    public void A_batch_refuses_exactly_the_requests_outside_the_actors_area_and_judges_the_rest_as_if_they_were_absent(int[] households, PassOfficeCommand who)
    {
        var (community, office, clock) = Setup();
        var now = clock.GetCurrentInstant();
        var by = who.By;
        var requests = households.Select((h, i) => new PassRequest(new Id<Household>(h), ControlLevel.None, now - Duration.FromHours(i), now + Duration.FromMinutes(90 * i))).ToList();
        bool Allowed(PassRequest r)
        {
            var home = community.Get(r.Household);
            return RoleScripts.RoleMay(by.Role, Permission.Passes) && RoleScripts.Covers(by.Area, home.CompoundId.Value, home.BuildingId.Value);
        }

        var twin = PassOffice.Restore(office.ToState(), Keys, clock);
        var version = office.Version;
        var results = office.IssueBatchFor(community, requests, by);
        var permitted = requests.Where(Allowed).ToList();
        var expected = twin.IssueBatchFor(community, permitted, Actor.System);

        Assert.Equal(requests.Count, results.Count);
        Assert.Equal(requests.Select(r => !Allowed(r)), results.Select(r => r.Value is NotPermitted));
        Assert.Equal(expected.Select(r => Value(r.Value)), results.Where(r => r.Value is not NotPermitted).Select(r => Value(r.Value)));
        Assert.Null(DeepEquality.Difference(twin.ToState(), office.ToState()));
        Assert.Equal(expected.Any(r => r.IsT0) ? version + 1 : version, office.Version);
        Assert.Equal(expected.Count(r => r.IsT0), office.DequeueEvents().Count);
    }
}
