using System.Text.RegularExpressions;

namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// A reader finds a type by its namespace: every library file declares the namespace its folder spells
/// (<c>Rostering/Engine/Search/Moves.cs</c> declares <c>CommunityDomain.Rostering.Engine.Search</c>), and a partial type's files
/// lie in one folder. Folders follow the public namespaces (issue 17: MassTesting's files were grouped into
/// sub-folders its namespaces did not have; the files moved, the public names stayed).
/// </summary>
public sealed partial class NamespaceConventionTests
{
    [Fact]
    public void Every_library_file_declares_the_namespace_of_its_folder()
    {
        var files = SourceTree.LibraryFiles().ToList();
        Assert.True(files.Count > 100, $"only {files.Count} library files found");
        var wrong = files
            .Select(f => (f.Path, Declared: DeclaredNamespace(f.Text), Expected: ExpectedNamespace(f.Path)))
            .Where(f => f.Declared != f.Expected)
            .Select(f => $"{f.Path} declares {f.Declared ?? "no namespace"}, its folder is {f.Expected}")
            .ToList();
        Assert.True(wrong.Count == 0, "Move the file to the folder its namespace names:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void A_partial_types_files_lie_in_one_folder()
    {
        var split = SourceTree.LibraryFiles()
            .SelectMany(f => PartialType().Matches(GuardScanner.Blank(f.Text)).Select(m => (Type: $"{DeclaredNamespace(f.Text)}.{m.Groups[1].Value}", Folder: Folder(f.Path))))
            .GroupBy(x => x.Type, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Folder).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Folder).Distinct(StringComparer.Ordinal))}")
            .ToList();
        Assert.True(split.Count == 0, "Keep a partial type's files together:\n" + string.Join("\n", split));
    }

    [Fact]
    public void Namespaces_are_read_and_expected_as_the_compiler_and_the_folders_say()
    {
        Assert.Equal("CommunityDomain.MassTesting.Errors", DeclaredNamespace("using X;\n\n// namespace Not.This;\nnamespace CommunityDomain.MassTesting.Errors;\n"));
        Assert.Equal("CommunityDomain.Kernel", DeclaredNamespace("namespace CommunityDomain.Kernel\n{\n}\n"));
        Assert.Null(DeclaredNamespace("class X { }"));
        Assert.Equal("CommunityDomain.MassTesting", ExpectedNamespace("MassTesting/TestingRound.cs"));
        Assert.Equal("CommunityDomain.Rostering.Engine.Search", ExpectedNamespace("Rostering/Engine/Search/Moves.cs"));
        Assert.Equal("CommunityDomain", ExpectedNamespace("GlobalUsings.cs"));
        Assert.Equal("TestingRound", PartialType().Match("public sealed partial class TestingRound : AggregateRoot").Groups[1].Value);
        Assert.Equal("Slot", PartialType().Match("internal readonly partial record struct Slot(int Day);").Groups[1].Value);
    }

    private static string? DeclaredNamespace(string text) =>
        NamespaceLine().Match(GuardScanner.Blank(text)) is { Success: true } m ? m.Groups[1].Value : null;

    private static string Folder(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : string.Empty;

    private static string ExpectedNamespace(string path) =>
        Folder(path) is { Length: > 0 } folder ? "CommunityDomain." + folder.Replace('/', '.') : "CommunityDomain";

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"\bpartial\s+(?:record\s+(?:struct\s+|class\s+)?|class\s+|struct\s+|interface\s+)(\w+)")]
    private static partial Regex PartialType();
}
