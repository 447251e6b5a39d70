using CommunityDomain.Benchmarks.Curtois;

namespace CommunityDomain.Tests.Curtois;

public sealed class CurtoisParserTests
{
    // FORMAT.md "Sizes": days, staff, shift types, day-off entries, on-req, off-req, cover lines.
    public static TheoryData<string, int, int, int, int, int, int, int> Sizes => new()
    {
        { "Instance1", 14, 8, 1, 8, 21, 5, 14 },
        { "Instance2", 14, 14, 2, 14, 50, 12, 28 },
        { "Instance3", 14, 20, 3, 20, 39, 25, 42 },
        { "Instance4", 28, 10, 2, 20, 52, 19, 56 },
        { "Instance5", 28, 16, 2, 32, 79, 27, 56 },
        { "Instance6", 28, 18, 3, 36, 87, 48, 84 },
        { "Instance8", 28, 30, 4, 60, 139, 86, 112 },
        { "Instance10", 28, 40, 5, 80, 210, 74, 140 },
        { "Instance12", 28, 60, 10, 120, 294, 128, 280 },
        { "Instance14", 42, 32, 4, 128, 266, 93, 168 },
        { "Instance16", 56, 20, 3, 120, 177, 103, 168 },
        { "Instance18", 84, 22, 3, 176, 322, 92, 252 },
        { "Instance20", 182, 50, 6, 900, 1665, 653, 1092 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Load_benchmark_instance_matches_the_size_table(
        string name, int days, int staff, int shiftTypes, int dayOffEntries, int onRequests, int offRequests, int coverLines)
    {
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf(name));

        Assert.Equal(name, instance.Name);
        Assert.Equal(days, instance.Days);
        Assert.Equal(staff, instance.Staff.Count);
        Assert.Equal(shiftTypes, instance.Shifts.Count);
        Assert.Equal(dayOffEntries, instance.DayOffEntries);
        Assert.Equal(onRequests, instance.OnRequests.Count);
        Assert.Equal(offRequests, instance.OffRequests.Count);
        Assert.Equal(coverLines, instance.Cover.Count);
    }

    [Fact]
    public void Load_instance_folder_holds_exactly_the_thirteen_instances_of_the_table()
    {
        var files = Directory.GetFiles(RosterBenchmarkFolder.Instances, "*.txt").Select(Path.GetFileNameWithoutExtension).Order().ToArray();
        var expected = Sizes.Select(row => (string)row[0]).Order().ToArray();
        Assert.Equal(expected, files);
    }

    [Fact]
    public void Load_Instance1_reads_fields_faithfully()
    {
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf("Instance1"));

        var d = Assert.Single(instance.Shifts);
        Assert.Equal(("D", 480), (d.Id, d.LengthMinutes));
        Assert.Empty(d.CannotFollow);
        var a = instance.Staff[0];
        Assert.Equal("A", a.Id);
        Assert.Equal([14], a.MaxShifts);
        Assert.Equal((4320, 3360, 5, 2, 2, 1), (a.MaxTotalMinutes, a.MinTotalMinutes, a.MaxConsecutiveShifts, a.MinConsecutiveShifts, a.MinConsecutiveDaysOff, a.MaxWeekends));
        Assert.Equal([0], a.DaysOff);
        Assert.Equal(new CurtoisRequest(0, 2, 0, 2), instance.OnRequests[0]);
        Assert.Equal(new CurtoisRequest(7, 3, 0, 3), instance.OffRequests[^1]);
        Assert.Equal(new CurtoisCover(1, 0, 7, 100, 1), instance.CoverAt(1, 0));
        Assert.Equal(71, instance.Cover.Sum(c => c.Requirement));
        Assert.Equal(2, instance.Weekends);
    }

    [Fact]
    public void Load_Instance20_resolves_cannot_follow_lists_and_max_shift_lists()
    {
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf("Instance20"));

        var p1 = instance.ShiftIndex("p1");
        Assert.Equal(["a1", "a2", "d1", "d2"], instance.Shifts[p1].CannotFollow.Select(i => instance.Shifts[i].Id));
        Assert.True(instance.CannotFollow(p1, instance.ShiftIndex("d2")));
        Assert.False(instance.CannotFollow(instance.ShiftIndex("d2"), p1));
        var a = instance.Staff[instance.StaffIndex("A")];
        Assert.Equal([0, 0, 182, 182, 182, 182], a.MaxShifts);
        Assert.Equal(26, instance.Weekends);
    }

    [Fact]
    public void Parse_LF_and_CRLF_give_the_same_instance()
    {
        var lf = Tiny.Valid;
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);

        Assert.Equal(Describe(CurtoisParser.Parse(lf)), Describe(CurtoisParser.Parse(crlf)));
    }

    [Fact]
    public void Parse_tolerates_trailing_commas_whitespace_comments_and_two_field_shift_lines()
    {
        var text = Tiny.Valid
            .Replace("D,480,\n", "  D , 480\n# a comment inside a section\n\n", StringComparison.Ordinal)
            .Replace("A,0,D,2\n", "A, 0, D, 2,\n", StringComparison.Ordinal)
            .Replace("A,1\n", "A,1,\n", StringComparison.Ordinal);

        Assert.Equal(Describe(CurtoisParser.Parse(Tiny.Valid)), Describe(CurtoisParser.Parse(text)));
    }

    [Fact]
    public void Parse_ignores_a_leading_byte_order_mark()
    {
        Assert.Equal(Describe(CurtoisParser.Parse(Tiny.Valid)), Describe(CurtoisParser.Parse("\uFEFF" + Tiny.Valid)));
    }

    [Fact]
    public void Parse_optional_sections_may_be_absent()
    {
        var text = string.Join('\n', Tiny.Valid.Split('\n').Where((_, i) => i + 1 is < 13 or > 21));

        var instance = CurtoisParser.Parse(text);

        Assert.Empty(instance.OnRequests);
        Assert.Empty(instance.OffRequests);
        Assert.Equal(0, instance.DayOffEntries);
    }

    [Fact]
    public void Parse_shift_missing_from_a_max_shifts_list_is_unlimited()
    {
        var instance = CurtoisParser.Parse(Tiny.WithLine(10, "A,D=2,2000,0,2,1,1,1"));

        Assert.Equal([2, int.MaxValue], instance.Staff[0].MaxShifts);
    }

    // Line numbers refer to Tiny.Valid, 1-based.
    [Theory]
    [InlineData(2, "SECTION_HORIZONS", 2, "unknown section 'SECTION_HORIZONS'")]
    [InlineData(2, "14", 2, "data before the first SECTION_ line")]
    [InlineData(3, "x", 3, "horizon 'x' is not an integer")]
    [InlineData(3, "0", 3, "horizon 0 must be positive")]
    [InlineData(6, "D,-480,", 6, "shift length -480 must be positive")]
    [InlineData(7, "D,480,", 7, "duplicate shift id 'D'")]
    [InlineData(7, "E,480,Q", 7, "unknown shift id 'Q'")]
    [InlineData(7, "E,480,D||D", 7, "empty item in the cannot-follow list")]
    [InlineData(7, "E,480,D,1", 7, "4 fields, expected 3")]
    [InlineData(10, "A,D=2|E=2,2000,0,2,1,1", 10, "SECTION_STAFF line has 7 fields, expected 8")]
    [InlineData(10, "A,D=2|X=2,2000,0,2,1,1,1", 10, "unknown shift id 'X'")]
    [InlineData(10, "A,D=2|D=1,2000,0,2,1,1,1", 10, "MaxShifts lists shift 'D' twice")]
    [InlineData(10, "A,D2|E=2,2000,0,2,1,1,1", 10, "MaxShifts entry 'D2' is not ShiftID=max")]
    [InlineData(10, "A,D=-1|E=2,2000,0,2,1,1,1", 10, "must not be negative")]
    [InlineData(10, "A,D=2|E=2,2000,0,two,1,1,1", 10, "MaxConsecutiveShifts 'two' is not an integer")]
    [InlineData(11, "A,D=2|E=0,2000,0,2,1,1,1", 11, "duplicate staff id 'A'")]
    [InlineData(13, "SECTION_COVER", 16, "section SECTION_SHIFT_ON_REQUESTS is out of order")]
    [InlineData(16, "SECTION_DAYS_OFF", 16, "section SECTION_DAYS_OFF appears twice (first on line 13)")]
    [InlineData(14, "Z,1", 14, "unknown staff id 'Z'")]
    [InlineData(14, "A,2", 14, "day 2 is out of range 0..1")]
    [InlineData(14, "A,1,1", 14, "day off 1 of staff 'A' is listed twice")]
    [InlineData(17, "A,0,D,two", 17, "weight 'two' is not an integer")]
    [InlineData(17, "A,0,D", 17, "3 fields, expected 4")]
    [InlineData(17, "A,-1,D,2", 17, "day -1 is out of range")]
    [InlineData(20, "B,1,X,1", 20, "unknown shift id 'X'")]
    [InlineData(23, "0,D,1,100", 23, "SECTION_COVER line has 4 fields, expected 5")]
    [InlineData(23, "0,D,1.5,100,1", 23, "requirement '1.5' is not an integer")]
    [InlineData(26, "", 25, "missing cover line for day 1, shift 'E'")]
    [InlineData(26, "0,D,3,100,1", 26, "duplicate cover line for day 0, shift 'D' (first on line 23)")]
    [InlineData(23, "0,D,21474837,100,1", 23, "the penalties could total more than 2147483647 by this line")]
    public void Parse_malformed_line_throws_naming_the_line_and_the_fault(int replacedLine, string replacement, int expectedLine, string fragment)
    {
        var ex = Assert.Throws<CurtoisFormatException>(() => CurtoisParser.Parse(Tiny.WithLine(replacedLine, replacement)));

        Assert.Equal(expectedLine, ex.LineNumber);
        Assert.StartsWith($"line {expectedLine}: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(ex);
    }

    [Fact]
    public void Parse_without_cover_section_throws_missing_section()
    {
        var text = string.Join('\n', Tiny.Valid.Split('\n').Take(21));

        var ex = Assert.Throws<CurtoisFormatException>(() => CurtoisParser.Parse(text));

        Assert.Contains("missing section SECTION_COVER", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_missing_file_throws_an_IO_exception()
    {
        Assert.ThrowsAny<IOException>(() => CurtoisParser.Load(Path.Combine(Path.GetTempPath(), "no-such-curtois-instance.txt")));
    }

    private static string Describe(CurtoisInstance i) =>
        string.Join("|",
            i.Days,
            string.Join(";", i.Shifts.Select(s => $"{s.Id},{s.LengthMinutes},{string.Join(" ", s.CannotFollow)}")),
            string.Join(";", i.Staff.Select(s => $"{s.Id},{string.Join(" ", s.MaxShifts)},{s.MaxTotalMinutes},{s.MinTotalMinutes},{s.MaxConsecutiveShifts},{s.MinConsecutiveShifts},{s.MinConsecutiveDaysOff},{s.MaxWeekends},{string.Join(" ", s.DaysOff)}")),
            string.Join(";", i.OnRequests),
            string.Join(";", i.OffRequests),
            string.Join(";", i.Cover));
}
