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

/// <summary>Reports an incident and, when <see cref="Hours"/> is given, resolves it that many hours later: two commands, for windows that end.</summary>
public sealed record IncidentEpisodeOp(int Post, int At, int Extra, int? Hours) : CommunityOp
{
    public override bool Apply(Community community)
    {
        var reported = community.ReportIncident(new Id<Post>(Post), IncidentKind.GateFailure, CommunityOps.At(At), Extra, "episode");
        return reported.IsT0 && (Hours is not { } h || community.ResolveIncident(reported.AsT0.Id, CommunityOps.At(At + h), new IncidentCost(0, "office")).IsT0);
    }
}

/// <summary>Resolves <see cref="Hours"/> after the incident's report (a few are at or before it, to hit the error), or at <c>At(Hours)</c> when it does not exist.</summary>
public sealed record ResolveIncidentOp(int Incident, int Hours, int Yuan) : CommunityOp
{
    public override bool Apply(Community community)
    {
        var id = new Id<Incident>(Incident);
        var at = Incident <= community.Incidents.Count ? community.Get(id).ReportedAt.Plus(Duration.FromHours(Hours)) : CommunityOps.At(Hours);
        return community.ResolveIncident(id, at, new IncidentCost(Yuan, "residents")).IsT0;
    }
}

/// <summary>Op sequences with posts and incidents mixed into the general community ops.</summary>
public static class IncidentArbitraries
{
    private static readonly Gen<CommunityOp> AddPost =
        from c in Gen.Choose(1, 3) from n in Gen.Choose(1, 3) select (CommunityOp)new AddPostOp(c, PostKind.Gate, n);

    public static Gen<CommunityOp> IncidentOp { get; } = Gen.Frequency(
        (1, AddPost),
        (5, from p in Gen.Choose(1, 3)
            from k in Gen.Elements(IncidentKind.GateFailure, IncidentKind.Hazard, IncidentKind.Other)
            from t in Gen.Choose(-5, 40)
            from e in Gen.Choose(0, 3)
            select (CommunityOp)new ReportIncidentOp(p, k, t, e)),
        (2, from i in Gen.Choose(1, 6)
            from party in Gen.Choose(1, 2)
            from rs in Gen.ArrayOf(Gen.Choose(1, 14), 2)
            select (CommunityOp)new AssignRepairOp(i, party, rs)),
        (6, from i in Gen.Choose(1, 6) from t in Gen.Frequency((1, Gen.Choose(-2, 0)), (6, Gen.Choose(1, 12))) from y in Gen.Choose(0, 500) select (CommunityOp)new ResolveIncidentOp(i, t, y)));

    /// <summary>The seeded community plus two gates, so reports hit an existing post from the first op.</summary>
    public static Community Seeded(IClock? clock = null)
    {
        var community = CommunityOps.Seeded(clock);
        _ = community.AddPost(new Id<Compound>(1), PostKind.Gate, "Gate A").AsT0;
        _ = community.AddPost(new Id<Compound>(2), PostKind.Gate, "Gate B").AsT0;
        community.DequeueEvents();
        return community;
    }

    /// <summary>Report-and-resolve pairs: not one command, so only for the query properties.</summary>
    public static Gen<CommunityOp> EpisodeOp { get; } =
        from p in Gen.Choose(1, 2)
        from t in Gen.Choose(-5, 40)
        from e in Gen.Choose(0, 3)
        from h in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 15).Select(x => (int?)x))
        select (CommunityOp)new IncidentEpisodeOp(p, t, e, h);

    public static Arbitrary<CommunityOp[]> Ops() => CommunityOps.Sequences(Gen.Frequency((4, IncidentOp), (1, CommunityOps.Op)), 30);
}
