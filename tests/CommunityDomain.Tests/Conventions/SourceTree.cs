namespace CommunityDomain.Tests.Conventions;

/// <summary>The repository's source files, read as text for the convention tests (found from the folder holding the solution).</summary>
internal static class SourceTree
{
    /// <summary>
    /// The folders of <c>src/CommunityDomain</c> that follow the guard and documentation conventions of CONTRIBUTING.md.
    /// Widen this list as the owners of the other folders convert them; every convention test reads it.
    /// </summary>
    public static readonly string[] ConvertedFolders = ["Kernel", "Communities", "Contracts", "Supplies", "Passes", "Rostering", "MassTesting", "Views"];

    /// <summary>
    /// Files inside <see cref="ConvertedFolders"/> the conventions do not cover yet (path prefixes below <c>src/CommunityDomain</c>):
    /// the roster engine is internal code behind <see cref="CommunityDomain.Rostering.RosterPlanner"/>'s boundary (it trusts
    /// validated types and has no public guard of its own). The planner's entry and options (<c>RosterPlanner</c>,
    /// <c>PlannerOptions</c>) follow the conventions since issue 17's last pass.
    /// </summary>
    public static readonly string[] NotYetConverted = ["Rostering/Engine/"];

    /// <summary>The repository root: the first folder up from the test binaries that holds <c>CommunityDomain.sln</c>.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CommunityDomain.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException($"No folder holding CommunityDomain.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>A folder of the repository (a path relative to <see cref="Root"/>, '/' separators); throws when it is
    /// missing, so a test that reads it fails rather than skips.</summary>
    public static string Folder(string relative)
    {
        var folder = Path.Combine(Root, relative);
        return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException($"The repository at {Root} has no {relative} folder.");
    }

    /// <summary>The library's source files as (path relative to <c>src/CommunityDomain</c> with '/' separators, text).</summary>
    public static IEnumerable<(string Path, string Text)> LibraryFiles()
    {
        var library = Path.Combine(Root, "src", "CommunityDomain");
        return Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(library, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(Path.Combine(library, f))));
    }

    /// <summary>The library files the conventions already apply to.</summary>
    public static IEnumerable<(string Path, string Text)> ConvertedFiles() =>
        LibraryFiles().Where(f => IsConverted(f.Path));

    /// <summary>Whether a library file (relative path) lies in a converted folder and is not left to its owner.</summary>
    public static bool IsConverted(string path) =>
        ConvertedFolders.Any(d => path.StartsWith(d + "/", StringComparison.Ordinal))
        && !NotYetConverted.Any(p => path.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The text of every test source file (not bin/obj), concatenated.</summary>
    public static string AllTestText()
    {
        var tests = Path.Combine(Root, "tests");
        return string.Join('\n', Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText));
    }
}
