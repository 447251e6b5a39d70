using CommunityDomain.Communities;
using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.Communities;

public sealed record ReportIncidentOp(int Post, IncidentKind Kind, int Hours, int Extra) : CommunityOp
{
    public override bool Apply(Community community) =>
        community.ReportIncident(new Id<Post>(Post), Kind, CommunityOps.At(Hours), Extra, $"incident {Kind}").IsT0;
}

public sealed record AssignRepairOp(int Incident, int Party, int[] Residents) : CommunityOp
{
    public override bool Apply(Community community) =>
        community.AssignRepair(new Id<Incident>(Incident), $"party {Party}", Residents.Select(r => new Id<Resident>(r))).IsT0;
}

public sealed record ResolveIncidentOp(int Incident, int Hours, int Yuan) : CommunityOp
{
    public override bool Apply(Community community) =>
        community.ResolveIncident(new Id<Incident>(Incident), CommunityOps.At(Hours), new IncidentCost(Yuan, "residents")).IsT0;
}

/// <summary>Op sequences with posts and incidents mixed into the general community ops.</summary>
public static class IncidentArbitraries
{
    private static readonly Gen<CommunityOp> AddPost =
        from c in Gen.Choose(1, 3) from n in Gen.Choose(1, 3) select (CommunityOp)new AddPostOp(c, PostKind.Gate, n);

    public static Gen<CommunityOp> IncidentOp { get; } = Gen.Frequency(
        (2, AddPost),
        (4, from p in Gen.Choose(1, 4)
            from k in Gen.Elements(IncidentKind.GateFailure, IncidentKind.Hazard, IncidentKind.Other)
            from t in Gen.Choose(-5, 60)
            from e in Gen.Choose(0, 3)
            select (CommunityOp)new ReportIncidentOp(p, k, t, e)),
        (2, from i in Gen.Choose(1, 6)
            from party in Gen.Choose(1, 2)
            from rs in Gen.ArrayOf(Gen.Choose(1, 14), 2)
            select (CommunityOp)new AssignRepairOp(i, party, rs)),
        (3, from i in Gen.Choose(1, 6) from t in Gen.Choose(-5, 80) from y in Gen.Choose(0, 500) select (CommunityOp)new ResolveIncidentOp(i, t, y)));

    public static Arbitrary<CommunityOp[]> Ops() => CommunityOps.Sequences(Gen.Frequency((3, IncidentOp), (1, CommunityOps.Op)), 30);
}
