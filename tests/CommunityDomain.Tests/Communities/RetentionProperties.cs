using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Events;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Communities.State;
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
    /// One step of a messy office's script before retention. <c>Kind</c> 0 registers someone in household <c>Household</c>:
    /// a pool person (12-17) when <c>Resident</c> is a multiple of 3, else a new person whose phone (<c>Phone</c>) is 0 none,
    /// 1 their own, 2 another resident's (families share phones), 3 a household contact phone. 1 sets a household contact:
    /// its person (<c>Resident</c>) is null for the household's own number, mostly a member of that household (often its
    /// only resident), sometimes any id (refused when not a member); its phone is 0 none, 1 the person's own phone, 2 a
    /// number no one else has (a relative's), 3 another resident's phone, 4 another household's contact phone.
    /// 2 moves a resident to another household, 3 moves a resident out.
    /// </summary>
    public sealed record ErasureOp(int Kind, int Household, int? Resident, int Phone, int Hours)
    {
        public override string ToString() => Kind switch
        {
            0 => $"register {(Resident % 3 == 0 ? $"pool#{12 + (Household % 6)}" : $"new phone#{Phone % 4}")} in h{Household}",
            1 => $"contact h{Household} = {(Resident is { } r ? (r % 4 != 0 ? $"member#{r}" : $"r{r}") : "-")} phone#{Phone}",
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
            from kind in Gen.Frequency((2, Gen.Constant(0)), (4, Gen.Constant(1)), (1, Gen.Constant(2)), (3, Gen.Constant(3)))
            from household in Gen.Choose(1, 10)
            from resident in Gen.Frequency((1, Gen.Constant<int?>(null)), (5, Gen.Choose(1, 24).Select(r => (int?)r)))
            from phone in Gen.Choose(0, 4)
            from hours in Gen.Choose(1, 24 * 60)
            select new ErasureOp(kind, household, kind is 0 or 2 or 3 ? resident ?? 1 : resident, phone, hours);

        public static Gen<RetentionCase> Scripts { get; } =
            from n in Gen.Choose(0, 30)
            from ops in Gen.ArrayOf(Op, n)
            from days in Gen.Choose(0, 60)
            from after in Gen.Choose(0, 24 * 120)
            select new RetentionCase(ops, days, after);

        // Whole-day days (0 keeps nothing), applied up to 120 days later: understaffed offices apply it late or never.
        public static Arbitrary<RetentionCase> Retention() => Arb.From(
            Scripts,
            c => Enumerable.Range(0, c.Ops.Length).Select(i => c with { Ops = c.Ops.Where((_, j) => j != i).ToArray() }));
    }

    private static IEnumerable<string> SecretsOf(ResidentRegistration r) =>
        new[] { r.Name.Value, r.Document?.Number, r.Phone?.Value }.OfType<string>().Where(s => s.Length > 1);

    // New people's names share no substring of two characters with the pool's or each other's (钱 + two distinct signs).
    private static ResidentRegistration NewPerson(int i, PhoneNumber? phone) => new(
        PersonName.Of(string.Concat("钱", "甲乙丙丁戊己庚辛壬癸"[i % 10].ToString(), "子丑寅卯辰巳午未申酉戌亥"[i / 10 % 12].ToString())),
        i % 2 == 0 ? IdentityDocument.MainlandId(ChineseIdNumber.Create("610526", new LocalDate(1980, 1, 1).PlusDays(i * 37), 300 + i).Value) : null,
        phone);

    /// <summary>What the script did, by the test's own bookkeeping: each household's current contact (phone and whom it
    /// was given for), and the households whose contact was named while being their only resident.</summary>
    private sealed record ScriptRun(Dictionary<int, (string? Phone, int? For)> Contacts, HashSet<(int Household, int Resident)> OnlyResidentContacts);

    private static ScriptRun RunScript(Community community, ErasureOp[] ops)
    {
        var contacts = new Dictionary<int, (string?, int?)>();
        var only = new HashSet<(int, int)>();
        var last = 0;
        PhoneNumber? AnyResidentPhone(int k) =>
            community.Residents.Select(x => x.Phone).OfType<PhoneNumber>().ToList() is { Count: > 0 } all ? all[k % all.Count] : null;
        PhoneNumber? AnyContactPhone(int k, int except) =>
            community.Households.Where(h => h.Id.Value != except).Select(h => h.ContactPhone).OfType<PhoneNumber>().ToList() is { Count: > 0 } all ? all[k % all.Count] : null;
        for (var i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            // Mostly in order, as a desk types them; out-of-order or repeated changes are refused as usual.
            last = Math.Max(last, op.Hours % 3 == 0 ? op.Hours / 2 : op.Hours);
            var home = new Id<Household>(op.Household);
            switch (op.Kind)
            {
                case 0:
                    var registration = op.Resident % 3 == 0
                        ? PeoplePool.Registrations[12 + (op.Household % 6)]
                        : NewPerson(i, (op.Phone % 4) switch
                        {
                            0 => null,
                            1 => new PhoneNumber(string.Create(CultureInfo.InvariantCulture, $"136{i:D8}")),
                            2 => AnyResidentPhone(op.Resident ?? 0),
                            _ => AnyContactPhone(op.Resident ?? 0, 0),
                        });
                    _ = community.RegisterResident(home, registration);
                    break;
                case 1:
                    var members = community.Get(home).Members;
                    Id<Resident>? person = op.Resident switch
                    {
                        null => null,
                        { } v when v % 4 != 0 && members.Count > 0 => members[v % members.Count],
                        { } v => new Id<Resident>(v),
                    };
                    var phone = op.Phone switch
                    {
                        0 => null,
                        1 => person is { } p && p.Value <= community.Residents.Count ? community.Get(p).Phone : null,
                        2 => new PhoneNumber(string.Create(CultureInfo.InvariantCulture, $"137{i:D8}")),
                        3 => AnyResidentPhone(op.Household),
                        _ => AnyContactPhone(op.Household, op.Household),
                    };
                    var alone = person is { } q && members.Count == 1 && members[0] == q;
                    if (community.SetHouseholdContact(home, person, phone).IsT0)
                    {
                        contacts[op.Household] = (phone?.Value, phone is null ? null : person?.Value);
                        if (alone && phone is not null)
                        {
                            only.Add((op.Household, person!.Value.Value));
                        }
                    }

                    break;
                case 2:
                    _ = community.MoveResident(new Id<Resident>(op.Resident!.Value), home, CommunityOps.At(last));
                    break;
                default:
                    _ = community.MoveOut(new Id<Resident>(op.Resident!.Value), CommunityOps.At(last));
                    break;
            }
        }

        return new ScriptRun(contacts, only);
    }

    /// <summary>The test's own expectation of an erasure, from the state before it and the script's bookkeeping.</summary>
    private sealed record Expectation(
        List<ResidentState> Due, List<ResidentState> Kept, HashSet<string> ErasedNumbers, HashSet<string> KeptNumbers, HashSet<int> ClearedHouseholds)
    {
        public static Expectation Of(CommunityState before, ScriptRun run, Instant at, int days)
        {
            // Due: moved out more than the kept days ago.
            var due = before.Residents.Where(r => r.Presence == Presence.MovedOut && at - r.PresenceSince > Duration.FromDays(days)).ToList();
            var dueIds = due.Select(r => r.Id).ToHashSet();
            var kept = before.Residents.Where(r => !dueIds.Contains(r.Id)).ToList();
            var contacts = run.Contacts.Where(c => c.Value.Phone is not null).ToList();
            // Recorded for an erased resident: their own phone, and a contact phone given for them.
            var erasedNumbers = due.Select(r => r.Registration.Phone?.Value)
                .Concat(contacts.Where(c => c.Value.For is { } f && dueIds.Contains(f)).Select(c => c.Value.Phone)).OfType<string>().ToHashSet();
            // Recorded for a kept resident: their own phone, and a contact phone given for them.
            var keptNumbers = kept.Select(r => r.Registration.Phone?.Value)
                .Concat(contacts.Where(c => c.Value.For is { } f && !dueIds.Contains(f)).Select(c => c.Value.Phone)).OfType<string>().ToHashSet();
            // Cleared: given for an erased resident; or the household's own number, equal to an erased number no kept person holds.
            var cleared = contacts.Where(c => c.Value.For is { } f
                    ? dueIds.Contains(f)
                    : erasedNumbers.Contains(c.Value.Phone!) && !keptNumbers.Contains(c.Value.Phone!))
                .Select(c => c.Key).ToHashSet();
            return new Expectation(due, kept, erasedNumbers, keptNumbers, cleared);
        }
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 200)]
    public void After_erasure_no_snapshot_view_export_or_event_holds_an_erased_value_no_kept_value_is_lost_and_statistics_are_unchanged(RetentionCase c)
    {
        var clock = new FakeClock(CommunityOps.T0);
        var community = CommunityOps.Seeded(clock);
        var run = RunScript(community, c.Ops);

        var at = CommunityOps.At(24 * 60 + c.ApplyAfterHours);
        clock.Reset(at);
        var policy = new RetentionPolicy(c.Days);
        var before = community.ToState();
        // The library's record of contacts agrees with the test's bookkeeping.
        Assert.All(before.Households, h => Assert.Equal(
            run.Contacts.TryGetValue(h.Id, out var k) ? (k.Phone, k.Phone is null ? null : k.For) : (null, null),
            (h.ContactPhone?.Value, h.ContactPhoneGivenForId)));
        var statsBefore = community.ExportStatistics(at).AsT0;
        var expected = Expectation.Of(before, run, at, c.Days);
        var version = community.Version;
        community.DequeueEvents();

        var erased = community.ApplyRetention(policy, at, Actor.Of("office")).AsT0;

        Assert.Equal(expected.Due.Select(r => r.Id).Order(), erased.Select(r => r.Value).Order());
        Assert.Equal(expected.Due.Count == 0 ? version : version + 1, community.Version);
        var events = community.DequeueEvents();
        Assert.Equal(expected.Due.Select(r => r.Id), events.Cast<ResidentDataErased>().Select(e => e.Resident.Value));
        Assert.Equal(statsBefore, community.ExportStatistics(at).AsT0);

        var after = community.ToState();
        var snapshot = CommunityJson.Write(after);
        var restored = Community.Restore(after, clock);
        var texts = new List<string> { snapshot, after.ToString(), CommunityJson.Write(restored.ToState()), CommunityJson.Write(community.ExportStatistics(at).AsT0) };
        // JSON may escape non-ASCII names, so the snapshot's clear values are also checked as plain text.
        texts.AddRange(after.Residents.Select(r => $"{r.Registration.Name.Value} {r.Registration.Document?.Number} {r.Registration.Phone?.Value}"));
        texts.AddRange(community.ExportRegister(Actor.System).AsT0.Select(e => $"{e.Name.Value} {e.Document?.Number} {e.Phone?.Value}"));
        texts.AddRange(events.Select(e => e.ToString()!));
        texts.AddRange(events.Select(e => CommunityJson.Write((ResidentDataErased)e)));
        texts.AddRange(after.Households.Select(h => h.ContactPhone?.Value ?? string.Empty));
        texts.AddRange(community.Households.Select(h => $"{h} {h.ContactPhone?.Value}"));
        // Views made from the community afterwards: the must-test list and the delivery run's parcels (recipient labels).
        texts.AddRange(MustTestList.From(community, community.Compounds.Select(x => x.Id), at).Entries.Select(e => $"{e} {e.MaskedName}"));
        texts.AddRange(DeliveryParcels.From(community, community.Households.Select(h => (h.Id, Rice, 1)), 10_000).Select(p => $"{p} {p.Recipient}"));

        // One direction: no value recorded for an erased resident survives, unless a kept person holds the same value.
        var keptValues = expected.Kept.SelectMany(r => SecretsOf(r.Registration)).Concat(expected.KeptNumbers).ToHashSet();
        var secrets = expected.Due.SelectMany(r => SecretsOf(r.Registration)).Concat(expected.ErasedNumbers).Where(s => !keptValues.Contains(s)).ToHashSet();
        foreach (var secret in secrets)
        {
            Assert.All(texts, t => Assert.DoesNotContain(secret, t, StringComparison.Ordinal));
        }

        // The other: no kept person's value is lost. Kept residents do not change; a household's contact phone is cleared
        // exactly when expected (so every phone given for a kept resident stays), and nothing else of a household changes.
        Assert.All(expected.Due, r => Assert.True(restored.Get(new Id<Resident>(r.Id)).IsErased));
        Assert.All(expected.Kept, r => Assert.Equal(r, after.Residents[r.Id - 1]));
        Assert.All(expected.KeptNumbers, n => Assert.Contains(n, snapshot, StringComparison.Ordinal));
        foreach (var (home, i) in before.Households.Select((h, i) => (h, i)))
        {
            var expectedHome = expected.ClearedHouseholds.Contains(home.Id) ? home with { ContactPhone = null, ContactPhoneGivenForId = null } : home;
            Assert.Equal(expectedHome, after.Households[i]);
        }

        // Applying it again erases nothing and changes nothing.
        var again = community.ApplyRetention(policy, at, Actor.Of("office")).AsT0;
        Assert.Empty(again);
        Assert.Equal(after, community.ToState());
    }

    [Fact]
    public void The_retention_generator_makes_the_shared_number_cases_often()
    {
        // The property above proves little if its scripts never share numbers: count how often each edge case comes up.
        // Ten draws of Sample(30, 30): 300 scripts of size 30, whichever argument is the count.
        var counts = new int[5];
        foreach (var c in Enumerable.Range(0, 10).SelectMany(_ => Cases.Scripts.Sample(30, 30)))
        {
            var clock = new FakeClock(CommunityOps.T0);
            var community = CommunityOps.Seeded(clock);
            var run = RunScript(community, c.Ops);
            var at = CommunityOps.At(24 * 60 + c.ApplyAfterHours);
            var before = community.ToState();
            var e = Expectation.Of(before, run, at, c.Days);
            var dueIds = e.Due.Select(r => r.Id).ToHashSet();
            var erasedOwn = e.Due.Select(r => r.Registration.Phone?.Value).OfType<string>().ToHashSet();
            counts[0] += e.Kept.Any(r => r.Registration.Phone is { } p && erasedOwn.Contains(p.Value)) ? 1 : 0; // (b) a kept resident shares an erased one's phone
            counts[1] += run.Contacts.Any(k => k.Value.For is { } f && !dueIds.Contains(f) && e.ErasedNumbers.Contains(k.Value.Phone ?? "")) ? 1 : 0; // (a) re-given for a kept one
            counts[2] += run.Contacts.Any(k => k.Value.Phone is not null && k.Value.For is null && e.ErasedNumbers.Contains(k.Value.Phone)) ? 1 : 0; // the household's own number
            counts[3] += run.OnlyResidentContacts.Any(o => dueIds.Contains(o.Resident) && run.Contacts[o.Household].For == o.Resident) ? 1 : 0; // the only resident, erased
            counts[4] += before.Households.Any(h => before.Residents.Count(r => r.HouseholdId == h.Id && r.Presence != Presence.MovedOut) >= 3) ? 1 : 0;
        }

        Assert.All(counts, n => Assert.InRange(n, 3, 300));
    }

    private static readonly ItemKind Rice = new("rice-5kg", "bag", 5000);

    [Theory]
    [InlineData("[erased]")]
    [InlineData(" [erased] ")]
    public void A_resident_cannot_be_registered_under_the_erased_name_so_nobody_escapes_erasure_by_looking_erased(string name)
    {
        // A verifier registered a resident named "[erased]": IsErased read true from the name, and retention skipped
        // them for ever with their ID number and phone. The reserved name is refused and nothing changes.
        var community = CommunityOps.Seeded(new FakeClock(CommunityOps.T0));
        var before = community.ToState();
        var registration = new ResidentRegistration(PersonName.Of(name), null, PhoneNumber.Of("13511111111"), new LocalDate(1980, 1, 2));
        var e = Assert.ThrowsAny<ArgumentException>(() => community.RegisterResident(new Id<Household>(1), registration));
        Assert.Equal("registration", e.ParamName);
        Assert.Equal(before, community.ToState());
    }

    [Fact]
    public void ApplyRetention_keeps_the_erased_residents_old_number_re_given_as_the_contact_for_a_kept_resident()
    {
        // Case (a): household 1 holds residents 1 (with a phone) and 2 (none). The office names resident 2 as the contact
        // with resident 1's number (it is the family's phone); resident 1 moves out and is erased: the number is resident
        // 2's contact now and stays, while resident 1's own phone goes.
        var clock = new FakeClock(CommunityOps.T0);
        var community = CommunityOps.Seeded(clock);
        var shared = community.Get(new Id<Resident>(1)).Phone!.Value;
        Assert.True(community.SetHouseholdContact(new Id<Household>(1), new Id<Resident>(2), shared).IsT0);
        Assert.True(community.MoveOut(new Id<Resident>(1), CommunityOps.At(1)).IsT0);
        var at = CommunityOps.At(1) + Duration.FromDays(31);
        clock.Reset(at);

        Assert.Equal([new Id<Resident>(1)], community.ApplyRetention(new RetentionPolicy(30), at, Actor.Of("office")).AsT0);

        var home = community.Get(new Id<Household>(1));
        Assert.Equal(shared, home.ContactPhone);
        Assert.Equal(new Id<Resident>(2), home.ContactPhoneGivenFor);
        Assert.Equal(new Id<Resident>(2), home.ContactPerson);
        Assert.Null(community.Get(new Id<Resident>(1)).Phone);
        Assert.Equal(shared, Community.Restore(community.ToState(), clock).Get(new Id<Household>(1)).ContactPhone);
    }

    [Fact]
    public void ApplyRetention_keeps_a_kept_residents_own_phone_that_an_erased_resident_shared()
    {
        // Case (b): a relative registered in household 2 has the same number as resident 1 and is named household 2's
        // contact with it; household 5 gave the same number as its own. Resident 4's number is also household 6's own
        // number, and no one who stays has it. Residents 1 and 4 move out and are erased.
        var clock = new FakeClock(CommunityOps.T0);
        var community = CommunityOps.Seeded(clock);
        var shared = community.Get(new Id<Resident>(1)).Phone!.Value;
        var alone = community.Get(new Id<Resident>(4)).Phone!.Value;
        var relative = community.RegisterResident(new Id<Household>(2), new ResidentRegistration(PersonName.Of("钱多多"), phone: shared)).AsT0.Id;
        Assert.True(community.SetHouseholdContact(new Id<Household>(2), relative, shared).IsT0);
        Assert.True(community.SetHouseholdContact(new Id<Household>(5), null, shared).IsT0);
        Assert.True(community.SetHouseholdContact(new Id<Household>(6), null, alone).IsT0);
        Assert.True(community.MoveOut(new Id<Resident>(1), CommunityOps.At(1)).IsT0);
        Assert.True(community.MoveOut(new Id<Resident>(4), CommunityOps.At(1)).IsT0);
        var at = CommunityOps.At(1) + Duration.FromDays(31);
        clock.Reset(at);

        Assert.Equal([new Id<Resident>(1), new Id<Resident>(4)], community.ApplyRetention(new RetentionPolicy(30), at, Actor.Of("office")).AsT0);

        Assert.Equal(shared, community.Get(relative).Phone);
        Assert.Equal(shared, community.Get(new Id<Household>(2)).ContactPhone);
        Assert.Equal(relative, community.Get(new Id<Household>(2)).ContactPhoneGivenFor);
        Assert.Equal(shared, community.Get(new Id<Household>(5)).ContactPhone); // a kept resident holds it
        Assert.Null(community.Get(new Id<Household>(6)).ContactPhone); // no one kept holds it: taken as resident 4's
        Assert.DoesNotContain(alone.Value, CommunityJson.Write(community.ToState()), StringComparison.Ordinal);
        Assert.Null(community.Get(new Id<Resident>(1)).Phone);
        Assert.True(community.Get(new Id<Resident>(1)).IsErased);
    }

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
