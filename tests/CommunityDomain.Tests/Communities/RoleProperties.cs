using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Communities.Incidents;
using CommunityDomain.Kernel;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Communities;

/// <summary>One community command with small-index targets, run by a given actor.</summary>
public sealed record RoleCommand(int Kind, int A, int B, Actor By)
{
    public const int Kinds = 17;

    /// <summary>Runs the command as <paramref name="by"/>; returns the OneOf's value (an entity, Success, or a DomainError).</summary>
    public object Run(Community c, Actor by) => Kind switch
    {
        0 => c.AddCompound($"Compound R{A}", by).Value,
        1 => c.AddBuilding(new Id<Compound>(A), $"RB{B}", new Position(B, A), by).Value,
        2 => c.AddUnit(new Id<Building>(A), $"RU{B}", 6, by).Value,
        3 => c.AddPost(new Id<Compound>(A), PostKind.Gate, $"RP{B}", by).Value,
        4 => c.RegisterHousehold(new Room(new Id<Unit>(A), 1 + (B % 6), $"9{B}"), by).Value,
        5 => c.RegisterResident(new Id<Household>(A), PeoplePool.Registrations[B % PeoplePool.Registrations.Count], by).Value,
        6 => c.MoveResident(new Id<Resident>(A), new Id<Household>(1 + B), CommunityOps.At(1 + B), by).Value,
        7 => c.MarkAway(new Id<Resident>(A), CommunityOps.At(2 + B), by).Value,
        8 => c.MoveOut(new Id<Resident>(A), CommunityOps.At(3 + B), by).Value,
        9 => c.SetHouseholdContact(new Id<Household>(A), null, new CommunityDomain.Communities.Identity.PhoneNumber("13800138000"), by).Value,
        10 => c.Issue(ControlOrderRequest.Sealed(B % 2 == 0 ? (ControlScope)new Id<Compound>(A) : new Id<Household>(A), CommunityOps.At(B), "role test"), by).Value,
        11 => c.Lift(new Id<ControlOrder>(A), CommunityOps.At(50 + B), "role test", by).Value,
        12 => c.ReportIncident(new Id<Post>(A), IncidentKind.GateFailure, CommunityOps.At(B), 1, "gate motor", by).Value,
        13 => c.ResolveIncident(new Id<Incident>(A), CommunityOps.At(200 + B), new IncidentCost(0m, "residents"), by).Value,
        14 => c.AssignRepair(new Id<Incident>(A), "repair team", null, by).Value,
        15 => c.MarkPresent(new Id<Resident>(A), CommunityOps.At(4 + B), by).Value,
        // Residents moved out at hour 3 + B: a 0- or 1-day policy applied at day 3 erases them.
        _ => c.ApplyRetention(new RetentionPolicy(B % 2), CommunityOps.At(72 + B), by).Value,
    };

    public override string ToString() => $"#{Kind}({A},{B}) by {By.Account}/{By.Role}/{By.Area}";
}

/// <summary>Scripts of community commands by actors of every role over every kind of area.</summary>
public static class RoleArbitraries
{
    public static Gen<RoleCommand> Command { get; } =
        from kind in Gen.Choose(0, RoleCommand.Kinds - 1)
        from a in Gen.Choose(1, 12)
        from b in Gen.Choose(0, 20)
        from actor in RoleScripts.Actors
        select new RoleCommand(kind, a, b, actor);

    public static Arbitrary<RoleCommand[]> Scripts() => Arb.From(
        Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Command, n)),
        s => ScriptShrinkers.Fewer(s));
}

/// <summary>Roles and jurisdiction: a command outside the actor's role or area is refused and changes nothing (the shared <see cref="RoleScripts"/> property).</summary>
public sealed class RoleProperties
{
    /// <summary>The permission a command needs and where its target lies (compound, building), from the state before it; null target when unknown.</summary>
    private static (Permission Needed, (int? Compound, int? Building)[]? Places) Expect(RoleCommand cmd, Community c)
    {
        (int? Compound, int? Building) OfHousehold(int h)
        {
            var home = c.Get(new Id<Household>(h));
            return (home.CompoundId.Value, home.BuildingId.Value);
        }

        bool HasCompound(int x) => c.Compounds.Any(k => k.Id.Value == x);
        bool HasBuilding(int x) => c.Compounds.SelectMany(k => k.Buildings).Any(b => b.Value == x);
        bool HasUnit(int x) => c.Compounds.SelectMany(k => k.Buildings).SelectMany(b => c.Get(b).Units).Any(u => u.Value == x);
        bool HasHousehold(int h) => c.Households.Any(x => x.Id.Value == h);
        bool Active(int r) => c.Residents.Any(x => x.Id.Value == r) && c.Get(new Id<Resident>(r)).Presence != Presence.MovedOut;
        (int? Compound, int? Building)[]? none = null;
        (int? Compound, int? Building)[] Compound(int x) => [(x, null)];

        switch (cmd.Kind)
        {
            case 0:
                return (Permission.Structure, [(null, null)]);
            case 1:
                return (Permission.Structure, HasCompound(cmd.A) ? Compound(cmd.A) : none);
            case 2:
                return (Permission.Structure, HasBuilding(cmd.A) ? [(c.Get(new Id<Building>(cmd.A)).CompoundId.Value, cmd.A)] : none);
            case 3:
                return (Permission.Posts, HasCompound(cmd.A) ? Compound(cmd.A) : none);
            case 4:
                if (!HasUnit(cmd.A))
                {
                    return (Permission.Register, none);
                }

                var building = c.Get(new Id<Unit>(cmd.A)).BuildingId;
                return (Permission.Register, [(c.Get(building).CompoundId.Value, building.Value)]);
            case 5 or 9:
                return (Permission.Register, HasHousehold(cmd.A) ? [OfHousehold(cmd.A)] : none);
            case 6:
                return (Permission.Register, Active(cmd.A) && HasHousehold(cmd.B + 1)
                    ? [OfHousehold(c.Get(new Id<Resident>(cmd.A)).HouseholdId.Value), OfHousehold(cmd.B + 1)] : none);
            case 7 or 8:
                return (Permission.Register, Active(cmd.A) ? [OfHousehold(c.Get(new Id<Resident>(cmd.A)).HouseholdId.Value)] : none);
            case 10 when cmd.B % 2 == 0:
                return (Permission.ControlOrders, HasCompound(cmd.A) ? Compound(cmd.A) : none);
            case 10:
                return (Permission.ControlOrders, HasHousehold(cmd.A) ? [OfHousehold(cmd.A)] : none);
            case 11:
                return (Permission.ControlOrders, none);
            case 12:
                var post = c.ToState().Posts.FirstOrDefault(p => p.Id == cmd.A);
                return (Permission.ReportIncidents, post is null ? none : Compound(post.CompoundId));
            case 13 or 14:
                // The incident's post's compound.
                var state = c.ToState();
                var incident = state.Incidents.FirstOrDefault(i => i.Id == cmd.A);
                return (Permission.ManageIncidents, incident is null ? none : Compound(state.Posts.Single(p => p.Id == incident.PostId).CompoundId));
            case 15:
                return (Permission.Register, Active(cmd.A) ? [OfHousehold(c.Get(new Id<Resident>(cmd.A)).HouseholdId.Value)] : none);
            default:
                return (Permission.Register, [(null, null)]);
        }
    }

    [Property(Arbitrary = [typeof(RoleArbitraries)], MaxTest = 200)]
    public void No_refused_command_changes_any_state_and_a_permitted_one_is_judged_as_the_system_would(RoleCommand[] script)
    {
        var clock = new FakeClock(CommunityOps.T0);
        var community = CommunityOps.Seeded(clock);
        RoleScripts.Check(
            community,
            c => Community.Restore(c.ToState(), clock),
            c => c.ToState(),
            script.Select(cmd => new RoleStep<Community>(cmd.ToString(), cmd.By, cmd.Run, c => Expect(cmd, c))),
            () => clock.AdvanceMinutes(1));
    }

    [Fact]
    public void Compound_head_sealing_a_household_of_another_compound_is_refused_in_both_languages()
    {
        var community = CommunityOps.Seeded();
        var head = Actor.CompoundHead("dongfang.head", community.Get(new Id<Compound>(1)).Area);
        var before = community.ToState();
        var otherCompoundHome = community.Households.First(h => h.CompoundId == new Id<Compound>(2));

        var posted = community.AddPost(new Id<Compound>(1), PostKind.Gate, "东门", head);
        var elsewhere = community.AddPost(new Id<Compound>(2), PostKind.Gate, "西门", head);
        var sealing = community.Issue(ControlOrderRequest.Sealed(otherCompoundHome.Id, CommunityOps.At(1), "contact"), head);

        Assert.True(posted.IsT0);
        var outside = Assert.IsType<NotPermitted>(elsewhere.Value);
        Assert.True(outside.OutsideArea);
        Assert.Equal("kernel.outside-area", outside.Code);
        var noRole = Assert.IsType<NotPermitted>(sealing.Value);
        Assert.False(noRole.OutsideArea);
        Assert.Equal("dongfang.head (compound head) may not issue or lift control orders.", noRole.MessageIn(System.Globalization.CultureInfo.GetCultureInfo("en")));
        Assert.Equal("dongfang.head（小区主任）无权发布或解除管控令。", noRole.MessageIn(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Empty(community.ControlOrders);
        Assert.Equal(before.Posts.Count + 1, community.ToState().Posts.Count);
    }

    [Fact]
    public void Plain_string_actor_is_office_over_the_whole_community_without_personal_data()
    {
        var actor = Actor.Of("office.wang");

        Assert.Equal(Role.Office, actor.Role);
        Assert.Equal(Area.WholeCommunity, actor.Area);
        Assert.True(actor.May(Permission.ControlOrders));
        Assert.False(actor.May(Permission.PersonalData));
        Assert.True(actor.WithPersonalData().May(Permission.PersonalData));
        Assert.True(Actor.System.May(Permission.PersonalData));
        Assert.Equal(actor, new Actor("office.wang", Role.Office, Area.WholeCommunity));
        Assert.Throws<ArgumentException>("role", () => new Actor("x", Role.System, Area.WholeCommunity));
        Assert.Throws<ArgumentException>("id", () => new Area(AreaKind.Compound, 0));
    }

    [Fact]
    public void Register_export_is_a_permission_of_its_own_for_every_role_and_keeps_to_the_area()
    {
        // docs/security.md: seeing clear personal data is granted on its own (WithPersonalData), never implied by a role,
        // and grants nothing else; the export holds the current residents of the actor's area only.
        var community = CommunityOps.Seeded();
        Assert.True(community.MoveOut(new Id<Resident>(3), CommunityOps.At(1)).IsT0);
        Area[] areas = [Area.WholeCommunity, new Area(AreaKind.Compound, 1), new Area(AreaKind.Compound, 2), new Area(AreaKind.Building, 1), new Area(AreaKind.Building, 4)];
        foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.System))
        {
            foreach (var area in areas)
            {
                var plain = new Actor("acct", role, area);
                var granted = new Actor("acct", role, area, personalData: true);
                var expected = community.Residents
                    .Where(r => r.Presence != Presence.MovedOut)
                    .Where(r => RoleScripts.Covers(area, community.Get(r.HouseholdId).CompoundId.Value, community.Get(r.HouseholdId).BuildingId.Value))
                    .Select(r => r.Id).ToList();

                var refused = Assert.IsType<NotPermitted>(community.ExportRegister(plain).Value);
                var entries = community.ExportRegister(granted).AsT0;

                Assert.Equal(Permission.PersonalData, refused.Needed);
                Assert.False(refused.OutsideArea);
                Assert.Equal(expected, entries.Select(e => e.Resident));
                Assert.All(entries, e => Assert.Equal(community.Get(e.Resident).Name, e.Name));
                Assert.All(Enum.GetValues<Permission>().Where(p => p != Permission.PersonalData), p => Assert.Equal(plain.May(p), granted.May(p)));
            }
        }

        Assert.Equal(community.Residents.Count - 1, community.ExportRegister(Actor.System).AsT0.Length);
        Assert.NotEmpty(community.ExportRegister(new Actor("acct", Role.GateDevice, new Area(AreaKind.Building, 1), personalData: true)).AsT0);
    }
}
