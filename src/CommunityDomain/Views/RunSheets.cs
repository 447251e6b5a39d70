using System.Globalization;
using System.Text;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Supplies.Delivery;

namespace CommunityDomain.Views;

/// <summary>
/// Delivery run sheets for the runners: per run, the runner (team) and which of that runner's trips it is,
/// then the stops in the run's order (building, room, household, masked recipient) with their parcels.
/// </summary>
/// <remarks>
/// Every parcel of the plan appears exactly once (in its run, or under "could not be placed"). Runs are shown
/// in run-number order; a runner's trips are numbered in that order. Recipients are passed through the
/// library's name masking unless they are already masked (they hold <c>*</c>) or are the library's
/// <c>household &lt;room&gt;</c> fallback, so a clear name given by mistake is not shown.
/// Weights in grams. Pure rendering, invariant culture, fixed line ends: the same plan gives byte-identical text.
/// </remarks>
public static class RunSheets
{
    /// <summary>Renders the run sheets in Markdown: a summary line, then one section with a table per run.</summary>
    /// <param name="plan">The delivery plan (<see cref="RunPlanner"/>).</param>
    /// <returns>The Markdown text, ending with a line break.</returns>
    /// <exception cref="ArgumentException"><paramref name="plan"/> is null.</exception>
    public static string Markdown(DeliveryPlan plan)
    {
        Guard.Against.Null(plan);
        var sb = new StringBuilder();
        var parcels = plan.Runs.Sum(r => r.Parcels.Count);
        sb.Append(CultureInfo.InvariantCulture,
            $"Delivery: {plan.Runs.Count} runs (lower bound {plan.LowerBound}), {parcels} parcels, {plan.Runs.Sum(r => r.Load)} load in all, {plan.Unplaceable.Count} could not be placed.");
        sb.Append(ViewText.Line);
        foreach (var (run, trip) in Trips(plan))
        {
            sb.Append(ViewText.Line).Append(CultureInfo.InvariantCulture,
                $"### Run {run.Number}: {ViewText.Cell(run.Runner)}, trip {trip}").Append(ViewText.Line).Append(ViewText.Line);
            sb.Append(CultureInfo.InvariantCulture,
                $"{Count(run.Parcels.Count, "parcel", "parcels")} to {Count(run.Buildings.Count, "building", "buildings")}, load {run.Load}, about {run.EstimatedTime.TotalMinutes:0} min");
            if (run.Window is { } w)
            {
                sb.Append(", window ").Append(w.Start.ToString("uuuu-MM-ddTHH:mm'Z'", CultureInfo.InvariantCulture))
                    .Append('-').Append(w.End.ToString("HH:mm'Z'", CultureInfo.InvariantCulture));
            }

            sb.Append('.').Append(ViewText.Line).Append(ViewText.Line);
            ViewText.Header(sb, ["stop", "building", "room", "household", "recipient", "parcels", "grams"], i => i is 0 or 6);
            var stop = 0;
            foreach (var group in Stops(run.Parcels))
            {
                stop++;
                var first = group[0];
                ViewText.Row(sb,
                [
                    ViewText.Int(stop), first.Building.ToString(), first.Room, first.Household.ToString(), Recipient(first),
                    string.Join(", ", group.Select(p => p.Contents)), ViewText.Int(group.Sum(p => (long)p.WeightGrams)),
                ]);
            }
        }

        if (plan.Unplaceable.Count > 0)
        {
            sb.Append(ViewText.Line).Append("### Could not be placed").Append(ViewText.Line).Append(ViewText.Line);
            ViewText.Header(sb, ["building", "room", "household", "recipient", "parcel", "grams"], i => i == 5);
            foreach (var p in plan.Unplaceable)
            {
                ViewText.Row(sb, [p.Building.ToString(), p.Room, p.Household.ToString(), Recipient(p), p.Contents, ViewText.Int(p.WeightGrams)]);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Renders the run sheets as RFC 4180 CSV, one record per parcel:
    /// <c>run,runner,trip,stop,building,room,household,recipient,contents,grams</c>; parcels no run could take have
    /// empty run, runner, trip and stop fields.
    /// </summary>
    /// <param name="plan">The delivery plan.</param>
    /// <returns>The CSV text (CRLF line ends).</returns>
    /// <exception cref="ArgumentException"><paramref name="plan"/> is null.</exception>
    public static string Csv(DeliveryPlan plan)
    {
        Guard.Against.Null(plan);
        var sb = new StringBuilder();
        ViewText.CsvRow(sb, ["run", "runner", "trip", "stop", "building", "room", "household", "recipient", "contents", "grams"]);
        foreach (var (run, trip) in Trips(plan))
        {
            var stop = 0;
            foreach (var group in Stops(run.Parcels))
            {
                stop++;
                foreach (var p in group)
                {
                    ViewText.CsvRow(sb, [ViewText.Int(run.Number), run.Runner, ViewText.Int(trip), ViewText.Int(stop), .. Fields(p)]);
                }
            }
        }

        foreach (var p in plan.Unplaceable)
        {
            ViewText.CsvRow(sb, [string.Empty, string.Empty, string.Empty, string.Empty, .. Fields(p)]);
        }

        return sb.ToString();
    }

    private static string[] Fields(Parcel p) =>
        [ViewText.Int(p.Building.Value), p.Room, ViewText.Int(p.Household.Value), Recipient(p), p.Contents, ViewText.Int(p.WeightGrams)];

    // A label holding the mask star is already masked, and "household <room>" is the library's own fallback;
    // anything else may be a clear name given by mistake, so it is masked like a person's name.
    private static string Recipient(Parcel p) =>
        p.Recipient.Contains(Masking.Star, StringComparison.Ordinal) || p.Recipient == "household " + p.Room ? p.Recipient : Masking.PersonName(p.Recipient);

    private static string Count(int n, string one, string many) => ViewText.Int(n) + " " + (n == 1 ? one : many);

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
