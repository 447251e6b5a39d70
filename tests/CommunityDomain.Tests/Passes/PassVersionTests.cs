using CommunityDomain.Communities;
using CommunityDomain.Communities.Control;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using CommunityDomain.Passes.Events;
using CommunityDomain.Passes.State;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Passes;

/// <summary>The pass office's batch and the gate device follow the kernel's one-version-per-command rule.</summary>
public sealed class PassVersionTests
{
    private static readonly Instant Evening = Instant.FromUtc(2022, 8, 20, 10, 30);
    private static readonly PassPolicy TwoPerDay = new(2, Duration.FromDays(1), Duration.FromHours(2), Duration.FromHours(12));

    [Fact]
    public void IssueBatch_thirty_requests_raise_the_version_once_with_one_event_per_pass()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(TwoPerDay, keys, new FakeClock(Evening));
        // 30 requests from 12 households, 3 of them sealed: the third request of a household is over quota.
        var requests = Enumerable.Range(0, 30).Select(i => new PassRequest(
            new Id<Household>((i % 12) + 1), i % 12 == 5 ? ControlLevel.Sealed : ControlLevel.Controlled, Evening - Duration.FromHours(3), Evening)).ToList();

        var results = office.IssueBatch(requests, Actor.Of("volunteer.li"));

        var issued = results.Where(r => r.IsT0).Select(r => r.AsT0).ToList();
        Assert.Equal(11 * 2, issued.Count); // 11 open households, 2 passes each per day
        Assert.Equal(3, results.Count(r => r.IsT1));
        Assert.Equal(30 - 22 - 3, results.Count(r => r.IsT2));
        Assert.Equal(1, office.Version);
        var events = office.DequeueEvents().Cast<PassIssued>().ToList();
        Assert.Equal(issued.Select(p => p.Content.Serial), events.Select(e => e.Serial));
        Assert.All(events, e => Assert.Equal((1L, Evening, "volunteer.li"), (e.Version, e.OccurredAt, e.By.Account)));

        // The stored office (22 passes at version 1) restores; a later single issue is version 2.
        var restored = PassOffice.Restore(CommunityJson.Read<PassOfficeState>(CommunityJson.Write(office.ToState())).AsT0, keys, new FakeClock(Evening));
        Assert.Equal(office.ToState(), restored.ToState());
        Assert.True(restored.Issue(new PassRequest(new Id<Household>(40), ControlLevel.Controlled, Evening - Duration.FromHours(3), Evening)).IsT0);
        Assert.Equal(2, restored.Version);
    }

    [Fact]
    public void IssueBatch_nothing_issued_or_a_default_request_changes_nothing()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(TwoPerDay, keys, new FakeClock(Evening));
        var good = new PassRequest(new Id<Household>(1), ControlLevel.Controlled, Evening - Duration.FromHours(3), Evening);

        Assert.True(office.IssueBatch([new PassRequest(new Id<Household>(1), ControlLevel.Sealed, null, Evening)]).Single().IsT1);
        Assert.Empty(office.IssueBatch([]));
        Assert.Equal("requests", Assert.Throws<ArgumentException>(() => office.IssueBatch([good, default])).ParamName);

        Assert.Equal((0L, 0, 0), (office.Version, office.Issued.Count, office.PendingEvents.Count));
    }

    [Fact]
    public void Gate_exit_return_and_load_each_raise_one_version_and_one_event_at_the_given_instant()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(2));
        var office = PassOffice.Open(TwoPerDay, keys, new FakeClock(Evening));
        var code = office.Issue(new PassRequest(new Id<Household>(7), ControlLevel.Controlled, Evening - Duration.FromHours(3), Evening)).AsT0.Code;
        var gate = new PassGate(keys.VerificationKeys(), TwoPerDay);
        var guard = Actor.Of("gate.dongfang");

        Assert.True(gate.Exit(code, Evening + Duration.FromMinutes(5), guard).IsT0);
        Assert.True(gate.Exit(code, Evening + Duration.FromMinutes(6)).IsT1); // already used: nothing changes
        Assert.True(gate.Return(code, Evening + Duration.FromMinutes(150), guard).AsT0.Late);
        Assert.Equal(2, gate.LoadRevocations([new PassSerial(9), new PassSerial(3), new PassSerial(9)], Evening + Duration.FromHours(3)));
        Assert.Equal(0, gate.LoadRevocations([new PassSerial(3)], Evening + Duration.FromHours(4)));

        Assert.Equal(3, gate.Version);
        var events = gate.DequeueEvents();
        var exit = Assert.IsType<GateExitRecorded>(events[0]);
        Assert.Equal((1L, Evening + Duration.FromMinutes(5), "gate.dongfang", 7), (exit.Version, exit.OccurredAt, exit.By.Account, exit.Household.Value));
        var back = Assert.IsType<GateReturnRecorded>(events[1]);
        Assert.Equal((2L, Evening + Duration.FromMinutes(150), Evening + Duration.FromMinutes(5), true), (back.Version, back.OccurredAt, back.WentOut, back.Late));
        var load = Assert.IsType<GateRevocationsLoaded>(events[2]);
        Assert.Equal((3L, "system"), (load.Version, load.By.Account));
        Assert.Equal([3, 9], load.Serials.Select(s => s.Value));

        // The version is stored and restored; an older document without one restores at the least its records allow.
        var state = gate.ToState();
        Assert.Equal(3, PassGate.Restore(state, keys.VerificationKeys(), TwoPerDay).Version);
        Assert.Equal(3, PassGate.Restore(state with { Version = 0 }, keys.VerificationKeys(), TwoPerDay).Version);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => PassGate.Restore(state with { Version = 2 }, keys.VerificationKeys(), TwoPerDay)).ParamName);
    }

    [Fact]
    public void Gate_events_and_state_carry_no_key_material_or_names()
    {
        using var keys = PassSigningKeys.Generate(new PassKeyId(2));
        var office = PassOffice.Open(TwoPerDay, keys, new FakeClock(Evening));
        var code = office.Issue(new PassRequest(new Id<Household>(7), ControlLevel.Controlled, Evening - Duration.FromHours(3), Evening)).AsT0.Code;
        var gate = new PassGate(keys.VerificationKeys(), TwoPerDay);
        _ = gate.Exit(code, Evening);
        var json = CommunityJson.Write<IReadOnlyList<IDomainEvent>>(gate.DequeueEvents());
        Assert.DoesNotContain(code, json, StringComparison.Ordinal);
        Assert.Contains("passes.gate-exit-recorded", json, StringComparison.Ordinal);
    }
}
