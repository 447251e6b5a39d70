using System.Globalization;
using System.Text;
using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// Writes a <see cref="CurtoisInstance"/> in the Curtois &amp; Qu text format (<c>FORMAT.md</c>) that
/// <see cref="CurtoisParser"/> reads back: LF line endings, the seven sections in order, every shift maximum
/// written except an unlimited one (<see cref="int.MaxValue"/>, which the format expresses by omission).
/// </summary>
public static class CurtoisWriter
{
    /// <summary>Writes <paramref name="instance"/> to <paramref name="writer"/> (not closed).</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="writer">The destination.</param>
    /// <param name="comment">Optional first comment line (e.g. the command that generated the file); one line.</param>
    /// <exception cref="ArgumentException">The comment spans several lines.</exception>
    public static void Write(CurtoisInstance instance, TextWriter writer, string? comment = null)
    {
        Guard.Against.Null(instance);
        Guard.Against.Null(writer);
        if (comment is not null && comment.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("The comment must be one line.", nameof(comment));
        }

        var inv = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        if (comment is not null)
        {
            b.Append("# ").Append(comment).Append('\n');
        }

        b.Append("SECTION_HORIZON\n").Append(instance.Days.ToString(inv)).Append("\n\n");

        b.Append("SECTION_SHIFTS\n# ShiftID, Length in mins, Shifts which cannot follow this shift | separated\n");
        foreach (var s in instance.Shifts)
        {
            b.Append(s.Id).Append(',').Append(s.LengthMinutes.ToString(inv)).Append(',')
                .AppendJoin('|', s.CannotFollow.Select(n => instance.Shifts[n].Id)).Append('\n');
        }

        b.Append("\nSECTION_STAFF\n# ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends\n");
        foreach (var e in instance.Staff)
        {
            b.Append(e.Id).Append(',')
                .AppendJoin('|', instance.Shifts.Select((s, t) => (s.Id, Max: e.MaxShifts[t]))
                    .Where(x => x.Max != int.MaxValue)
                    .Select(x => x.Id + "=" + x.Max.ToString(inv)))
                .Append(string.Create(inv, $",{e.MaxTotalMinutes},{e.MinTotalMinutes},{e.MaxConsecutiveShifts},{e.MinConsecutiveShifts},{e.MinConsecutiveDaysOff},{e.MaxWeekends}\n"));
        }

        b.Append("\nSECTION_DAYS_OFF\n# EmployeeID, DayIndexes (start at zero)\n");
        foreach (var e in instance.Staff.Where(e => e.DaysOff.Count > 0))
        {
            b.Append(e.Id).Append(',').AppendJoin(',', e.DaysOff.Select(d => d.ToString(inv))).Append('\n');
        }

        b.Append("\nSECTION_SHIFT_ON_REQUESTS\n# EmployeeID, Day, ShiftID, Weight\n");
        AppendRequests(b, instance, instance.OnRequests);
        b.Append("\nSECTION_SHIFT_OFF_REQUESTS\n# EmployeeID, Day, ShiftID, Weight\n");
        AppendRequests(b, instance, instance.OffRequests);

        b.Append("\nSECTION_COVER\n# Day, ShiftID, Requirement, Weight for under, Weight for over\n");
        foreach (var c in instance.Cover.OrderBy(c => c.Day).ThenBy(c => c.Shift))
        {
            b.Append(string.Create(inv, $"{c.Day},{instance.Shifts[c.Shift].Id},{c.Requirement},{c.WeightUnder},{c.WeightOver}\n"));
        }

        writer.Write(b.ToString());
    }

    /// <summary>The text <see cref="Write"/> produces.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="comment">Optional first comment line.</param>
    public static string ToText(CurtoisInstance instance, string? comment = null)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        Write(instance, w, comment);
        return w.ToString();
    }

    private static void AppendRequests(StringBuilder b, CurtoisInstance instance, IEnumerable<CurtoisRequest> requests)
    {
        foreach (var r in requests)
        {
            b.Append(string.Create(CultureInfo.InvariantCulture, $"{instance.Staff[r.Employee].Id},{r.Day},{instance.Shifts[r.Shift].Id},{r.Weight}\n"));
        }
    }
}
