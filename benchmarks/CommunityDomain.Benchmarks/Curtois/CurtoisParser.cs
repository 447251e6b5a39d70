using System.Globalization;
using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// Reads the Curtois &amp; Qu text format (<c>benchmarks/roster-benchmark/FORMAT.md</c>) into a
/// <see cref="CurtoisInstance"/>.
/// </summary>
/// <remarks>
/// Accepts CRLF and LF, <c>#</c> comment lines, blank lines, whitespace around fields, one trailing empty field
/// (<c>D,480,</c>, <c>A,2,D,2,</c>) and <c>|</c> lists. Sections must appear in the documented order
/// (HORIZON, SHIFTS, STAFF, DAYS_OFF, SHIFT_ON_REQUESTS, SHIFT_OFF_REQUESTS, COVER), each at most once;
/// HORIZON, SHIFTS, STAFF and COVER are required, the other three may be absent (empty). A staff member may
/// appear on several DAYS_OFF lines; a shift type missing from a <c>MaxShifts</c> list has no limit.
/// Every fault throws <see cref="CurtoisFormatException"/> naming the line.
/// </remarks>
public static class CurtoisParser
{
    private static readonly string[] SectionOrder =
    [
        "SECTION_HORIZON", "SECTION_SHIFTS", "SECTION_STAFF", "SECTION_DAYS_OFF",
        "SECTION_SHIFT_ON_REQUESTS", "SECTION_SHIFT_OFF_REQUESTS", "SECTION_COVER",
    ];

    /// <summary>Reads an instance file; the instance is named after the file name without extension.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The parsed instance.</returns>
    /// <exception cref="CurtoisFormatException">The file is malformed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static CurtoisInstance Load(string path)
    {
        Guard.Against.NullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Parses instance text.</summary>
    /// <param name="text">The whole file content.</param>
    /// <param name="name">The instance name; <c>instance</c> when omitted.</param>
    /// <returns>The parsed instance.</returns>
    /// <exception cref="CurtoisFormatException">The text is malformed.</exception>
    public static CurtoisInstance Parse(string text, string name = "instance")
    {
        Guard.Against.Null(text);
        Guard.Against.NullOrWhiteSpace(name);
        var reader = new Reader(text);
        return reader.Read(name);
    }

    /// <summary>The stateful reader of one file; one method per section.</summary>
    /// <remarks>The loops over lines are compiled fully optimised on first call (AggressiveOptimization): the
    /// <c>curtois</c> command reads one file per process, and its time limit counts the reading (community-600: 7,800
    /// lines, about 140 ms of one thread's CPU on the first read against 45 ms on a second one in the same process).</remarks>
    private sealed class Reader(string text)
    {
        private readonly List<(int Line, string[] Fields)>[] _sections =
            Enumerable.Range(0, SectionOrder.Length).Select(_ => new List<(int, string[])>()).ToArray();

        private readonly int[] _headerLine = new int[SectionOrder.Length];
        private int _lastLine;

        public CurtoisInstance Read(string name)
        {
            Split();
            var days = ReadHorizon();
            var (shiftIds, shiftLengths, cannotFollowRaw) = ReadShifts();
            var shiftIndex = Index(shiftIds);
            var shifts = new CurtoisShift[shiftIds.Count];
            for (var i = 0; i < shifts.Length; i++)
            {
                var (line, ids) = cannotFollowRaw[i];
                var next = new List<int>();
                foreach (var id in ids)
                {
                    var k = Lookup(shiftIndex, id, line, "shift");
                    if (next.Contains(k))
                    {
                        throw new CurtoisFormatException(line, $"shift '{id}' is listed twice in the cannot-follow list");
                    }

                    next.Add(k);
                }

                shifts[i] = new CurtoisShift(shiftIds[i], shiftLengths[i], next);
            }

            var staffRows = ReadStaffRows(shiftIndex);
            var staffIndex = Index(staffRows.Select(r => r.Id).ToList());
            var daysOff = ReadDaysOff(staffIndex, days);
            var staff = staffRows.Select((r, e) => new CurtoisStaff(
                r.Id, r.MaxShifts, r.MaxTotal, r.MinTotal, r.MaxCons, r.MinCons, r.MinOff, r.MaxWeekends, daysOff[e])).ToArray();
            var on = ReadRequests(4, staffIndex, shiftIndex, days);
            var off = ReadRequests(5, staffIndex, shiftIndex, days);
            var requests = on.Concat(off).Sum(r => (long)r.Weight);
            var cover = ReadCover(shiftIndex, shiftIds, days, requests, staff.Length);
            return new CurtoisInstance(name, days, shifts, staff, on, off, cover);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Split()
        {
            var current = -1;
            // A byte order mark survives when the caller decoded the bytes without stripping it.
            var lines = text.TrimStart('\uFEFF').Split('\n');
            for (var n = 0; n < lines.Length; n++)
            {
                var lineNumber = n + 1;
                var line = lines[n].TrimEnd('\r').Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                _lastLine = lineNumber;
                if (line.StartsWith("SECTION_", StringComparison.Ordinal))
                {
                    var k = Array.IndexOf(SectionOrder, line);
                    if (k < 0)
                    {
                        throw new CurtoisFormatException(lineNumber, $"unknown section '{line}'");
                    }

                    if (k <= current)
                    {
                        throw new CurtoisFormatException(lineNumber, _headerLine[k] > 0
                            ? $"section {line} appears twice (first on line {_headerLine[k]})"
                            : $"section {line} is out of order (it must come before {SectionOrder[current]})");
                    }

                    current = k;
                    _headerLine[k] = lineNumber;
                    continue;
                }

                if (current < 0)
                {
                    throw new CurtoisFormatException(lineNumber, "data before the first SECTION_ line");
                }

                _sections[current].Add((lineNumber, line.Split(',', StringSplitOptions.TrimEntries)));
            }

            foreach (var required in new[] { 0, 1, 2, 6 })
            {
                if (_headerLine[required] == 0)
                {
                    throw new CurtoisFormatException(Math.Max(1, _lastLine), $"missing section {SectionOrder[required]}");
                }
            }
        }

        private int ReadHorizon()
        {
            var rows = _sections[0];
            if (rows.Count != 1)
            {
                throw new CurtoisFormatException(rows.Count == 0 ? _headerLine[0] : rows[1].Line, "SECTION_HORIZON must hold exactly one line");
            }

            var (line, fields) = rows[0];
            fields = Arity(fields, 1, line, "SECTION_HORIZON", "Days");
            var days = Int(fields[0], line, "horizon");
            return days > 0 ? days : throw new CurtoisFormatException(line, $"horizon {days} must be positive");
        }

        private (List<string> Ids, List<int> Lengths, List<(int Line, string[] Ids)> CannotFollow) ReadShifts()
        {
            var ids = new List<string>();
            var lengths = new List<int>();
            var next = new List<(int, string[])>();
            foreach (var (line, raw) in _sections[1])
            {
                // "D,480" without the trailing comma is the same as "D,480,".
                var fields = raw.Length == 2 ? [raw[0], raw[1], string.Empty] : Arity(raw, 3, line, "SECTION_SHIFTS", "ShiftID, LengthMinutes, CannotFollow");
                var id = Id(fields[0], line, "shift");
                if (ids.Contains(id))
                {
                    throw new CurtoisFormatException(line, $"duplicate shift id '{id}'");
                }

                var length = Int(fields[1], line, "shift length");
                if (length <= 0)
                {
                    throw new CurtoisFormatException(line, $"shift length {length} must be positive");
                }

                ids.Add(id);
                lengths.Add(length);
                next.Add((line, List(fields[2], line, "cannot-follow")));
            }

            return ids.Count > 0 ? (ids, lengths, next) : throw new CurtoisFormatException(_headerLine[1], "SECTION_SHIFTS is empty");
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private List<StaffRow> ReadStaffRows(Dictionary<string, int> shiftIndex)
        {
            var rows = new List<StaffRow>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (line, raw) in _sections[2])
            {
                var f = Arity(raw, 8, line, "SECTION_STAFF",
                    "ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends");
                var id = Id(f[0], line, "staff");
                if (!seen.Add(id))
                {
                    throw new CurtoisFormatException(line, $"duplicate staff id '{id}'");
                }

                var max = Enumerable.Repeat(int.MaxValue, shiftIndex.Count).ToArray();
                var given = new bool[shiftIndex.Count];
                foreach (var pair in List(f[1], line, "MaxShifts"))
                {
                    var eq = pair.Split('=');
                    if (eq.Length != 2)
                    {
                        throw new CurtoisFormatException(line, $"MaxShifts entry '{pair}' is not ShiftID=max");
                    }

                    var k = Lookup(shiftIndex, eq[0].Trim(), line, "shift");
                    if (given[k])
                    {
                        throw new CurtoisFormatException(line, $"MaxShifts lists shift '{eq[0].Trim()}' twice");
                    }

                    given[k] = true;
                    max[k] = MaxShifts(eq, line);
                }

                rows.Add(new StaffRow(
                    id, max,
                    NonNegative(f[2], line, "MaxTotalMinutes"),
                    NonNegative(f[3], line, "MinTotalMinutes"),
                    NonNegative(f[4], line, "MaxConsecutiveShifts"),
                    NonNegative(f[5], line, "MinConsecutiveShifts"),
                    NonNegative(f[6], line, "MinConsecutiveDaysOff"),
                    NonNegative(f[7], line, "MaxWeekends")));
            }

            return rows;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private List<int>[] ReadDaysOff(Dictionary<string, int> staffIndex, int days)
        {
            var result = Enumerable.Range(0, staffIndex.Count).Select(_ => new List<int>()).ToArray();
            foreach (var (line, raw) in _sections[3])
            {
                var fields = raw.Length > 1 && raw[^1].Length == 0 ? raw[..^1] : raw;
                var e = Lookup(staffIndex, fields[0], line, "staff");
                foreach (var field in fields.Skip(1))
                {
                    var d = Day(field, line, days);
                    if (result[e].Contains(d))
                    {
                        throw new CurtoisFormatException(line, $"day off {d} of staff '{fields[0]}' is listed twice");
                    }

                    result[e].Add(d);
                }
            }

            return result;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private List<CurtoisRequest> ReadRequests(int section, Dictionary<string, int> staffIndex, Dictionary<string, int> shiftIndex, int days)
        {
            var result = new List<CurtoisRequest>();
            foreach (var (line, raw) in _sections[section])
            {
                var f = Arity(raw, 4, line, SectionOrder[section], "EmployeeID, Day, ShiftID, Weight");
                var e = Lookup(staffIndex, f[0], line, "staff");
                var d = Day(f[1], line, days);
                var t = Lookup(shiftIndex, f[2], line, "shift");
                result.Add(new CurtoisRequest(e, d, t, NonNegative(f[3], line, "weight")));
            }

            return result;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        // requests: the weights of every request; staff: how many can be over a cover line. The objective is an int (the
        // evaluator's sums): the worst roster's penalties must fit in it.
        private List<CurtoisCover> ReadCover(Dictionary<string, int> shiftIndex, List<string> shiftIds, int days, long requests, int staff)
        {
            var worst = requests;
            var result = new List<CurtoisCover>();
            var lineOf = new int[days * shiftIds.Count];
            foreach (var (line, raw) in _sections[6])
            {
                var f = Arity(raw, 5, line, "SECTION_COVER", "Day, ShiftID, Requirement, WeightUnder, WeightOver");
                var d = Day(f[0], line, days);
                var t = Lookup(shiftIndex, f[1], line, "shift");
                var k = (d * shiftIds.Count) + t;
                if (lineOf[k] != 0)
                {
                    throw new CurtoisFormatException(line, $"duplicate cover line for day {d}, shift '{f[1]}' (first on line {lineOf[k]})");
                }

                lineOf[k] = line;
                var cover = new CurtoisCover(
                    d, t,
                    NonNegative(f[2], line, "requirement"),
                    NonNegative(f[3], line, "under weight"),
                    NonNegative(f[4], line, "over weight"));
                worst += ((long)cover.Requirement * cover.WeightUnder) + ((long)staff * cover.WeightOver);
                if (worst > int.MaxValue)
                {
                    throw new CurtoisFormatException(line, $"the penalties could total more than {int.MaxValue} by this line (requirements or weights too large for the objective)");
                }

                result.Add(cover);
            }

            var missing = Array.IndexOf(lineOf, 0);
            if (missing >= 0)
            {
                var end = _sections[6].Count > 0 ? _sections[6][^1].Line : _headerLine[6];
                throw new CurtoisFormatException(end,
                    $"missing cover line for day {missing / shiftIds.Count}, shift '{shiftIds[missing % shiftIds.Count]}' (SECTION_COVER needs one line per day and shift)");
            }

            return result;
        }

        private static string[] Arity(string[] fields, int count, int line, string section, string layout)
        {
            // One trailing empty field ("...,") is tolerated everywhere.
            if (fields.Length == count + 1 && fields[^1].Length == 0)
            {
                fields = fields[..^1];
            }

            return fields.Length == count
                ? fields
                : throw new CurtoisFormatException(line, $"{section} line has {fields.Length} fields, expected {count} ({layout})");
        }

        private static Dictionary<string, int> Index(List<string> ids)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < ids.Count; i++)
            {
                index[ids[i]] = i;
            }

            return index;
        }

        private static int Lookup(Dictionary<string, int> index, string id, int line, string what) =>
            index.TryGetValue(id, out var k) ? k : throw new CurtoisFormatException(line, $"unknown {what} id '{id}'");

        private static string Id(string field, int line, string what) =>
            field.Length > 0 ? field : throw new CurtoisFormatException(line, $"empty {what} id");

        private static string[] List(string field, int line, string what)
        {
            if (field.Length == 0)
            {
                return [];
            }

            var items = field.Split('|', StringSplitOptions.TrimEntries);
            return items.All(s => s.Length > 0) ? items : throw new CurtoisFormatException(line, $"empty item in the {what} list '{field}'");
        }

        private static int Int(string field, int line, string what) =>
            int.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw new CurtoisFormatException(line, $"{what} '{field}' is not an integer");

        private static int NonNegative(string field, int line, string what)
        {
            var v = Int(field, line, what);
            return v >= 0 ? v : throw new CurtoisFormatException(line, $"{what} {v} must not be negative");
        }

        /// <summary>The maximum of a <c>ShiftID=max</c> entry (its message is formatted only when the value is bad).</summary>
        private static int MaxShifts(string[] entry, int line) =>
            int.TryParse(entry[1].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= 0
                ? v
                : NonNegative(entry[1].Trim(), line, $"MaxShifts of shift '{entry[0].Trim()}'");

        private static int Day(string field, int line, int days)
        {
            var d = Int(field, line, "day");
            return d >= 0 && d < days ? d : throw new CurtoisFormatException(line, $"day {d} is out of range 0..{days - 1}");
        }
    }

    private sealed record StaffRow(string Id, int[] MaxShifts, int MaxTotal, int MinTotal, int MaxCons, int MinCons, int MinOff, int MaxWeekends);
}
