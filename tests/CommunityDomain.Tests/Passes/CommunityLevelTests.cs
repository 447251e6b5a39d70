using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using CommunityDomain.Passes.Errors;
using CommunityDomain.Tests.Generators;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Passes;

/// <summary>Passes take the control level from the community, so no caller can pass a wrong one by mistake.</summary>
public sealed class CommunityLevelTests
{
    private static (Community Community, PassOffice Office, PassSigningKeys Keys) Setup()
    {
        var community = CommunityOps.Seeded();
        var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FakeClock(CommunityOps.At(1)));
        return (community, office, keys);
    }

    [Fact]
    public void Issue_sealed_household_when_the_caller_passes_None_is_refused()
    {
        // The issue's case: the community holds household 1 as sealed; the caller claims ControlLevel.None.
        var (community, office, keys) = Setup();
        using var _ = keys;
        community.Issue(ControlOrderRequest.Sealed(new Id<Household>(1), CommunityOps.At(0), "case contact"));
        var claim = new PassRequest(new Id<Household>(1), ControlLevel.None, CommunityOps.At(0));

        Assert.Equal(new Id<Household>(1), office.IssueFor(community, claim, Actor.System).AsT1.Household);
        Assert.Equal(new Id<Household>(1), office.IssueFor(community, new Id<Household>(1), CommunityOps.At(0)).AsT1.Household);
        Assert.Empty(office.Issued);
        Assert.Equal(0, office.Version);

        // The neighbour, under no order, gets one through the same entry point.
        Assert.True(office.IssueFor(community, new Id<Household>(2), CommunityOps.At(0)).IsT0);
    }

    [Fact]
    public void Issue_household_sealed_by_its_building_or_compound_is_refused()
    {
        var (community, office, keys) = Setup();
        using var _ = keys;
        var home = community.Get(new Id<Household>(3));
        community.Issue(ControlOrderRequest.Sealed(home.CompoundId, CommunityOps.At(0), "compound sealed"));

        Assert.True(office.IssueFor(community, home.Id, CommunityOps.At(0)).IsT1);
    }

    [Fact]
    public void Issue_household_sealed_later_within_the_pass_validity_is_refused_but_after_it_is_not()
    {
        var (community, office, keys) = Setup();
        using var _ = keys;
        var start = CommunityOps.At(1);
        community.Issue(ControlOrderRequest.Sealed(new Id<Household>(1), start + Duration.FromHours(1), "sealed in an hour"));
        community.Issue(ControlOrderRequest.Sealed(new Id<Household>(2), start + PassPolicy.OnePersonEveryTwoDays.Validity, "sealed after validity"));

        Assert.True(office.IssueFor(community, new Id<Household>(1), CommunityOps.At(0)).IsT1);
        Assert.True(office.IssueFor(community, new Id<Household>(2), CommunityOps.At(0)).IsT0);
    }

    [Fact]
    public void Compound_head_issues_for_own_compound_only_and_never_through_the_plain_entry_point()
    {
        var (community, office, keys) = Setup();
        using var _ = keys;
        var own = community.Households.First(h => h.CompoundId == new Id<Compound>(1));
        var other = community.Households.First(h => h.CompoundId == new Id<Compound>(2));
        var head = Actor.CompoundHead("head.1", community.Get(new Id<Compound>(1)).Area);

        var pass = office.IssueFor(community, own.Id, CommunityOps.At(0), by: head).AsT0;
        var outside = office.IssueFor(community, other.Id, CommunityOps.At(0), by: head);
        var plain = office.Issue(new PassRequest(other.Id, ControlLevel.None, CommunityOps.At(0)), head);
        var revoke = office.Revoke(pass.Content.Serial, "lost", head);

        Assert.True(outside.Value is NotPermitted { OutsideArea: true });
        Assert.True(plain.Value is NotPermitted { OutsideArea: true });
        Assert.True(revoke.Value is NotPermitted);
        Assert.Single(office.Issued);
        Assert.Empty(office.Revoked);
    }

    [Fact]
    public void RevokeFor_compound_head_revokes_in_its_compound_what_it_issued_and_nothing_outside()
    {
        // The verifier's case: a compound head issued a pass in its compound but could not revoke it (outside its area).
        var (community, office, keys) = Setup();
        using var _ = keys;
        var own = community.Households.First(h => h.CompoundId == new Id<Compound>(1));
        var other = community.Households.First(h => h.CompoundId == new Id<Compound>(2));
        var head = Actor.CompoundHead("head.1", community.Get(new Id<Compound>(1)).Area);
        var mine = office.IssueFor(community, own.Id, CommunityOps.At(0), by: head).AsT0;
        var theirs = office.IssueFor(community, other.Id, CommunityOps.At(0), by: Actor.Office("office.li")).AsT0;
        var before = office.ToState();

        var outside = office.RevokeFor(community, theirs.Content.Serial, "lost", head);
        var unknown = office.RevokeFor(community, new PassSerial(99), "lost", head);

        Assert.True(outside.Value is NotPermitted { OutsideArea: true, Needed: Permission.Passes });
        Assert.True(unknown.Value is NotPermitted { OutsideArea: true });
        Assert.Equal(before, office.ToState());
        Assert.True(office.RevokeFor(community, mine.Content.Serial, "household sealed", head).IsT0);
        Assert.Equal([mine.Content.Serial], office.Revoked);
        Assert.Equal(new UnknownPass(mine.Content.Serial, AlreadyRevoked: true), office.RevokeFor(community, mine.Content.Serial, "again", head).AsT1);
        Assert.Throws<ArgumentNullException>("community", () => office.RevokeFor(null!, mine.Content.Serial, "lost", head));
        Assert.Throws<ArgumentException>("reason", () => office.RevokeFor(community, mine.Content.Serial, " ", head));
    }

    [Fact]
    public void IssueBatchFor_compound_head_gets_passes_in_its_compound_and_NotPermitted_outside()
    {
        var (community, office, keys) = Setup();
        using var _ = keys;
        var own = community.Households.Where(h => h.CompoundId == new Id<Compound>(1)).Select(h => h.Id).ToList();
        var other = community.Households.First(h => h.CompoundId == new Id<Compound>(2)).Id;
        var head = Actor.CompoundHead("head.1", community.Get(new Id<Compound>(1)).Area);
        community.Issue(ControlOrderRequest.Sealed(own[1], CommunityOps.At(0), "case contact"));

        var results = office.IssueBatchFor(community, [.. own.Take(3).Append(other).Select(h => new PassRequest(h, ControlLevel.None, CommunityOps.At(0)))], head);

        Assert.True(results[0].IsT0);
        Assert.True(results[1].IsT1, "the community's seal applies to a batch as to IssueFor");
        Assert.True(results[2].IsT0);
        Assert.True(results[3].Value is NotPermitted { OutsideArea: true });
        Assert.Equal(2, office.Issued.Count);
        Assert.Equal(1, office.Version);
        Assert.Throws<ArgumentException>("requests", () => office.IssueBatchFor(community, [new PassRequest(new Id<Household>(999), ControlLevel.None)], head));
        Assert.Equal(2, office.Issued.Count);
    }

    [Fact]
    public void Issue_household_unknown_to_the_community_throws_naming_the_household()
    {
        var (community, office, keys) = Setup();
        using var _ = keys;

        Assert.ThrowsAny<ArgumentException>(() => office.IssueFor(community, new Id<Household>(999)));
        Assert.Throws<ArgumentNullException>("community", () => office.IssueFor(null!, new Id<Household>(1)));
        Assert.Equal(0, office.Version);
    }
}
