using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CommunityDomain.Communities;
using CommunityDomain.MassTesting.Planners;
using NodaTime.Text;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// Wave cases as lines (issue 17: a shrunk counterexample that can be pasted back): a failing property prints its
/// <see cref="WaveCase"/> with <see cref="Write"/>, and <see cref="Read"/> (<see cref="WaveCase.Parse"/>) rebuilds the
/// same problem from the text, so the counterexample becomes an example test. One item a line; seconds are exact
/// decimals to the nanosecond ("0.000000001" for 1 ns), positions round-trip doubles, names and the shape JSON strings (a newline or a quote in a name survives):
/// <code>
/// wave "tiny"
/// start 2022-04-01T05:00:00Z
/// times qr=20 typed=40 assisted=60
/// site 1 at=10,20 stations=3 queue=12 walk=60 name="S1"
/// building 1 at=50,50 name="1"
/// unit 1 households=1f1:2/0/1,2f1:0/1/0 name="1"
/// </code>
/// A unit line belongs to the building line above it; a household is <c>id f floor : QR / typed / assisted</c>.
/// </summary>
public static class WaveText
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The case as lines.</summary>
    public static string Write(WaveCase c)
    {
        var p = c.Problem;
        var lines = new List<string>
        {
            "wave " + Quote(c.Shape),
            "start " + InstantPattern.ExtendedIso.Format(p.Start),
            Invariant($"times qr={Seconds(p.ServiceTimes.QrCode)} typed={Seconds(p.ServiceTimes.Typed)} assisted={Seconds(p.ServiceTimes.Assisted)}"),
        };
        lines.AddRange(p.Sites.Select(s => Invariant(
            $"site {s.SiteId} at={At(s.Position)} stations={s.Stations} queue={s.QueueCapacity} walk={Seconds(s.WalkDown)} name=") + Quote(s.Name)));
        foreach (var b in p.Buildings)
        {
            lines.Add(Invariant($"building {b.BuildingId} at={At(b.Position)} name=") + Quote(b.Name));
            lines.AddRange(b.Units.Select(u => Invariant($"unit {u.UnitId} households=")
                + string.Join(',', u.Households.Select(h => Invariant($"{h.HouseholdId}f{h.Floor}:{h.QrCode}/{h.Typed}/{h.Assisted}")))
                + " name=" + Quote(u.Name)));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Rebuilds the case from <see cref="Write"/>'s lines (blank lines and surrounding spaces are ignored).</summary>
    public static WaveCase Read(string text)
    {
        string? shape = null;
        Instant? start = null;
        ServiceTimes? times = null;
        var sites = new List<SiteSpec>();
        var buildings = new List<(int Id, Position At, string Name, List<UnitLoad> Units)>();
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (t, name) = Split(line);
            switch (t[0])
            {
                case "wave":
                    shape = Unquote(line["wave ".Length..]);
                    break;
                case "start":
                    start = InstantPattern.ExtendedIso.Parse(t[1]).Value;
                    break;
                case "times":
                    var k = Keys(t.Skip(1));
                    times = new ServiceTimes(Seconds(k["qr"]), Seconds(k["typed"]), Seconds(k["assisted"]));
                    break;
                case "site":
                    var s = Keys(t.Skip(2));
                    sites.Add(new SiteSpec(Int(t[1]), name!, At(s["at"]), Int(s["stations"]), Int(s["queue"]), Seconds(s["walk"])));
                    break;
                case "building":
                    buildings.Add((Int(t[1]), At(Keys(t.Skip(2))["at"]), name!, []));
                    break;
                case "unit":
                    var homes = Keys(t.Skip(2))["households"];
                    buildings[^1].Units.Add(new UnitLoad(Int(t[1]), name!,
                        [.. homes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Household)]));
                    break;
                default:
                    throw new FormatException($"Unknown line: {line}");
            }
        }

        var problem = new WaveProblem(start ?? throw new FormatException("No start line."), times ?? throw new FormatException("No times line."),
            sites, [.. buildings.Select(b => new BuildingLoad(b.Id, b.Name, b.At, b.Units))]);
        return new WaveCase(problem, shape ?? throw new FormatException("No wave line."));
    }

    // The line's tokens before ` name=` and the name after it (a JSON string, so it may hold spaces and escapes).
    private static (string[] Tokens, string? Name) Split(string line)
    {
        var at = line.IndexOf(" name=\"", StringComparison.Ordinal);
        return at < 0
            ? (line.Split(' ', StringSplitOptions.RemoveEmptyEntries), null)
            : (line[..at].Split(' ', StringSplitOptions.RemoveEmptyEntries), Unquote(line[(at + " name=".Length)..]));
    }

    private static HouseholdLoad Household(string text)
    {
        // 12f3:2/0/1
        var f = text.IndexOf('f', StringComparison.Ordinal);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var intake = text[(colon + 1)..].Split('/');
        return new HouseholdLoad(Int(text[..f]), Int(text[(f + 1)..colon]), Int(intake[0]), Int(intake[1]), Int(intake[2]));
    }

    private static string Quote(string s) => JsonSerializer.Serialize(s, Json);

    private static string Unquote(string s) => JsonSerializer.Deserialize<string>(s) ?? throw new FormatException("A null name.");

    private static string At(Position p) => Invariant($"{p.X:R},{p.Y:R}");

    private static Position At(string s)
    {
        var xy = s.Split(',');
        return new Position(double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture));
    }

    // Exact decimal seconds to the nanosecond (NodaTime's resolution), so any Duration round-trips, a 1 ns one included.
    private static string Seconds(Duration d) => (d.ToInt64Nanoseconds() / 1_000_000_000m).ToString(CultureInfo.InvariantCulture);

    private static Duration Seconds(string s)
    {
        var nanoseconds = decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) * 1_000_000_000m;
        return nanoseconds == decimal.Truncate(nanoseconds)
            ? Duration.FromNanoseconds((long)nanoseconds)
            : throw new FormatException($"A duration finer than a nanosecond: {s} s.");
    }

    private static Dictionary<string, string> Keys(IEnumerable<string> tokens) =>
        tokens.Select(x => x.Split('=', 2)).ToDictionary(x => x[0], x => x[1], StringComparer.Ordinal);

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
