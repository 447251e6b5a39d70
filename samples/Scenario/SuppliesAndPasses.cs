using CommunityDomain.Communities.Control;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using CommunityDomain.Supplies;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Supplies.Delivery;
using CommunityDomain.Supplies.Ledger;
using CommunityDomain.Views;

namespace Pubai;

/// <summary>
/// The supplies and passes of the story: goods received and donated, a fair allocation to sealed Meiyuan,
/// delivery runs for its volunteers, and
/// 30 passes issued in Pingguoyuan one evening with a forged code and a late return caught.
/// </summary>
public static class SuppliesAndPasses
{
    private static readonly ItemKind VegetablePack = new("veg-pack", "pack", 1500);

    /// <summary>Runs the part, prints what happened and returns the invariants that failed.</summary>
    /// <param name="scenario">The built scenario.</param>
    /// <param name="output">Where to print.</param>
    /// <param name="words">The language to print in.</param>
    /// <returns>Failed invariants (empty when all hold).</returns>
    public static IReadOnlyList<string> Run(PubaiScenario scenario, TextWriter output, Words words)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(words);
        var failures = new List<string>();
        void Check(bool ok, string what)
        {
            if (!ok)
            {
                failures.Add(what);
            }
        }

        var community = scenario.Community;
        var labels = words.Labels(community);
        var zone = PubaiScenario.Zone;
        var morning = new LocalDateTime(2022, 8, 19, 8, 0).InZoneStrictly(zone).ToInstant();
        var clock = new FixedClock(morning);

        // Goods in: a procured lot and a donated lot with an earlier use-by date (it leaves first).
        var ledger = StockLedger.Open(VegetablePack, clock);
        ledger.Receive(CommandId.Of("rcv-0819-procured"), 1800, StockSource.Procured, new LocalDate(2022, 8, 26), PubaiScenario.StockKeeper);
        ledger.Receive(CommandId.Of("rcv-0819-donated"), 300, StockSource.DonatedBy("a vegetable grower of Pubai"), new LocalDate(2022, 8, 22), PubaiScenario.StockKeeper);

        // Fair allocation to sealed Meiyuan: 1 pack per person present per day for 3 days, extras for the vulnerable.
        var sealedHomes = community.SealedHouseholds(morning);
        var rules = new NeedRules(rationPerPersonPerDay: 1, days: 3, perInfant: 2, perAged80: 1, perChronicallyIll: 1);
        var claims = SupplyClaims.From(community, sealedHomes, morning.InZone(zone).Date, rules);
        var plan = SupplyAllocator.Allocate(claims, ledger.Available, AllocationPolicy.MaxMin);
        output.WriteLine(Stock(ledger, labels, words));
        // The allocation as the library renders it: its caption, the table's header and one rationed household's row.
        var table = AllocationTable.Markdown(plan, labels).Split('\n');
        var sample = plan.Shares.First(s => s.Outcome == ShareOutcome.Rationed).Household;
        output.WriteLine(words.Say("allocation", labels.Compound(scenario.Compounds["Meiyuan"].Id), sealedHomes.Count, table[0]));
        foreach (var line in ConsoleTable.Plain(table.Skip(1).Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Take(2)
            .Concat(table.Where(l => l.StartsWith("| " + labels.HouseholdWithCompound(sample) + " |", StringComparison.Ordinal)))))
        {
            output.WriteLine("  " + line);
        }

        foreach (var share in plan.Shares.Where(s => s.Allocated > 0))
        {
            ledger.Allocate(CommandId.Of($"alloc-0819-{share.Household.Value}"), share.Household, share.Allocated, PubaiScenario.StockKeeper);
        }

        // Delivery runs for Meiyuan's volunteers (office party members sealed inside), 20 kg per run, 45 minutes.
        var parcels = DeliveryParcels.From(community, plan.Shares.Where(s => s.Allocated > 0).Select(s => (s.Household, VegetablePack, s.Allocated)), 20_000);
        // The runners are the office party members sealed inside Meiyuan; a run sheet carries the name the team posts.
        string[] runners = [.. Enumerable.Range(1, 6).Select(i => words.Say("runner", i))];
        var runs = RunPlanner.Plan(parcels, DeliveryParcels.Sites(community), new RunOptions(20_000, Duration.FromMinutes(45)), runners);
        // The run sheets as the library renders them: the caption and the first run's sheet.
        var sheets = RunSheets.Markdown(runs, labels).Split('\n');
        var second = Array.FindIndex(sheets, 3, l => l.StartsWith("### ", StringComparison.Ordinal));
        foreach (var line in ConsoleTable.Plain(sheets.Take(second < 0 ? sheets.Length : second).Where(l => l.Length > 0)))
        {
            output.WriteLine("  " + line);
        }

        var delivered = 0;
        foreach (var run in runs.Runs)
        {
            foreach (var parcel in run.Parcels)
            {
                var units = parcel.WeightGrams / VegetablePack.UnitWeightGrams!.Value;
                // The runner is a delivery volunteer of the parcel's compound: the ledger checks the household lies there.
                var runner = new Actor(run.Runner, Role.DeliveryVolunteer, community.Get(community.Get(parcel.Household).CompoundId).Area);
                var r = ledger.Deliver(CommandId.Of($"dlv-0819-{run.Number}-{parcel.Household.Value}-{delivered++}"), CommandId.Of($"alloc-0819-{parcel.Household.Value}"), units, runner, community);
                Check(r.IsT0, $"delivery of {parcel} accepted");
            }
        }

        output.WriteLine(words.Say("after-delivery", Stock(ledger, labels, words)));
        Check(ledger.OnHand == ledger.Received - ledger.Delivered - ledger.WrittenOff, "ledger identity on hand = received - delivered - written off");
        Check(ledger.Reserved == 0 && ledger.Delivered == plan.Allocated, "every allocated unit delivered");
        Check(ledger.Deliveries.All(d => ledger.Trace(d.Delivery).Sum(t => t.Quantity) == d.Quantity), "every delivered unit traced to a receipt");
        Check(ledger.Lots.Single(l => l.Source.IsDonation).Remaining == 0, "the earlier-expiring donated lot left first");
        Check(plan.Shares.All(s => s.Allocated <= s.Need) && plan.Allocated == Math.Min(2100, claims.Sum(c => (long)c.Need)), "no household over its need; stock fully used or need met");
        Check(runs.Unplaceable.Count == 0 && runs.GapRatio <= 0.10, "delivery runs within 10% of the lower bound");
        Check(runs.Runs.All(r => r.Load <= 20_000 && r.EstimatedTime <= Duration.FromMinutes(45)), "no run over capacity or time");
        Check(runs.Runs.All(r => !r.Sheet().Contains(community.Residents[0].Name.Value, StringComparison.Ordinal)), "run sheets show masked names only");

        // The resident's donation to the gate posts is split by the duty hours of the roster the story plans: RosterDays prints it.

        // Passes: 30 issued in Pingguoyuan at 18:30 on 20 August; one forged code and one late return caught at the gate.
        var evening = new LocalDateTime(2022, 8, 20, 18, 30).InZoneStrictly(zone).ToInstant();
        using var keys = PassSigningKeys.Generate(new PassKeyId(1));
        var office = PassOffice.Open(PassPolicy.OnePersonEveryTwoDays, keys, new FixedClock(evening));
        var lastTest = new LocalDateTime(2022, 8, 20, 6, 0).InZoneStrictly(zone).ToInstant();
        var pingguoyuan = community.HouseholdsIn(ControlScope.Of(scenario.Compounds["Pingguoyuan"].Id)).Take(30)
            .Select(h => new PassRequest(h, community.EffectiveLevel(h, evening), lastTest)).ToList();
        var issued = office.IssueBatch(pingguoyuan, Actor.Of("pingguoyuan.volunteer")).Where(r => r.IsT0).Select(r => r.AsT0).ToList();
        var sealedResult = office.Issue(new PassRequest(sealedHomes[0], community.EffectiveLevel(sealedHomes[0], evening), lastTest));
        var sealedRefused = sealedResult.IsT1;
        // Pingguoyuan's gate, kept by its gate duty; Dongfang's gate duty may not record there.
        var gate = new PassGate(keys.VerificationKeys(), PassPolicy.OnePersonEveryTwoDays, scenario.Compounds["Pingguoyuan"].Id);
        var onDuty = new Actor("pingguoyuan.gate", Role.GateDuty, scenario.Compounds["Pingguoyuan"].Area);
        var elsewhere = new Actor("dongfang.gate", Role.GateDuty, scenario.Compounds["Dongfang"].Area);
        var forged = issued[7].Code[..40] + (issued[7].Code[40] == 'A' ? 'B' : 'A') + issued[7].Code[41..];
        var forgedCaught = gate.Exit(forged, evening.Plus(Duration.FromMinutes(20)), onDuty).TryPickT1(out var why, out _);
        var outsideRefused = gate.Exit(issued[0].Code, evening.Plus(Duration.FromMinutes(25)), elsewhere).TryPickT2(out var outside, out _) && outside.OutsideArea;
        var exits = issued.Count(p => gate.Exit(p.Code, evening.Plus(Duration.FromMinutes(30)), onDuty).IsT0);
        var returns = issued.Select((p, i) => gate.Return(p.Code, evening.Plus(Duration.FromMinutes(i == 12 ? 30 + 135 : 30 + 60 + i)), onDuty).AsT0).ToList();
        Check(outsideRefused, "another compound's gate duty is refused at Pingguoyuan's gate and records nothing");
        output.WriteLine(words.Say("passes", labels.Moment(evening), labels.Compound(scenario.Compounds["Pingguoyuan"].Id), issued.Count, exits));
        output.WriteLine(words.Say("passes.forged", why?.MessageIn(words.Culture) ?? "-"));
        // What the gate guard acts on: the household's door (compound, building, unit, room: where to follow up and whose
        // record to note) and the times. Not the serial, a key for the system the guard never reads out; not a name, since
        // the pass is the household's (any member may carry it) and the door is the least that identifies it.
        foreach (var back in returns.Where(r => r.Late))
        {
            output.WriteLine(words.Say("passes.late", labels.Compound(community.Get(back.Household).CompoundId), labels.Household(back.Household),
                // With the date: "19:00" alone reads as any evening; the return shows its own date only when it differs.
                labels.Moment(back.WentOut),
                back.CameBack.InZone(labels.Zone).Date == back.WentOut.InZone(labels.Zone).Date ? labels.TimeOfDay(back.CameBack) : labels.Moment(back.CameBack),
                back.TimeOut.TotalMinutes, back.Allowed.TotalMinutes));
        }

        // The refusal as the household reads it (the library's text: its address with the compound, and why).
        output.WriteLine(words.Say("passes.sealed", labels.Compound(scenario.Compounds["Meiyuan"].Id), sealedRefused ? PassTexts.Refusal(sealedResult.AsT1, labels) : words.Say("issued")));
        Check(issued.Count == 30 && exits == 30, "30 passes issued and used");
        Check(forgedCaught && why!.Reason == PassRejection.BadSignature, "the forged code is caught");
        Check(returns.Count(r => r.Late) == 1 && returns.Single(r => r.Late).Serial == issued[12].Content.Serial, "exactly the one late return is flagged");
        Check(sealedRefused, "a sealed Meiyuan household gets no pass");
        Check(!keys.ToString().Contains(Convert.ToBase64String(keys.ExportPrivateKey(new PassKeyId(1)))[..12], StringComparison.Ordinal), "no private key in ToString");
        return failures;
    }

    /// <summary>The ledger's figures in a sentence with units (units of one pack, as the allocation table counts them, and kilograms).</summary>
    private static string Stock(StockLedger ledger, Labels labels, Words words) =>
        words.Say("stock", labels.Local(ledger.Item.Code), ledger.Item.UnitWeightGrams!.Value / 1000.0, ledger.OnHand, ledger.OnHand * ledger.Item.UnitWeightGrams!.Value / 1000.0,
            ledger.Reserved, ledger.Received, ledger.Lots.Where(l => !l.Source.IsDonation).Sum(l => l.Received), ledger.Lots.Where(l => l.Source.IsDonation).Sum(l => l.Received),
            ledger.Delivered, ledger.WrittenOff);
}
