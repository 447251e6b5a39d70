using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Events;
using CommunityDomain.Kernel;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Communities;

/// <summary>
/// Time moves forward per record (issue 18): a change of a resident dated before the change it follows is refused with
/// <see cref="CommunityDomain.Communities.Errors.ChangeOutOfOrder"/> and changes nothing, whatever the kinds of the two changes; an
/// incident is resolved after it was reported.
/// </summary>
[Properties(Arbitrary = [typeof(FactOrderArbitraries)], MaxTest = 200)]
public sealed class FactOrderProperties
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static Instant Local(int month, int day, int hour) => new LocalDateTime(2022, month, day, hour, 0).InZoneStrictly(Shanghai).ToInstant();

    [Fact]
    public void MoveOut_dated_before_the_residents_move_is_refused_and_changes_nothing()
    {
        var clock = new FakeClock(Local(8, 1, 9));
        var community = Community.Create("Pubai", Shanghai, clock);
        var compound = community.AddCompound("东方小区").AsT0;
        var building = community.AddBuilding(compound.Id, "3号楼", default).AsT0;
        var unit = community.AddUnit(building.Id, "2单元", 6).AsT0;
        var room101 = community.RegisterHousehold(new Room(unit.Id, 1, "101")).AsT0;
        var room102 = community.RegisterHousehold(new Room(unit.Id, 1, "102")).AsT0;
        var resident = community.RegisterResident(room101.Id, PeoplePool.Registrations[0]).AsT0;
        Assert.True(community.MoveResident(resident.Id, room102.Id, Local(8, 15, 10)).IsT0);
        var before = community.ToState();
        var version = community.Version;
        var events = community.PendingEvents.Count;

        var moveOut = community.MoveOut(resident.Id, Local(8, 12, 9));

        Assert.True(moveOut.IsT3, moveOut.Value.ToString());
        Assert.Equal((resident.Id, Local(8, 12, 9), Local(8, 15, 10)), (moveOut.AsT3.Resident, moveOut.AsT3.RequestedAt, moveOut.AsT3.LastChangeAt));
        Assert.Contains("out of order", moveOut.AsT3.MessageIn(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("顺序", moveOut.AsT3.MessageIn(new CultureInfo("zh-CN")), StringComparison.Ordinal);
        Assert.Equal(before, community.ToState());
        Assert.Equal(version, community.Version);
        Assert.Equal(events, community.PendingEvents.Count);
        Assert.Equal(Presence.Present, community.Get(resident.Id).Presence);
        Assert.Equal(room102.Id, community.Get(resident.Id).HouseholdId);

        // The same move-out dated after the move is accepted.
        Assert.True(community.MoveOut(resident.Id, Local(8, 16, 9)).IsT0);
    }

    [Fact]
    public void A_move_dated_before_going_away_is_refused_and_the_last_change_survives_storing()
    {
        var community = CommunityOps.Seeded();
        var resident = community.Residents[0].Id;
        Assert.True(community.MarkAway(resident, CommunityOps.At(10)).IsT0);
        Assert.True(community.MoveResident(resident, community.Households[5].Id, CommunityOps.At(20)).IsT0);

        var restored = Community.Restore(community.ToState(), new FakeClock(CommunityOps.At(30)));

        Assert.Equal(CommunityOps.At(20), restored.Get(resident).LastChangeAt);
        Assert.True(restored.MarkPresent(resident, CommunityOps.At(15)).IsT3);
        Assert.True(restored.MoveResident(resident, community.Households[6].Id, CommunityOps.At(19)).IsT4);
        Assert.True(restored.MarkPresent(resident, CommunityOps.At(20)).IsT0);
    }

    [Fact]
    public void A_stored_resident_whose_last_change_precedes_their_presence_change_is_rejected()
    {
        var community = CommunityOps.Seeded();
        Assert.True(community.MarkAway(community.Residents[0].Id, CommunityOps.At(10)).IsT0);
        var state = community.ToState();
        var damaged = state with { Residents = [state.Residents[0] with { LastChangeAt = CommunityOps.At(9) }, .. state.Residents.Skip(1)] };

        var thrown = Assert.Throws<ArgumentException>(() => Community.Restore(damaged, new FakeClock(CommunityOps.At(30))));
        Assert.Equal("state", thrown.ParamName);
    }

    /// <summary>
    /// Over scripts of moves, presence changes, move-outs and incidents with shuffled times: every command keeps the
    /// aggregate's atomicity, and a recount from the raised events finds no resident fact dated before the one it
    /// follows and no incident resolved before it was reported.
    /// </summary>
    [Property]
    public void No_accepted_fact_is_dated_before_the_fact_it_follows_for_the_same_record(CommunityOp[] ops)
    {
        var clock = new FakeClock(CommunityOps.T0);
        var community = IncidentArbitraries.Seeded(clock);

        // Seeded residents were registered at T0 (the clock's start): their first fact.
        var last = community.Residents.ToDictionary(r => r.Id, _ => CommunityOps.T0);
        CommandAtomicity.Check(community, clock, ops);

        var reported = new Dictionary<Id<CommunityDomain.Communities.Incidents.Incident>, Instant>();
        foreach (var e in community.DequeueEvents())
        {
            switch (e)
            {
                case ResidentRegistered r:
                    last[r.Resident] = r.OccurredAt;
                    break;
                case ResidentMoved m:
                    Follow(m.Resident, m.At);
                    break;
                case ResidentWentAway w:
                    Follow(w.Resident, w.Since);
                    break;
                case ResidentReturned b:
                    Follow(b.Resident, b.Since);
                    break;
                case ResidentMovedOut o:
                    Follow(o.Resident, o.At);
                    break;
                case IncidentReported i:
                    reported[i.Incident] = i.ReportedAt;
                    break;
                case IncidentResolved s:
                    Assert.True(s.ResolvedAt > reported[s.Incident], $"{s.Incident} resolved at {s.ResolvedAt}, reported at {reported[s.Incident]}");
                    break;
            }
        }

        void Follow(Id<Resident> resident, Instant at)
        {
            Assert.True(at >= last[resident], $"{resident}: a fact at {at} accepted after one at {last[resident]}");
            last[resident] = at;
        }
    }
}

/// <summary>Community scripts weighted to dated resident changes (hours -5 to 100 around the seed's registrations) and incidents.</summary>
public static class FactOrderArbitraries
{
    public static Arbitrary<CommunityOp[]> Ops() => CommunityOps.Sequences(
        Gen.Frequency(
            (3, from r in Gen.Choose(1, 14) from h in Gen.Choose(1, 11) from t in Gen.Choose(-5, 100) select (CommunityOp)new MoveResidentOp(r, h, t)),
            (4, from r in Gen.Choose(1, 14) from p in Gen.Elements(Presence.Present, Presence.Away, Presence.MovedOut) from t in Gen.Choose(-5, 100) select (CommunityOp)new PresenceOp(r, p, t)),
            (2, IncidentArbitraries.IncidentOp),
            (1, CommunityOps.Op)),
        40);
}
