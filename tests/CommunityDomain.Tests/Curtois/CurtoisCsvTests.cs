using CommunityDomain.Benchmarks.Curtois;

namespace CommunityDomain.Tests.Curtois;

public sealed class CurtoisCsvTests
{
    private static readonly CurtoisInstance Instance = CurtoisParser.Parse(Tiny.Valid, "tiny");

    [Fact]
    public void Write_lists_worked_employee_days_after_a_comment_header()
    {
        var writer = new StringWriter();

        CurtoisCsv.Write(Instance, Tiny.Roster(Instance, "D.", "ED"), writer);

        Assert.Equal("# tiny\n# EmployeeID,Day,ShiftID\nA,0,D\nB,0,E\nB,1,D\n", writer.ToString());
    }

    [Fact]
    public void Read_gives_back_what_Write_wrote()
    {
        var roster = Tiny.Roster(Instance, "DE", ".D");
        var writer = new StringWriter();
        CurtoisCsv.Write(Instance, roster, writer);

        var reread = CurtoisCsv.Read(Instance, new StringReader(writer.ToString()));

        Assert.Equal(roster.ToArray(), reread.ToArray());
    }

    [Fact]
    public void Read_accepts_CRLF_blank_lines_spaces_and_a_bare_header()
    {
        var reread = CurtoisCsv.Read(Instance, new StringReader("EmployeeID,Day,ShiftID\r\n\r\n B , 1 , E \r\n# done\r\n"));

        Assert.Equal(new[,] { { -1, -1 }, { -1, 1 } }, reread.ToArray());
    }

    [Theory]
    [InlineData("A,0,D\nZ,1,D\n", 2, "unknown staff id 'Z'")]
    [InlineData("# c\nA,0,X\n", 2, "unknown shift id 'X'")]
    [InlineData("A,2,D\n", 1, "day 2 is out of range 0..1")]
    [InlineData("A,-1,D\n", 1, "day -1 is out of range")]
    [InlineData("A,one,D\n", 1, "day 'one' is not an integer")]
    [InlineData("A,0,D\n\nA,0,E\n", 3, "employee 'A' has a second shift on day 0 (first on line 1)")]
    [InlineData("A,0,D\nA,0,D\n", 2, "second shift on day 0")]
    [InlineData("A,0\n", 1, "2 fields, expected 3")]
    [InlineData("A,0,D,1\n", 1, "4 fields, expected 3")]
    public void Read_malformed_line_throws_naming_the_line(string text, int line, string fragment)
    {
        var ex = Assert.Throws<CurtoisFormatException>(() => CurtoisCsv.Read(Instance, new StringReader(text)));

        Assert.Equal(line, ex.LineNumber);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_solution_of_the_wrong_shape_throws()
    {
        Assert.Throws<ArgumentException>(() => CurtoisCsv.Write(Instance, new CurtoisSolution(new int[1, 2]), new StringWriter()));
    }
}
