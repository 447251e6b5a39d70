using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;

namespace CommunityDomain.Tests.Generators;

/// <summary>A command against a community, with targets as small indexes so generated sequences hit existing and missing entities alike.</summary>
public abstract record CommunityOp
{
    /// <summary>Applies the op; true when the command succeeded (the OneOf holds its first case).</summary>
    public abstract bool Apply(Community community);
}

public sealed record AddCompoundOp(int Name) : CommunityOp
{
    public override bool Apply(Community community) => community.AddCompound($"Compound {Name}").IsT0;
}

public sealed record AddBuildingOp(int Compound, int Name, int X, int Y) : CommunityOp
{
    public override bool Apply(Community community) =>
        community.AddBuilding(new Id<Compound>(Compound), $"B{Name}", new Position(X, Y)).IsT0;
}

public sealed record AddUnitOp(int Building, int Name, int Floors) : CommunityOp
{
    public override bool Apply(Community community) => community.AddUnit(new Id<Building>(Building), $"U{Name}", Floors).IsT0;
}

public sealed record AddPostOp(int Compound, PostKind Kind, int Name) : CommunityOp
{
    public override bool Apply(Community community) => community.AddPost(new Id<Compound>(Compound), Kind, $"P{Name}").IsT0;
}

public sealed record RegisterHouseholdOp(int Unit, int Floor, int Door) : CommunityOp
{
    public override bool Apply(Community community) =>
        community.RegisterHousehold(new Room(new Id<Unit>(Unit), Floor, $"{Floor}0{Door}")).IsT0;
}

public sealed record RegisterResidentOp(int Household, int Person) : CommunityOp
{
    public override bool Apply(Community community) =>
        community.RegisterResident(new Id<Household>(Household), PeoplePool.Registrations[Person]).IsT0;
}

public sealed record MoveResidentOp(int Resident, int Household, int Hours) : CommunityOp
{
    public override bool Apply(Community community) =>
        community.MoveResident(new Id<Resident>(Resident), new Id<Household>(Household), CommunityOps.At(Hours)).IsT0;
}

public sealed record PresenceOp(int Resident, Presence To, int Hours) : CommunityOp
{
    public override bool Apply(Community community) => To switch
    {
        Presence.Away => community.MarkAway(new Id<Resident>(Resident), CommunityOps.At(Hours)).IsT0,
        Presence.Present => community.MarkPresent(new Id<Resident>(Resident), CommunityOps.At(Hours)).IsT0,
        _ => community.MoveOut(new Id<Resident>(Resident), CommunityOps.At(Hours)).IsT0,
    };
}

public sealed record ContactOp(int Household, int? Resident, bool WithPhone) : CommunityOp
{
    public override bool Apply(Community community) => community.SetHouseholdContact(
        new Id<Household>(Household),
        Resident is { } r ? new Id<Resident>(r) : null,
        WithPhone ? new PhoneNumber("13800138000") : null).IsT0;
}

public sealed record IssueOp(ControlLevel Level, ControlScopeKind Kind, int Target, int FromHours, int? DurationHours) : CommunityOp
{
    public ControlScope Scope => Kind switch
    {
        ControlScopeKind.Community => ControlScope.WholeCommunity,
        ControlScopeKind.Compound => new Id<Compound>(Target),
        ControlScopeKind.Building => new Id<Building>(Target),
        ControlScopeKind.Unit => new Id<Unit>(Target),
        _ => new Id<Household>(Target),
    };

    public override bool Apply(Community community)
    {
        var from = CommunityOps.At(FromHours);
        Instant? until = DurationHours is { } d ? from.Plus(Duration.FromHours(d)) : null;
        return community.Issue(new ControlOrderRequest(Level, Scope, from, "generated", until)).IsT0;
    }
}

public sealed record LiftOp(int Order, int AtHours) : CommunityOp
{
    public override bool Apply(Community community) =>
        community.Lift(new Id<ControlOrder>(Order), CommunityOps.At(AtHours), "generated lift").IsT0;
}

/// <summary>Generators of op sequences, and a fixed starting community that most ops can hit.</summary>
public static class CommunityOps
{
    public static readonly Instant T0 = Instant.FromUtc(2022, 8, 17, 21, 0);

    public static Instant At(int hours) => T0.Plus(Duration.FromHours(hours));

    /// <summary>A community with 2 compounds, 4 buildings, 6 units, 10 households and 12 residents, built by commands.</summary>
    public static Community Seeded(IClock? clock = null)
    {
        var community = Community.Create("Test community", DateTimeZoneProviders.Tzdb["Asia/Shanghai"], clock ?? new NodaTime.Testing.FakeClock(T0));
        foreach (var op in SeedOps)
        {
            if (!op.Apply(community))
            {
                throw new InvalidOperationException($"Seed op failed: {op}");
            }
        }

        community.DequeueEvents();
        return community;
    }

    private static readonly CommunityOp[] SeedOps =
    [
        new AddCompoundOp(1), new AddCompoundOp(2),
        new AddBuildingOp(1, 1, 0, 0), new AddBuildingOp(1, 2, 30, 0), new AddBuildingOp(2, 1, 0, 0), new AddBuildingOp(2, 2, 0, 45),
        new AddUnitOp(1, 1, 6), new AddUnitOp(1, 2, 6), new AddUnitOp(2, 1, 6), new AddUnitOp(3, 1, 6), new AddUnitOp(4, 1, 6), new AddUnitOp(4, 2, 6),
        new RegisterHouseholdOp(1, 1, 1), new RegisterHouseholdOp(1, 1, 2), new RegisterHouseholdOp(2, 2, 1), new RegisterHouseholdOp(3, 1, 1),
        new RegisterHouseholdOp(3, 3, 1), new RegisterHouseholdOp(4, 1, 1), new RegisterHouseholdOp(5, 2, 2), new RegisterHouseholdOp(5, 4, 1),
        new RegisterHouseholdOp(6, 1, 1), new RegisterHouseholdOp(6, 6, 2),
        new RegisterResidentOp(1, 0), new RegisterResidentOp(1, 1), new RegisterResidentOp(2, 2), new RegisterResidentOp(3, 3),
        new RegisterResidentOp(4, 4), new RegisterResidentOp(5, 5), new RegisterResidentOp(6, 6), new RegisterResidentOp(7, 7),
        new RegisterResidentOp(8, 8), new RegisterResidentOp(9, 9), new RegisterResidentOp(10, 10), new RegisterResidentOp(10, 11),
    ];

    private static Gen<int> Small(int max) => Gen.Choose(1, max);

    // Declared before Op: static initialisers run in text order.
    public static Gen<CommunityOp> IssueGen { get; } =
        from level in Gen.Elements(ControlLevel.Precaution, ControlLevel.Controlled, ControlLevel.Sealed)
        from kind in Gen.Elements(ControlScopeKind.Community, ControlScopeKind.Compound, ControlScopeKind.Building, ControlScopeKind.Unit, ControlScopeKind.Household)
        from target in kind == ControlScopeKind.Community ? Gen.Constant(0) : Small(kind switch { ControlScopeKind.Compound => 3, ControlScopeKind.Building => 5, ControlScopeKind.Unit => 7, _ => 11 })
        from start in Gen.Choose(-10, 150)
        from duration in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 120).Select(d => (int?)d))
        select (CommunityOp)new IssueOp(level, kind, target, start, duration);

    public static Gen<CommunityOp> Op { get; } = Gen.Frequency(
        (1, Small(4).Select(n => (CommunityOp)new AddCompoundOp(n))),
        (1, from c in Small(4) from n in Small(3) from x in Gen.Choose(-100, 100) from y in Gen.Choose(-100, 100) select (CommunityOp)new AddBuildingOp(c, n, x, y)),
        (1, from b in Small(7) from n in Small(3) from f in Gen.Choose(1, 8) select (CommunityOp)new AddUnitOp(b, n, f)),
        (1, from c in Small(3) from k in Gen.Elements(PostKind.Gate, PostKind.Checkpoint, PostKind.TestingSite, PostKind.DeliveryTeam) from n in Small(3) select (CommunityOp)new AddPostOp(c, k, n)),
        (2, from u in Small(9) from f in Gen.Choose(1, 8) from d in Small(2) select (CommunityOp)new RegisterHouseholdOp(u, f, d)),
        (2, from h in Small(13) from p in Gen.Choose(0, PeoplePool.Registrations.Count - 1) select (CommunityOp)new RegisterResidentOp(h, p)),
        (2, from r in Small(16) from h in Small(13) from t in Gen.Choose(-5, 100) select (CommunityOp)new MoveResidentOp(r, h, t)),
        (3, from r in Small(16) from p in Gen.Elements(Presence.Present, Presence.Away, Presence.MovedOut) from t in Gen.Choose(-5, 100) select (CommunityOp)new PresenceOp(r, p, t)),
        (1, from h in Small(13) from r in Gen.OneOf(Gen.Constant<int?>(null), Small(16).Select(x => (int?)x)) from ph in Gen.Elements(true, false) select (CommunityOp)new ContactOp(h, r, ph)),
        (4, IssueGen),
        (2, from o in Small(8) from t in Gen.Choose(-10, 200) select (CommunityOp)new LiftOp(o, t)));

    /// <summary>Op sequences that shrink by dropping ops (halves, then one fewer), so a counterexample is a short readable script.</summary>
    public static Arbitrary<CommunityOp[]> Sequences(Gen<CommunityOp> op, int maxLength) =>
        Arb.From(
            Gen.Choose(0, maxLength).SelectMany(n => Gen.ArrayOf(op, n)),
            ops => ScriptShrinkers.Fewer(ops));
}

/// <summary>Arbitraries for the community properties.</summary>
public static class CommunityArbitraries
{
    public static Arbitrary<CommunityOp[]> Ops() => CommunityOps.Sequences(CommunityOps.Op, 40);
}

/// <summary>Arbitraries weighted towards control orders, for the effective-level properties.</summary>
public static class ControlArbitraries
{
    public static Arbitrary<CommunityOp[]> Ops() => CommunityOps.Sequences(
        Gen.Frequency((6, CommunityOps.IssueGen), (2, Gen.Choose(1, 10).SelectMany(o => Gen.Choose(-10, 200).Select(t => (CommunityOp)new LiftOp(o, t)))), (1, CommunityOps.Op)),
        30);
}
