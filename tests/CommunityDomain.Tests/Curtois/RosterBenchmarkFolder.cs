namespace CommunityDomain.Tests.Curtois;

/// <summary>
/// Finds the repository's copy of the Curtois &amp; Qu instances, <c>benchmarks/roster-benchmark/</c>, from the
/// repository root (the folder holding <c>CommunityDomain.sln</c>), so a plain clone runs every test.
/// </summary>
internal static class RosterBenchmarkFolder
{
    private const string Solution = "CommunityDomain.sln";
    private const string Relative = "benchmarks/roster-benchmark";

    /// <summary>The repository's <c>benchmarks/roster-benchmark</c> folder; throws (so the test fails, never skips) when it is missing.</summary>
    public static string Root
    {
        get
        {
            // bin/<configuration>/<framework>/ lies a few levels below the root; the first folder up with the
            // solution file is the root, whatever the clone is called and whatever lies beside it.
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, Solution)))
                {
                    var folder = Path.Combine(dir.FullName, Relative);
                    return Directory.Exists(folder)
                        ? folder
                        : throw new DirectoryNotFoundException($"The repository at {dir.FullName} has no {Relative} folder.");
                }
            }

            throw new DirectoryNotFoundException($"No folder holding {Solution} above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>The 13 instances used by the tests and the documented results.</summary>
    public static string Instances => Path.Combine(Root, "instances");

    /// <summary>The two half-year and one-year instances (Instance21, Instance23), with their own best known values.</summary>
    public static string LargeInstances => Path.Combine(Root, "instances-large");

    /// <summary>The generated community problems (benchmarks/roster-benchmark/community).</summary>
    public static string Community => Path.Combine(Root, "community");

    public static string PathOf(string name) => Path.Combine(Instances, name + ".txt");
}
