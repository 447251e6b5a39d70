using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Delivery;
using NodaTime.Text;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// Delivery-run input as compact lines (issue 17: shrunk counterexamples that read and rebuild, as <see cref="RosterText"/>
/// does for rosters): a failing delivery property prints its case with <see cref="Write"/>, and <see cref="Read"/> rebuilds
/// the same parcels, sites and options from the pasted text. One item a line, positional fields first, a window only when
/// the parcel has one; durations in whole minutes (<c>60min</c>) or, when not whole, nanoseconds (<c>1ns</c>); numbers in
/// their round-trip form:
/// <code>
/// options 3000g budget=60min stop=2min speed=60 neighbours=50
/// site B1 60 0
/// parcel H1 B1 1-101 张* item0 500g window=2022-08-19T01:00:00Z/2022-08-19T02:00:00Z
/// </code>
/// Covers what the delivery generators produce (rooms, recipients and contents without spaces; recipients already masked).
/// </summary>
public static class DeliveryText
{
    /// <summary>Lines beyond which a case is cut (more than the largest generated case, 1,500 parcels in 12 buildings).</summary>
    public const int MostLines = 2000;

    private static readonly InstantPattern Moment = InstantPattern.ExtendedIso;

    /// <summary>The options, the sites and the parcels as lines; cut after <see cref="MostLines"/> lines with a note.</summary>
    public static string Write(IReadOnlyList<Parcel> parcels, IReadOnlyList<BuildingSite> sites, RunOptions options)
    {
        var lines = new List<string>
        {
            Invariant($"options {options.Capacity}{(options.Kind == CapacityKind.Weight ? "g" : " parcels")} budget={Span(options.TimeBudget)} stop={Span(options.PerStop)} speed={options.WalkingMetresPerMinute:R} neighbours={options.NeighbourMetres:R}"),
        };
        lines.AddRange(sites.Select(s => Invariant($"site B{s.Building.Value} {s.Position.X:R} {s.Position.Y:R}")));
        lines.AddRange(parcels.Select(p => Invariant($"parcel H{p.Household.Value} B{p.Building.Value} {p.Room} {p.Recipient} {p.Contents} {p.WeightGrams}g")
            + (p.Window is { } w ? $" window={Moment.Format(w.Start)}/{Moment.Format(w.End)}" : string.Empty)));
        return lines.Count <= MostLines
            ? string.Join('\n', lines)
            : string.Join('\n', lines.Take(MostLines)) + $"\n... {lines.Count - MostLines} more lines (cut: shrink further to rebuild it)";
    }

    /// <summary>Rebuilds the parcels, sites and options from <see cref="Write"/>'s lines (other lines, such as a case's header, are ignored).</summary>
    /// <exception cref="FormatException">The text has no <c>options</c> line.</exception>
    public static (Parcel[] Parcels, BuildingSite[] Sites, RunOptions Options) Read(string text)
    {
        RunOptions? options = null;
        var sites = new List<BuildingSite>();
        var parcels = new List<Parcel>();
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (t[0])
            {
                case "options":
                    var byCount = t.Length > 2 && t[2] == "parcels";
                    var keys = t.Skip(byCount ? 3 : 2).Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
                    options = new RunOptions(int.Parse(t[1].TrimEnd('g'), CultureInfo.InvariantCulture), ParseSpan(keys["budget"]),
                        byCount ? CapacityKind.Count : CapacityKind.Weight, ParseSpan(keys["stop"]), Number(keys["speed"]), Number(keys["neighbours"]));
                    break;
                case "site":
                    sites.Add(new BuildingSite(new Id<Building>(Id(t[1])), new Position(Number(t[2]), Number(t[3]))));
                    break;
                case "parcel":
                    var window = t.Length > 7 && t[7].StartsWith("window=", StringComparison.Ordinal) ? t[7]["window=".Length..].Split('/') : null;
                    parcels.Add(new Parcel(new Id<Household>(Id(t[1])), new Id<Building>(Id(t[2])), t[3], t[4], t[5],
                        int.Parse(t[6].TrimEnd('g'), CultureInfo.InvariantCulture),
                        window is null ? null : new NodaTime.Interval(Moment.Parse(window[0]).Value, Moment.Parse(window[1]).Value)));
                    break;
                default:
                    break;
            }
        }

        return ([.. parcels], [.. sites], options ?? throw new FormatException("A delivery case needs an 'options' line."));
    }

    private static string Span(Duration d) => d.ToInt64Nanoseconds() % 60_000_000_000L == 0
        ? Invariant($"{d.ToInt64Nanoseconds() / 60_000_000_000L}min")
        : Invariant($"{d.ToInt64Nanoseconds()}ns");

    private static Duration ParseSpan(string s) => s.EndsWith("min", StringComparison.Ordinal)
        ? Duration.FromMinutes(long.Parse(s[..^3], CultureInfo.InvariantCulture))
        : Duration.FromNanoseconds(long.Parse(s[..^2], CultureInfo.InvariantCulture));

    private static int Id(string token) => int.Parse(token[1..], CultureInfo.InvariantCulture);

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
