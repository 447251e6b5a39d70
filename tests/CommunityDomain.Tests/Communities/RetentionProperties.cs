using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Events;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Contracts;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace CommunityDomain.Tests.Communities;

/// <summary>Personal-data lifecycle: erasure after a retention period, anonymised statistics, clear exports by permission only.</summary>
public sealed class RetentionProperties
{
    /// <summary>
    /// One step of a messy office's script before retention: <c>Kind</c> 0 registers another pool person (12-17) in a
    /// household, 1 sets a household contact, 2 moves a resident to another household, 3 moves a resident out.
    /// A contact's phone (<c>Phone</c>): 0 none, 1 the contact person's own phone, 2 a number no one else has (a relative's),
    /// 3 another resident's phone; its person (<c>Resident</c>) is null for the household's own number.
    /// </summary>
    public sealed record ErasureOp(int Kind, int Household, int? Resident, int Phone, int Hours)
    {
        public override string ToString() => Kind switch
        {
            0 => $"register pool#{12 + (Household % 6)} in h{1 + (Household % 10)}",
            1 => $"contact h{Household} = r{Resident?.ToString(CultureInfo.InvariantCulture) ?? "-"} phone#{Phone}",
            2 => $"move r{Resident} to h{Household} @{Hours}h",
            _ => $"move out r{Resident} @{Hours}h",
        };
    }

    /// <summary>A script, then a retention policy applied at a random later time.</summary>
    public sealed record RetentionCase(ErasureOp[] Ops, int Days, int ApplyAfterHours)
    {
        public override string ToString() => $"[{string.Join("; ", Ops.Select(o => o.ToString()))}], keep {Days} d, apply at +{ApplyAfterHours} h";
    }

    public static class Cases
    {
        private static readonly Gen<ErasureOp> Op =
            from kind in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)), (3, Gen.Constant(3)))
            from household in Gen.Choose(1, 10)
            from resident in Gen.Frequency((1, Gen.Constant<int?>(null)), (5, Gen.Choose(1, 18).Select(r => (int?)r)))
            from phone in Gen.Choose(0, 3)
            from hours in Gen.Choose(1, 24 * 60)
            select new ErasureOp(kind, household, kind is 2 or 3 ? resident ?? 1 : resident, phone, hours);

        // Whole-day days (0 keeps nothing), applied up to 120 days later: understaffed offices apply it late or never.
        public static Arbitrary<RetentionCase> Retention() => Arb.From(
            from n in Gen.Choose(0, 24)
            from ops in Gen.ArrayOf(Op, n)
            from days in Gen.Choose(0, 60)
            from after in Gen.Choose(0, 24 * 120)
            select new RetentionCase(ops, days, after),
            c => Enumerable.Range(0, c.Ops.Length).Select(i => c with { Ops = c.Ops.Where((_, j) => j != i).ToArray() }));
    }

    private static IEnumerable<string> SecretsOf(ResidentRegistration r) =>
        new[] { r.Name.Value, r.Document?.Number, r.Phone?.Value }.OfType<string>().Where(s => s.Length > 1);

    /// <summary>Runs the script; returns every (phone, resident) pair a contact phone was given for, and whom each household's
    /// current contact phone was given for, by the test's own bookkeeping.</summary>
    private static (List<(string Phone, int Resident)> Ever, Dictionary<int, int?> Now) RunScript(Community community, ErasureOp[] ops)
    {
        var givenFor = new List<(string, int)>();
        var now = new Dictionary<int, int?>();
        var last = 0;
        for (var i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            // Mostly in order, as a desk types them; out-of-order or repeated changes are refused as usual.
            last = Math.Max(last, op.Hours % 3 == 0 ? op.Hours / 2 : op.Hours);
            switch (op.Kind)
            {
                case 0:
                    _ = community.RegisterResident(new Id<Household>(1 + (op.Household % 10)), PeoplePool.Registrations[12 + (op.Household % 6)]);
                    break;
                case 1:
                    Id<Resident>? person = op.Resident is { } r && r <= community.Residents.Count ? new Id<Resident>(r) : null;
                    var phone = op.Phone switch
                    {
                        0 => null,
                        1 => person is { } p ? community.Get(p).Phone : null,
                        2 => new PhoneNumber(string.Create(CultureInfo.InvariantCulture, $"137{i:D8}")),
                        _ => community.Residents.Select(x => x.Phone).OfType<PhoneNumber>().Skip(op.Household % 4).FirstOrDefault(),
                    };
                    if (community.SetHouseholdContact(new Id<Household>(op.Household), person, phone).IsT0)
                    {
                        now[op.Household] = person is { } given && phone is not null ? given.Value : null;
                        if (person is { } p2 && phone is { } number)
                        {
                            givenFor.Add((number.Value, p2.Value));
                        }
                    }

                    break;
                case 2:
                    _ = community.MoveResident(new Id<Resident>(op.Resident!.Value), new Id<Household>(op.Household), CommunityOps.At(last));
                    break;
                default:
                    _ = community.MoveOut(new Id<Resident>(op.Resident!.Value), CommunityOps.At(last));
                    break;
            }
        }

        return (givenFor, now);
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 200)]
    public void After_erasure_no_snapshot_view_export_or_event_holds_the_erased_values_and_statistics_are_unchanged(RetentionCase c)
    {
        var clock = new FakeClock(CommunityOps.T0);
        var community = CommunityOps.Seeded(clock);
        var (givenFor, givenNow) = RunScript(community, c.Ops);

        var at = CommunityOps.At(24 * 60 + c.ApplyAfterHours);
        clock.Reset(at);
        var policy = new RetentionPolicy(c.Days);
        var before = community.ToState();
        var statsBefore = community.ExportStatistics(at).AsT0;
        // Independent expectation: moved out more than the kept days ago.
        var due = before.Residents.Where(r => r.Presence == Presence.MovedOut && at - r.PresenceSince > Duration.FromDays(c.Days)).ToList();
        var kept = before.Residents.Except(due).ToList();
        var dueIds = due.Select(r => r.Id).ToHashSet();
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
        texts.AddRange(community.Households.Select(h => $"{h} {h.ContactPhone?.Value}"));
        // Views made from the community afterwards: the must-test list and the delivery run's parcels (recipient labels).
        texts.AddRange(MustTestList.From(community, community.Compounds.Select(x => x.Id), at).Entries.Select(e => $"{e} {e.MaskedName}"));
        texts.AddRange(DeliveryParcels.From(community, community.Households.Select(h => (h.Id, Rice, 1)), 10_000).Select(p => $"{p} {p.Recipient}"));

        // The erased values: each erased resident's registration facts and every phone given for them, except those a kept
        // resident also holds as their own (two pool entries never share a number or phone; a phone can be shared on purpose).
        var keptSecrets = kept.SelectMany(r => SecretsOf(r.Registration)).ToHashSet();
        var secrets = due.SelectMany(r => SecretsOf(r.Registration))
            .Concat(givenFor.Where(g => dueIds.Contains(g.Resident)).Select(g => g.Phone))
            .Where(s => !keptSecrets.Contains(s)).ToHashSet();
        foreach (var secret in secrets)
        {
            Assert.All(texts, t => Assert.DoesNotContain(secret, t, StringComparison.Ordinal));
        }

        // Nothing else changes: kept residents, and every household contact phone that holds no erased value and was not given for an erased resident.
        Assert.All(due, r => Assert.True(restored.Get(new Id<Resident>(r.Id)).IsErased));
        Assert.All(kept, r => Assert.Equal(r, after.Residents[r.Id - 1]));
        foreach (var (home, i) in before.Households.Select((h, i) => (h, i)))
        {
            // Cleared when it holds an erased value or was given for an erased resident (whatever its number).
            var givenForErased = givenNow.TryGetValue(home.Id, out var f) && f is { } fr && dueIds.Contains(fr);
            var expected = home.ContactPhone is { } p && (secrets.Contains(p.Value) || givenForErased)
                ? home with { ContactPhone = null, ContactPhoneGivenForId = null }
                : home;
            Assert.Equal(expected, after.Households[i]);
        }

        // Applying it again erases nothing and changes nothing.
        var again = community.ApplyRetention(policy, at, Actor.Of("office")).AsT0;
        Assert.Empty(again);
        Assert.Equal(after, community.ToState());
    }

    private static readonly ItemKind Rice = new("rice-5kg", "bag", 5000);

    [Fact]
    public void ApplyRetention_erases_a_contact_phone_given_for_the_resident_that_differs_from_their_own_phone()
    {
        // The verifier's case: household 1 holds residents 1 and 2; resident 1 is its contact with a relative's phone, then
        // moves to household 2 (the phone stays on household 1), and later moves out.
        var clock = new FakeClock(CommunityOps.T0);
        var community = CommunityOps.Seeded(clock);
        var relative = new PhoneNumber("13712345678");
        var own = new PhoneNumber("13787654321");
        Assert.True(community.SetHouseholdContact(new Id<Household>(1), new Id<Resident>(1), relative).IsT0);
        Assert.True(community.SetHouseholdContact(new Id<Household>(10), null, own).IsT0); // household 10's own number: not given for anyone
        Assert.True(community.MoveResident(new Id<Resident>(1), new Id<Household>(2), CommunityOps.At(1)).IsT0);
        Assert.Equal(new Id<Resident>(1), community.Get(new Id<Household>(1)).ContactPhoneGivenFor);
        Assert.True(community.MoveOut(new Id<Resident>(1), CommunityOps.At(2)).IsT0);
        var at = CommunityOps.At(2) + Duration.FromDays(31);
        clock.Reset(at);

        var erased = community.ApplyRetention(new RetentionPolicy(30), at, Actor.Of("office")).AsT0;

        Assert.Equal([new Id<Resident>(1)], erased);
        Assert.Null(community.Get(new Id<Household>(1)).ContactPhone);
        Assert.Null(community.Get(new Id<Household>(1)).ContactPhoneGivenFor);
        Assert.DoesNotContain(relative.Value, CommunityJson.Write(community.ToState()), StringComparison.Ordinal);
        Assert.Equal(own, community.Get(new Id<Household>(10)).ContactPhone);
        Assert.Equal(PeoplePool.Registrations[1], community.Get(new Id<Resident>(2)).Registration);
    }

    [Fact]
    public void ApplyRetention_erases_the_phone_of_a_contact_who_was_the_only_resident()
    {
        var clock = new FakeClock(CommunityOps.T0);
        var community = CommunityOps.Seeded(clock);
        var home = new Id<Household>(3); // resident 4 only
        Assert.True(community.SetHouseholdContact(home, new Id<Resident>(4), new PhoneNumber("13700000004")).IsT0);
        Assert.True(community.MoveOut(new Id<Resident>(4), CommunityOps.At(1)).IsT0);
        Assert.Equal(0, community.Get(home).Size);
        Assert.NotNull(community.Get(home).ContactPhone); // kept while the policy keeps the resident's data

        Assert.Empty(community.ApplyRetention(new RetentionPolicy(30), CommunityOps.At(1) + Duration.FromDays(30), Actor.Of("office")).AsT0);
        Assert.NotNull(community.Get(home).ContactPhone);
        Assert.Single(community.ApplyRetention(new RetentionPolicy(30), CommunityOps.At(1) + Duration.FromDays(30) + Duration.FromSeconds(1), Actor.Of("office")).AsT0);
        Assert.Null(community.Get(home).ContactPhone);
    }

    [Fact]
    public void Restore_reads_a_contact_phone_without_its_resident_as_given_for_the_contact_person_and_refuses_another()
    {
        var community = CommunityOps.Seeded();
        Assert.True(community.SetHouseholdContact(new Id<Household>(1), new Id<Resident>(1), new PhoneNumber("13712345678")).IsT0);
        var state = community.ToState();
        Assert.Equal(1, state.Households[0].ContactPhoneGivenForId);

        // A document written before the field was kept.
        var old = state with { Households = [state.Households[0] with { ContactPhoneGivenForId = null }, .. state.Households.Skip(1)] };
        Assert.Equal(new Id<Resident>(1), Community.Restore(old, new FakeClock(CommunityOps.T0)).Get(new Id<Household>(1)).ContactPhoneGivenFor);

        var other = state with { Households = [state.Households[0] with { ContactPhoneGivenForId = 2 }, .. state.Households.Skip(1)] };
        var noPhone = state with { Households = [.. state.Households.Take(1), state.Households[1] with { ContactPhoneGivenForId = 3 }, .. state.Households.Skip(2)] };
        var unknown = state with { Households = [state.Households[0] with { ContactPersonId = null, ContactPhoneGivenForId = 99 }, .. state.Households.Skip(1)] };
        foreach (var bad in new[] { other, noPhone, unknown })
        {
            var error = Assert.Throws<ArgumentException>(() => Community.Restore(bad, new FakeClock(CommunityOps.T0)));
            Assert.Equal("state", error.ParamName);
        }
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
