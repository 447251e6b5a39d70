namespace CommunityDomain.Tests.Curtois;

/// <summary>Finds <c>shared/roster-benchmark/instances</c> next to the repository clone.</summary>
internal static class RosterBenchmarkFolder
{
    private const string Relative = "shared/roster-benchmark/instances";

    /// <summary>The instances folder; throws (so the test fails, never skips) when it cannot be found.</summary>
    public static string Instances
    {
        get
        {
            // The repo is cloned next to shared/ (<parent>/main, <parent>/shared); bin/ lies a few levels below.
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, Relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException(
                $"No directory containing {Relative} above {AppContext.BaseDirectory}; the benchmark instances must be checked out next to the repository.");
        }
    }

    public static string PathOf(string name) => Path.Combine(Instances, name + ".txt");
}
