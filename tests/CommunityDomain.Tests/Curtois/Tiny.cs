using CommunityDomain.Benchmarks.Curtois;

namespace CommunityDomain.Tests.Curtois;

/// <summary>Small instances written inline.</summary>
internal static class Tiny
{
    // Line numbers matter: the parser tests replace lines by number.
    public const string Valid =
        "# comment\n" +                      // 1
        "SECTION_HORIZON\n" +                // 2
        "2\n" +                              // 3
        "\n" +                               // 4
        "SECTION_SHIFTS\n" +                 // 5
        "D,480,\n" +                         // 6
        "E,480,D\n" +                        // 7
        "\n" +                               // 8
        "SECTION_STAFF\n" +                  // 9
        "A,D=2|E=2,2000,0,2,1,1,1\n" +       // 10
        "B,D=2|E=0,2000,0,2,1,1,1\n" +       // 11
        "\n" +                               // 12
        "SECTION_DAYS_OFF\n" +               // 13
        "A,1\n" +                            // 14
        "\n" +                               // 15
        "SECTION_SHIFT_ON_REQUESTS\n" +      // 16
        "A,0,D,2\n" +                        // 17
        "\n" +                               // 18
        "SECTION_SHIFT_OFF_REQUESTS\n" +     // 19
        "B,1,D,1\n" +                        // 20
        "\n" +                               // 21
        "SECTION_COVER\n" +                  // 22
        "0,D,1,100,1\n" +                    // 23
        "0,E,1,100,1\n" +                    // 24
        "1,D,1,100,1\n" +                    // 25
        "1,E,1,100,1\n";                     // 26

    public static string WithLine(int lineNumber, string replacement)
    {
        var lines = Valid.Split('\n');
        lines[lineNumber - 1] = replacement;
        return string.Join('\n', lines);
    }

    /// <summary>
    /// One employee <c>A</c> over <paramref name="days"/> days, shifts <c>D</c> and <c>N</c> (D cannot follow N),
    /// all cover requirements 0.
    /// </summary>
    public static CurtoisInstance OneEmployee(string staffLine, string daysOffLine = "", int days = 7)
    {
        var cover = string.Concat(Enumerable.Range(0, days).Select(d => $"{d},D,0,100,1\n{d},N,0,100,1\n"));
        return CurtoisParser.Parse(
            $"SECTION_HORIZON\n{days}\nSECTION_SHIFTS\nD,480,\nN,480,D\nSECTION_STAFF\n{staffLine}\n" +
            $"SECTION_DAYS_OFF\n{daysOffLine}\nSECTION_SHIFT_ON_REQUESTS\nSECTION_SHIFT_OFF_REQUESTS\nSECTION_COVER\n{cover}",
            "tiny");
    }

    /// <summary>A roster from one string per employee: a shift id letter per day, <c>.</c> for off.</summary>
    public static CurtoisSolution Roster(CurtoisInstance instance, params string[] rows)
    {
        var cells = new int[rows.Length, instance.Days];
        for (var e = 0; e < rows.Length; e++)
        {
            for (var d = 0; d < instance.Days; d++)
            {
                cells[e, d] = rows[e][d] == '.' ? CurtoisSolution.Off : instance.ShiftIndex(rows[e][d].ToString());
            }
        }

        return new CurtoisSolution(cells);
    }
}
