namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// CONTRIBUTING.md, "Methods read as named phases": no member in <c>src/</c> (method, constructor, operator, local
/// function, accessor, expression-bodied property) is longer than <see cref="MostLines"/> lines from its declaration to
/// the end of its body; a longer one is split into named phases. Measured by <see cref="MethodLengthScanner"/> (Roslyn).
/// </summary>
public sealed class MethodLengthConventionTests
{
    /// <summary>The limit, in lines, signature to closing brace.</summary>
    public const int MostLines = 50;

    [Fact]
    public void No_member_in_src_is_longer_than_fifty_lines()
    {
        var members = MethodLengthScanner.Measure(SourceFiles());
        Assert.True(members.Count > 100, $"The scanner measured only {members.Count} members under src/: is it reading the library?");
        var tooLong = members.Where(m => m.Lines > MostLines).Select(m => m.ToString()).ToList();
        Assert.True(tooLong.Count == 0,
            $"Split these into named phases of at most {MostLines} lines each (CONTRIBUTING.md, \"Methods read as named phases\"):\n"
            + string.Join("\n", tooLong));
    }

    [Fact]
    public void The_scanner_measures_signature_to_closing_brace_and_names_file_line_and_member()
    {
        var body = string.Concat(Enumerable.Repeat("        _ = 1;\n", MostLines - 3));
        var text = "namespace N;\ninternal static class Plant\n{\n    [System.Obsolete]\n    public static void Fits()\n    {\n" + body
            + "    }\n\n    public static void TooLong(\n        int x)\n    {\n" + body + "        int Local() => x;\n    }\n}\n";

        var members = MethodLengthScanner.Measure([("src/Plant.cs", text)]);

        Assert.Equal(
            ["src/Plant.cs:5 Plant.Fits is 50 lines", "src/Plant.cs:56 Plant.TooLong is 52 lines", "src/Plant.cs:106 Plant.TooLong.Local is 1 lines"],
            members.Select(m => m.ToString()));
    }

    [Fact]
    public void The_scanner_measures_constructors_accessors_expression_bodied_properties_and_lambda_fields_but_not_data()
    {
        const string text = """
            namespace N;
            internal sealed class C
            {
                public C()
                {
                }

                public int P
                {
                    get
                    {
                        return 1;
                    }
                }

                public int Q =>
                    2;

                public static C operator +(C a, C b) => a;

                private static readonly Func<int, int> F = x =>
                    x + 1;

                private static readonly int[] Data = [1,
                    2];
            }
            """;

        var members = MethodLengthScanner.Measure([("src/C.cs", text)]);

        Assert.Equal(
            ["src/C.cs:4 C..ctor is 3 lines", "src/C.cs:10 C.P.get is 4 lines", "src/C.cs:16 C.Q is 2 lines", "src/C.cs:19 C.operator + is 1 lines", "src/C.cs:21 C.F is 2 lines"],
            members.Select(m => m.ToString()));
    }

    /// <summary>Every .cs file under src/ (not bin/ or obj/), as (path from the repository root with '/', text).</summary>
    private static IEnumerable<(string Path, string Text)> SourceFiles()
    {
        var root = SourceTree.Root;
        return Directory.EnumerateFiles(SourceTree.Folder("src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(Path.Combine(root, f))));
    }
}
