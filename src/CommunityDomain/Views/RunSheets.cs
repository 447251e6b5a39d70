using System.Globalization;
using System.Text;
using CommunityDomain.Communities;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Delivery;

namespace CommunityDomain.Views;

/// <summary>
/// Delivery run sheets for the runners: per run, the runner (team) and which of that runner's trips it is,
/// then the stops in the run's order (building, door, masked recipient) with their parcels, all as people read them:
/// building names, doors as the office writes them ("2单元301室"), item names and runner names from the <see cref="Labels"/>.
/// </summary>
/// <remarks>
/// Every parcel of the plan appears exactly once (in its run, or under "could not be placed"). Runs are shown
/// in run-number order; a runner's trips are numbered in that order. Recipients are passed through the
/// library's name masking whatever they look like (a label holding <c>*</c> is masked too), except the library's
/// <c>household &lt;room&gt;</c> fallback, so a clear name given by mistake is not shown.
/// Weights in kilograms everywhere (per stop, per run, in the CSV: one unit form for people, "19.5" under "19.5 kg"); delivery windows in local time of the labels' zone.
/// Buildings, doors and runners by name when the <see cref="Labels"/> come from the community (runner labels and item
/// codes through its <c>localNames</c>); no view shows a household or building id. Pure rendering, fixed line ends:
/// the same plan and labels give byte-identical text.
/// </remarks>
public static class RunSheets
{
    /// <summary>Renders the run sheets in Markdown: a summary line, then one section with a table per run.</summary>
    /// <param name="plan">The delivery plan (<see cref="RunPlanner"/>).</param>
    /// <param name="labels">Culture, zone and names (e.g. <see cref="Labels.For"/>); null for <see cref="Labels.Default"/>.</param>
    /// <returns>The Markdown text, ending with a line break.</returns>
    /// <exception cref="ArgumentException"><paramref name="plan"/> is null.</exception>
    public static string Markdown(DeliveryPlan plan, Labels? labels = null)
    {
        Guard.Against.Null(plan);
        var l = labels ?? Labels.Default;
        var sb = new StringBuilder();
        var parcels = plan.Runs.Sum(r => r.Parcels.Count);
        sb.Append(l.Text("runs.caption", ("runs", l.Count(plan.Runs.Count, "runs")), ("bound", l.Count(plan.LowerBound, "runs")), ("parcels", l.Count(parcels, "parcels")),
            ("weight", Kilograms(l, plan.Runs.Sum(r => r.Parcels.Sum(p => (long)p.WeightGrams)))), ("unplaced", l.Count(plan.Unplaceable.Count, "parcels"))));
        sb.Append(ViewText.Line);
        foreach (var (run, trip) in Trips(plan))
        {
            sb.Append(ViewText.Line).Append("### ").Append(l.Text("runs.run", ("n", ViewText.Int(run.Number)), ("runner", ViewText.Inline(l.Runner(run.Runner))), ("trip", ViewText.Int(trip))))
                .Append(ViewText.Line).Append(ViewText.Line);
            sb.Append(l.Text("runs.summary", ("parcels", l.Count(run.Parcels.Count, "parcels")), ("buildings", Buildings(l, run.Buildings)),
                ("weight", Kilograms(l, run.Parcels.Sum(p => (long)p.WeightGrams))), ("minutes", l.Count((long)Math.Round(run.EstimatedTime.TotalMinutes), "minutes"))));
            if (run.Window is { } w)
            {
                sb.Append(l.Text("runs.window", ("from", l.Moment(w.Start)), ("to", l.TimeOfDay(w.End))));
            }

            sb.Append(l.Text("runs.end")).Append(ViewText.Line).Append(ViewText.Line);
            ViewText.Header(sb, [l.Text("runs.stop"), l.Text("runs.building"), l.Text("runs.room"), l.Text("runs.recipient"),
                l.Text("runs.parcels"), l.Text("runs.kg")], i => i is 0 or 5);
            var stop = 0;
            foreach (var group in Stops(run.Parcels))
            {
                stop++;
                var first = group[0];
                ViewText.Row(sb,
                [
                    ViewText.Int(stop), l.Building(first.Building), l.Room(first.Household, first.Room), Recipient(l, first),
                    l.List(group.Select(p => Contents(l, p.Contents))), l.Number(Kg(group.Sum(p => (long)p.WeightGrams))),
                ]);
            }
        }

        if (plan.Unplaceable.Count > 0)
        {
            sb.Append(ViewText.Line).Append("### ").Append(l.Text("runs.unplaced")).Append(ViewText.Line).Append(ViewText.Line);
            ViewText.Header(sb, [l.Text("runs.building"), l.Text("runs.room"), l.Text("runs.recipient"), l.Text("runs.parcel"), l.Text("runs.kg")], i => i == 4);
            foreach (var p in plan.Unplaceable)
            {
                ViewText.Row(sb, [.. Fields(l, p)[..^1], l.Number(Kg(p.WeightGrams))]);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Renders the run sheets as RFC 4180 CSV, one record per parcel:
    /// <c>run,runner,trip,stop,building,room,recipient,contents,weight (kg)</c> (headers in the labels' culture; runner, building,
    /// room and item by the names people read, as in <see cref="Markdown"/>; no ids); parcels no run could take have empty
    /// run, runner, trip and stop fields.
    /// </summary>
    /// <param name="plan">The delivery plan.</param>
    /// <param name="labels">Culture and names; null for <see cref="Labels.Default"/>.</param>
    /// <returns>The CSV text (CRLF line ends).</returns>
    /// <exception cref="ArgumentException"><paramref name="plan"/> is null.</exception>
    public static string Csv(DeliveryPlan plan, Labels? labels = null)
    {
        Guard.Against.Null(plan);
        var l = labels ?? Labels.Default;
        var sb = new StringBuilder();
        ViewText.CsvRow(sb, [l.Text("runs.run.column"), l.Text("runs.runner"), l.Text("runs.trip"), l.Text("runs.stop"), l.Text("runs.building"), l.Text("runs.room"),
            l.Text("runs.recipient"), l.Text("runs.contents"), l.Text("runs.kg")]);
        foreach (var (run, trip) in Trips(plan))
        {
            var stop = 0;
            foreach (var group in Stops(run.Parcels))
            {
                stop++;
                foreach (var p in group)
                {
                    ViewText.CsvRow(sb, [ViewText.Int(run.Number), l.Runner(run.Runner), ViewText.Int(trip), ViewText.Int(stop), .. Fields(l, p)]);
                }
            }
        }

        foreach (var p in plan.Unplaceable)
        {
            ViewText.CsvRow(sb, [string.Empty, string.Empty, string.Empty, string.Empty, .. Fields(l, p)]);
        }

        return sb.ToString();
    }

    private static string Kilograms(Labels l, long grams) => l.Amount(Math.Round(Kg(grams), 2, MidpointRounding.AwayFromZero), "kg");

    // Grams as kilograms, the one weight unit people read (captions, the table's column, the CSV): exact to the gram.
    private static decimal Kg(long grams) => grams / 1000m;

    // Where a run goes, by the buildings' names as the office writes them ("3号楼、5号楼" / "Building 3, Building 5"): a count
    // ("送往1栋楼") read as a building's name. Escaped, since the summary is a Markdown line.
    private static string Buildings(Labels l, IReadOnlyList<Id<Building>> buildings) =>
        l.List(buildings.Select(b => ViewText.Inline(l.Building(b))));

    // What a person reads about one parcel: building by name, the door as the office writes it, the masked recipient,
    // the contents by their local item name, the weight in kilograms (a plain number for the CSV).
    private static string[] Fields(Labels l, Parcel p) =>
        [l.Building(p.Building), l.Room(p.Household, p.Room), Recipient(l, p), Contents(l, p.Contents), Kg(p.WeightGrams).ToString(CultureInfo.InvariantCulture)];

    // Masked again here, never trusting the look of the label ("王芳芳*" holds a star yet shows a whole name);
    // "household <room>" is the library's own fallback and names nobody. Masking a mask changes nothing.
    private static string Recipient(Parcel p) => Labels.Flat(Masking.PersonLabel(p.Recipient, p.Room));

    // The same in the labels' language: the "household <room>" fallback is written as the office writes it.
    private static string Recipient(Labels l, Parcel p) =>
        p.Recipient == Masking.HouseholdFallback(p.Room) ? l.Text("runs.no-contact", ("room", l.Room(p.Household, p.Room))) : Recipient(p);

    // DeliveryParcels writes contents as "<item code> x<count>": the item by its local name, the count kept.
    private static string Contents(Labels l, string contents)
    {
        var x = contents.LastIndexOf(" x", StringComparison.Ordinal);
        return x > 0 && int.TryParse(contents.AsSpan(x + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? l.Text("runs.item", ("item", l.Local(contents[..x])), ("n", ViewText.Int(n)))
            : l.Local(contents);
    }

    private static IEnumerable<(DeliveryRun Run, int Trip)> Trips(DeliveryPlan plan)
    {
        var trips = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var run in plan.Runs.OrderBy(r => r.Number))
        {
            var trip = trips.GetValueOrDefault(run.Runner) + 1;
            trips[run.Runner] = trip;
            yield return (run, trip);
        }
    }

    // A stop is a household's door: all its parcels of the run, at the place of its first parcel in the run's order.
    private static List<List<Parcel>> Stops(IReadOnlyList<Parcel> parcels)
    {
        var stops = new List<List<Parcel>>();
        var index = new Dictionary<(int, int, string), int>();
        foreach (var p in parcels)
        {
            var key = (p.Building.Value, p.Household.Value, p.Room);
            if (index.TryGetValue(key, out var i))
            {
                stops[i].Add(p);
            }
            else
            {
                index[key] = stops.Count;
                stops.Add([p]);
            }
        }

        return stops;
    }
}
