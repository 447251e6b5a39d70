using CommunityDomain.Communities;
using CommunityDomain.Communities.Events;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Communities;

/// <summary>Personal-data lifecycle: erasure after a retention period, anonymised statistics, clear exports by permission only.</summary>
public sealed class RetentionProperties
{
    /// <summary>A script of moves out at random hours, then a retention policy applied at a random later time.</summary>
    public sealed record RetentionCase(int[] MoveOutResidents, int[] MoveOutHours, int Days, int ApplyAfterHours)
    {
        public override string ToString() => $"out [{string.Join(",", MoveOutResidents.Zip(MoveOutHours, (r, h) => $"{r}@{h}h"))}], keep {Days} d, apply at +{ApplyAfterHours} h";
    }

    public static class Cases
    {
        public static Arbitrary<RetentionCase> Retention() => (
            from n in Gen.Choose(0, 12)
            from residents in Gen.ArrayOf(Gen.Choose(1, 14), n)
            from hours in Gen.ArrayOf(Gen.Choose(1, 24 * 60), n)
            from days in Gen.Choose(0, 60)
            from after in Gen.Choose(0, 24 * 120)
            select new RetentionCase(residents, hours, days, after)).ToArbitrary();
    }

    private static IEnumerable<string> SecretsOf(ResidentRegistration r) =>
        new[] { r.Name.Value, r.Document?.Number, r.Phone?.Value }.OfType<string>().Where(s => s.Length > 1);

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 150)]
    public void After_erasure_no_snapshot_export_or_event_holds_the_erased_values_and_statistics_are_unchanged(RetentionCase c)
    {
        var clock = new FakeClock(CommunityOps.T0);
        var community = CommunityOps.Seeded(clock);
        for (var i = 0; i < c.MoveOutResidents.Length; i++)
        {
            // Out-of-order or repeated moves are refused as usual: the script is what a messy office would type.
            _ = community.MoveOut(new Id<Resident>(c.MoveOutResidents[i]), CommunityOps.At(c.MoveOutHours.Take(i + 1).Max()));
        }

        var at = CommunityOps.At(24 * 60 + c.ApplyAfterHours);
        clock.Reset(at);
        var policy = new RetentionPolicy(c.Days);
        var before = community.ToState();
        var statsBefore = community.ExportStatistics(at).AsT0;
        // Independent expectation: moved out more than the kept days ago.
        var due = before.Residents.Where(r => r.Presence == Presence.MovedOut && at - r.PresenceSince > Duration.FromDays(c.Days)).ToList();
        var kept = before.Residents.Except(due).ToList();
        var version = community.Version;
        community.DequeueEvents();

        var erased = community.ApplyRetention(policy, at, Actor.Of("office")).AsT0;

        Assert.Equal(due.Select(r => r.Id).Order(), erased.Select(r => r.Value).Order());
        Assert.Equal(due.Count == 0 ? version : version + 1, community.Version);
        var events = community.DequeueEvents();
        Assert.Equal(due.Select(r => r.Id), events.Cast<ResidentDataErased>().Select(e => e.Resident.Value));
        Assert.Equal(statsBefore, community.ExportStatistics(at).AsT0);

        var after = community.ToState();
        var snapshot = CommunityJson.Write(after);
        var restored = Community.Restore(after, clock);
        var texts = new List<string> { snapshot, after.ToString(), CommunityJson.Write(restored.ToState()), CommunityJson.Write(community.ExportStatistics(at).AsT0) };
        // JSON may escape non-ASCII names, so the snapshot's clear values are also checked as plain text.
        texts.AddRange(after.Residents.Select(r => $"{r.Registration.Name.Value} {r.Registration.Document?.Number} {r.Registration.Phone?.Value}"));
        texts.AddRange(community.ExportRegister(Actor.System).AsT0.Select(e => $"{e.Name.Value} {e.Document?.Number} {e.Phone?.Value}"));
        texts.AddRange(events.Select(e => e.ToString()!));
        texts.AddRange(after.Households.Select(h => h.ContactPhone?.Value ?? string.Empty));

        // The erased values are those no kept resident shares (two pool entries never share a number or phone).
        var keptSecrets = kept.SelectMany(r => SecretsOf(r.Registration)).ToHashSet();
        foreach (var secret in due.SelectMany(r => SecretsOf(r.Registration)).Where(s => !keptSecrets.Contains(s)))
        {
            Assert.All(texts, t => Assert.DoesNotContain(secret, t, StringComparison.Ordinal));
        }

        Assert.All(due, r => Assert.True(restored.Get(new Id<Resident>(r.Id)).IsErased));
        Assert.All(kept, r => Assert.Equal(r, after.Residents[r.Id - 1]));

        // Applying it again erases nothing and changes nothing.
        var again = community.ApplyRetention(policy, at, Actor.Of("office")).AsT0;
        Assert.Empty(again);
        Assert.Equal(after, community.ToState());
    }

    [Fact]
    public void Statistics_hold_no_name_id_number_phone_or_room()
    {
        var community = CommunityOps.Seeded();
        var stats = community.ExportStatistics(CommunityOps.At(1)).AsT0;
        var json = CommunityJson.Write(stats);

        Assert.Equal(community.Residents.Count, stats.Compounds.Sum(c => c.Present + c.Away + c.MovedOut));
        Assert.Equal(community.Households.Count, stats.Compounds.Sum(c => c.Households));
        // A room would be written as a JSON string: look for the quoted door labels.
        foreach (var secret in PeoplePool.Registrations.SelectMany(SecretsOf).Concat(community.Households.Select(h => $"\"{h.Room.Door}\"")))
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Register_export_needs_the_personal_data_permission_and_keeps_to_the_area()
    {
        var community = CommunityOps.Seeded();
        var office = Actor.Of("office.li");
        var head = Actor.CompoundHead("head.2", community.Get(new Id<Compound>(2)).Area);

        var refused = community.ExportRegister(office).AsT1;
        var all = community.ExportRegister(office.WithPersonalData()).AsT0;
        var own = community.ExportRegister(new Actor("head.2", Role.CompoundHead, community.Get(new Id<Compound>(2)).Area, personalData: true)).AsT0;

        Assert.Equal(Permission.PersonalData, refused.Needed);
        Assert.True(community.ExportRegister(head).IsT1);
        Assert.Equal(community.Residents.Count, all.Length);
        Assert.Equal("张三", all[0].Name.Value);
        Assert.DoesNotContain("张三", all[0].ToString(), StringComparison.Ordinal);
        Assert.All(own, e => Assert.Equal(new Id<Compound>(2), community.Get(e.Household).CompoundId));
        Assert.NotEmpty(own);
        Assert.True(own.Length < all.Length);
        Assert.True(community.ExportStatistics(CommunityOps.At(1), head).IsT1);
    }
}
