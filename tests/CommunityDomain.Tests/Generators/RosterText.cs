using System.Globalization;
using System.Text;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using NodaTime.Text;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// Roster problems as compact lines (issue 17: shrunk counterexamples that read and rebuild): a failing property prints
/// its case with <see cref="Write"/>, and <see cref="Read"/> rebuilds the same problem from the pasted text, so the
/// counterexample becomes an example test. One item a line, positional fields first, the rest as <c>key=value</c> only
/// when not the default:
/// <code>
/// horizon 2024-01-03 7 days
/// zone America/New_York
/// weights own=1 fair=2
/// shift S0 08:00 480min
/// demand P1 C1 2024-01-03 S0 x2 under=100 over=3 min=1 max=3 qual=scanner
/// worker W1 Staff C1 quals=scanner,marshal confined=C1 off=2024-01-04 windows=2024-01-03T07:00/2024-01-03T16:00 rules maxrun=3 rest=480
/// defaults mintotal=480 forbid=S0>S1
/// wish W1 2024-01-03 S0 on 2
/// pin W1 2024-01-03 P1 S0 qual=scanner
/// planted W1 2024-01-03 P1 S0
/// </code>
/// Covers what the roster generators produce (no display names, residents or per-kind rules); the round-trip tests
/// in <c>RosterTextTests</c> compare a rebuilt problem with the original member by member.
/// </summary>
public static class RosterText
{
    /// <summary>Lines beyond which a problem is cut (an unshrunk year-long case); a shrunk case is far smaller.</summary>
    public const int MostLines = 400;

    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDateTimePattern Moment = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");

    /// <summary>The problem (and a roster as <c>planted</c> lines) as lines; cut after <see cref="MostLines"/> lines with a note.</summary>
    public static string Write(RosterProblem p, IReadOnlyList<RosterAssignment>? planted = null)
    {
        var lines = new List<string>
        {
            $"horizon {Date.Format(p.Horizon.Start)} {p.Horizon.Length} days",
            Invariant($"weights own={p.Weights.OwnCompound} fair={p.Weights.Fairness}"),
        };
        if (p.Zone != DateTimeZone.Utc)
        {
            lines.Insert(1, $"zone {p.Zone.Id}");
        }

        lines.AddRange(p.Shifts.Select(s => Invariant($"shift {s.Code} {Time.Format(s.Start)} {s.Minutes}min")));
        lines.AddRange(p.Demands.Select(WriteDemand));
        lines.AddRange(p.Workers.Select(WriteWorker));
        if (Rules(p.DefaultRules) is { Length: > 0 } defaults)
        {
            lines.Add("defaults " + defaults);
        }

        lines.AddRange(p.Wishes.Select(w =>
            Invariant($"wish W{w.Worker.Value} {Date.Format(w.Date)} {w.ShiftCode} {(w.Kind == WishKind.ShiftOn ? "on" : "off")} {w.Weight}")));
        lines.AddRange(p.Pins.Select(a => "pin " + WriteAssignment(a)));
        lines.AddRange((planted ?? []).Select(a => "planted " + WriteAssignment(a)));
        return lines.Count <= MostLines
            ? string.Join('\n', lines)
            : string.Join('\n', lines.Take(MostLines)) + $"\n... {lines.Count - MostLines} more lines (cut: shrink further to rebuild it)";
    }

    /// <summary>Rebuilds the problem and the <c>planted</c> roster from <see cref="Write"/>'s lines (other lines are ignored).</summary>
    public static (RosterProblem Problem, IReadOnlyList<RosterAssignment> Planted) Read(string text)
    {
        DateInterval? horizon = null;
        var zone = DateTimeZone.Utc;
        var weights = new PreferenceWeights(0, 0);
        var shifts = new List<ShiftDefinition>();
        var demands = new List<Demand>();
        var workers = new List<Worker>();
        var wishes = new List<ShiftWish>();
        var pins = new List<RosterAssignment>();
        var planted = new List<RosterAssignment>();
        WorkRules? defaults = null;
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (t[0])
            {
                case "horizon":
                    var start = Date.Parse(t[1]).Value;
                    horizon = new DateInterval(start, start.PlusDays(Int(t[2]) - 1));
                    break;
                case "zone":
                    zone = DateTimeZoneProviders.Tzdb[t[1]];
                    break;
                case "weights":
                    var w = Keys(t.Skip(1));
                    weights = new PreferenceWeights(Int(w["own"]), Int(w["fair"]));
                    break;
                case "shift":
                    shifts.Add(new ShiftDefinition(t[1], Time.Parse(t[2]).Value, Duration.FromMinutes(Int(t[3].Replace("min", "", StringComparison.Ordinal)))));
                    break;
                case "demand":
                    demands.Add(ReadDemand(t));
                    break;
                case "worker":
                    workers.Add(ReadWorker(t));
                    break;
                case "defaults":
                    defaults = ReadRules(t.Skip(1));
                    break;
                case "wish":
                    wishes.Add(new ShiftWish(new Id<Worker>(Int(t[1][1..])), Date.Parse(t[2]).Value, t[3], t[4] == "on" ? WishKind.ShiftOn : WishKind.ShiftOff, Int(t[5])));
                    break;
                case "pin":
                    pins.Add(ReadAssignment(t));
                    break;
                case "planted":
                    planted.Add(ReadAssignment(t));
                    break;
                default:
                    break;
            }
        }

        var problem = RosterProblem.Create(
            horizon ?? throw new FormatException("No horizon line."), shifts, demands, workers, defaults, wishes: wishes, pins: pins, weights: weights, zone: zone);
        return (problem, planted);
    }

    private static string WriteDemand(Demand d)
    {
        var s = new StringBuilder(Invariant($"demand P{d.Post.Value} C{d.Compound.Value} {Date.Format(d.Date)} {d.ShiftCode} x{d.Required} under={d.UnderWeight} over={d.OverWeight}"));
        Append(s, "min", d.Minimum);
        Append(s, "max", d.Maximum);
        Append(s, "qual", d.Qualification);
        return s.ToString();
    }

    private static Demand ReadDemand(string[] t)
    {
        var k = Keys(t.Skip(6));
        return new Demand(new Id<Post>(Int(t[1][1..])), new Id<Compound>(Int(t[2][1..])), Date.Parse(t[3]).Value, t[4], Int(t[5][1..]),
            Int(k["under"]), Int(k["over"]), minimum: k.TryGetValue("min", out var min) ? Int(min) : null,
            qualification: k.GetValueOrDefault("qual"), maximum: k.TryGetValue("max", out var max) ? Int(max) : null);
    }

    private static string WriteWorker(Worker w)
    {
        var s = new StringBuilder(Invariant($"worker W{w.Id.Value} {w.Kind} C{w.Home.Value}"));
        Append(s, "quals", w.Qualifications.Count == 0 ? null : string.Join(',', w.Qualifications.Order(StringComparer.Ordinal)));
        Append(s, "confined", w.ConfinedTo is { } c ? Invariant($"C{c.Value}") : null);
        Append(s, "from", w.ConfinedFrom is { } f ? Date.Format(f) : null);
        Append(s, "off", w.UnavailableDates.Count == 0 ? null : string.Join(',', w.UnavailableDates.Order().Select(Date.Format)));
        Append(s, "windows", w.Availability.Count == 0 ? null : string.Join(';', w.Availability.Select(a => $"{Moment.Format(a.Start)}/{Moment.Format(a.End)}")));
        if (w.Rules is { } rules)
        {
            s.Append(" rules");
            if (Rules(rules) is { Length: > 0 } written)
            {
                s.Append(' ').Append(written);
            }
        }

        return s.ToString();
    }

    private static Worker ReadWorker(string[] t)
    {
        var rulesAt = Array.IndexOf(t, "rules");
        var k = Keys(t.Skip(4).Take((rulesAt < 0 ? t.Length : rulesAt) - 4));
        return new Worker(
            new Id<Worker>(Int(t[1][1..])),
            Enum.Parse<WorkerKind>(t[2]),
            new Id<Compound>(Int(t[3][1..])),
            k.TryGetValue("quals", out var quals) ? quals.Split(',') : null,
            k.TryGetValue("confined", out var confined) ? new Id<Compound>(Int(confined[1..])) : null,
            k.TryGetValue("windows", out var windows)
                ? windows.Split(';').Select(x => x.Split('/')).Select(x => new AvailabilityWindow(Moment.Parse(x[0]).Value, Moment.Parse(x[1]).Value))
                : null,
            k.TryGetValue("off", out var off) ? off.Split(',').Select(x => Date.Parse(x).Value) : null,
            rulesAt < 0 ? null : ReadRules(t.Skip(rulesAt + 1)),
            confinedFrom: k.TryGetValue("from", out var from) ? Date.Parse(from).Value : null);
    }

    private static string Rules(WorkRules r)
    {
        var s = new StringBuilder();
        Append(s, "percode", r.MaxShiftsPerCode.Count == 0 ? null
            : string.Join(',', r.MaxShiftsPerCode.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => Invariant($"{x.Key}:{x.Value}"))));
        Append(s, "mintotal", r.MinTotalMinutes == 0 ? null : r.MinTotalMinutes);
        Append(s, "maxtotal", r.MaxTotalMinutes);
        Append(s, "week", r.MaxMinutesPerWeek);
        Append(s, "maxrun", r.MaxConsecutiveDays);
        Append(s, "minrun", r.MinConsecutiveDays == 1 ? null : r.MinConsecutiveDays);
        Append(s, "minoff", r.MinConsecutiveDaysOff == 1 ? null : r.MinConsecutiveDaysOff);
        Append(s, "weekends", r.MaxWeekends);
        Append(s, "rest", r.MinRest is { } rest ? Invariant($"{rest.TotalMinutes}") : null);
        Append(s, "forbid", r.ForbiddenSuccessions.Count == 0 ? null : string.Join(',', r.ForbiddenSuccessions.Select(f => $"{f.First}>{f.Next}")));
        return s.ToString().TrimStart();
    }

    private static WorkRules ReadRules(IEnumerable<string> tokens)
    {
        var k = Keys(tokens);
        int? Optional(string key) => k.TryGetValue(key, out var v) ? Int(v) : null;
        return new WorkRules(
            maxShiftsPerCode: k.TryGetValue("percode", out var perCode)
                ? perCode.Split(',').Select(x => x.Split(':')).ToDictionary(x => x[0], x => Int(x[1]), StringComparer.Ordinal)
                : null,
            minTotalMinutes: Optional("mintotal") ?? 0,
            maxTotalMinutes: Optional("maxtotal"),
            maxMinutesPerWeek: Optional("week"),
            maxConsecutiveDays: Optional("maxrun"),
            minConsecutiveDays: Optional("minrun") ?? 1,
            minConsecutiveDaysOff: Optional("minoff") ?? 1,
            maxWeekends: Optional("weekends"),
            minRest: k.TryGetValue("rest", out var rest) ? Duration.FromMinutes(double.Parse(rest, CultureInfo.InvariantCulture)) : null,
            forbiddenSuccessions: k.TryGetValue("forbid", out var forbid)
                ? forbid.Split(',').Select(x => x.Split('>')).Select(x => new ForbiddenSuccession(x[0], x[1]))
                : null);
    }

    private static string WriteAssignment(RosterAssignment a) =>
        Invariant($"W{a.Worker.Value} {Date.Format(a.Date)} P{a.Post.Value} {a.ShiftCode}") + (a.Qualification is { } q ? " qual=" + q : "");

    private static RosterAssignment ReadAssignment(string[] t) =>
        new(new Id<Worker>(Int(t[1][1..])), Date.Parse(t[2]).Value, new Id<Post>(Int(t[3][1..])), t[4], Keys(t.Skip(5)).GetValueOrDefault("qual"));

    private static void Append(StringBuilder s, string key, object? value)
    {
        if (value is not null)
        {
            s.Append(' ').Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }

    private static Dictionary<string, string> Keys(IEnumerable<string> tokens) =>
        tokens.Select(x => x.Split('=', 2)).ToDictionary(x => x[0], x => x[1], StringComparer.Ordinal);

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
