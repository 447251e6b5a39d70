using System.Globalization;
using System.Text;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies.Delivery;

/// <summary>One runner's trip: the parcels in visiting order, its load, estimated time and window.</summary>
/// <param name="Number">The run's number, from 1.</param>
/// <param name="Runner">The runner's label.</param>
/// <param name="Parcels">The parcels in visiting order (by building, then door).</param>
/// <param name="Load">Grams (or parcels) carried.</param>
/// <param name="EstimatedTime">Door stops plus walking between its buildings.</param>
/// <param name="Window">The delivery window every parcel of the run shares, if any.</param>
public sealed record DeliveryRun(int Number, string Runner, IReadOnlyList<Parcel> Parcels, long Load, Duration EstimatedTime, Interval? Window)
{
    /// <summary>The buildings visited, in order.</summary>
    public IReadOnlyList<Id<Building>> Buildings => [.. Parcels.Select(p => p.Building).Distinct()];

    /// <summary>The run sheet as a log: runner, building id, room, masked recipient, items, UTC windows; for the runner (building
    /// names, local times, Chinese) see <c>Views.RunSheets.Markdown</c>.</summary>
    /// <returns>The sheet as text lines.</returns>
    public string Sheet()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Run {Number} - {Runner} - load {Load}, ~{EstimatedTime.TotalMinutes:0} min");
        if (Window is { } w)
        {
            text.Append(CultureInfo.InvariantCulture, $", window {LocalTimeText.Utc(w.Start)} to {LocalTimeText.Utc(w.End)}");
        }

        foreach (var stop in Parcels.GroupBy(p => (p.Building, p.Room, p.Recipient, p.Household)))
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"  {stop.Key.Building} {stop.Key.Room} {stop.Key.Recipient}: {string.Join(", ", stop.Select(p => p.Contents))}");
        }

        return text.ToString();
    }

    /// <summary>Number, runner, load and parcel count.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"Run {Number} ({Runner}): {Parcels.Count} parcel(s), load {Load}, ~{EstimatedTime.TotalMinutes:0} min");
}
