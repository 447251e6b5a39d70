using CommunityDomain.Benchmarks.CommunityProblems;
using CommunityDomain.Benchmarks.Curtois;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Curtois;

public sealed class CurtoisWriterTests
{
    [Theory]
    [InlineData("Instance1")]
    [InlineData("Instance8")]
    [InlineData("Instance12")]
    public void Write_then_parse_gives_the_same_instance_for_published_instances(string name)
    {
        var instance = CurtoisParser.Load(RosterBenchmarkFolder.PathOf(name));

        var back = CurtoisParser.Parse(CurtoisWriter.ToText(instance), name);

        AssertSame(instance, back);
    }

    [Property(Arbitrary = new[] { typeof(CurtoisArbitraries) }, MaxTest = 60)]
    public void Write_then_parse_gives_the_same_instance_for_random_instances(CurtoisCase c)
    {
        var back = CurtoisParser.Parse(CurtoisWriter.ToText(c.Instance, "random"), "random");

        AssertSame(c.Instance, back);
        Assert.Equal(CurtoisWriter.ToText(c.Instance), CurtoisWriter.ToText(back));
    }

    [Fact]
    public void Write_keeps_an_unlimited_maximum_unlimited_by_leaving_it_out()
    {
        var text = "SECTION_HORIZON\n7\n\nSECTION_SHIFTS\nD,480,\nN,480,D\n\nSECTION_STAFF\nA,N=2,4000,0,5,1,1,1\n\nSECTION_COVER\n"
            + string.Concat(Enumerable.Range(0, 7).Select(d => $"{d},D,1,100,1\n{d},N,1,100,1\n"));
        var instance = CurtoisParser.Parse(text);

        var written = CurtoisWriter.ToText(instance);

        Assert.Contains("\nA,N=2,4000,0,5,1,1,1\n", written, StringComparison.Ordinal);
        Assert.Equal(int.MaxValue, CurtoisParser.Parse(written).Staff[0].MaxShifts[0]);
    }

    [Fact]
    public void Write_rejects_a_comment_of_two_lines_naming_the_parameter()
    {
        var instance = CommunityInstanceGenerator.Create(new CommunityShape(5, 7, 4, seed: 1));

        var ex = Assert.Throws<ArgumentException>(() => CurtoisWriter.ToText(instance, "one\ntwo"));

        Assert.Equal("comment", ex.ParamName);
    }

    internal static void AssertSame(CurtoisInstance expected, CurtoisInstance actual)
    {
        Assert.Equal(expected.Days, actual.Days);
        Assert.Equal(expected.Shifts.Select(s => (s.Id, s.LengthMinutes, string.Join('|', s.CannotFollow))),
            actual.Shifts.Select(s => (s.Id, s.LengthMinutes, string.Join('|', s.CannotFollow))));
        Assert.Equal(expected.Staff.Select(Describe), actual.Staff.Select(Describe));
        Assert.Equal(expected.OnRequests, actual.OnRequests);
        Assert.Equal(expected.OffRequests, actual.OffRequests);
        Assert.Equal(expected.Cover.OrderBy(c => c.Day).ThenBy(c => c.Shift), actual.Cover.OrderBy(c => c.Day).ThenBy(c => c.Shift));
    }

    private static string Describe(CurtoisStaff s) =>
        $"{s.Id} {string.Join('|', s.MaxShifts)} {s.MaxTotalMinutes} {s.MinTotalMinutes} {s.MaxConsecutiveShifts} {s.MinConsecutiveShifts} {s.MinConsecutiveDaysOff} {s.MaxWeekends} {string.Join('|', s.DaysOff)}";
}
