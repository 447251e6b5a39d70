using CommunityDomain.Benchmarks.Curtois;

namespace CommunityDomain.Tests.Curtois;

/// <summary>The benchmark data travels with the repository: instances, best known values, source and licence.</summary>
public sealed class RosterBenchmarkFolderTests
{
    [Fact]
    public void Root_is_inside_the_repository_next_to_the_benchmarks_project()
    {
        var root = new DirectoryInfo(RosterBenchmarkFolder.Root);

        Assert.Equal("roster-benchmark", root.Name);
        Assert.True(File.Exists(Path.Combine(root.Parent!.Parent!.FullName, "CommunityDomain.sln")));
        Assert.True(Directory.Exists(Path.Combine(root.Parent.FullName, "CommunityDomain.Benchmarks")));
    }

    [Theory]
    [InlineData("README.md", "schedulingbenchmarks.org")]
    [InlineData("LICENSE", "MIT")]
    [InlineData("FORMAT.md", "SECTION_HORIZON")]
    public void Root_keeps_the_data_source_licence_and_format_beside_the_instances(string file, string mentions)
    {
        var text = File.ReadAllText(Path.Combine(RosterBenchmarkFolder.Root, file));

        Assert.Contains(mentions, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Instance21", 182, 21159, 20943)]
    [InlineData("Instance23", 364, 17428, 16887)]
    public void LargeInstances_parse_and_have_their_best_known_row(string name, int days, int best, int bound)
    {
        var path = Path.Combine(RosterBenchmarkFolder.LargeInstances, name + ".txt");

        var instance = CurtoisParser.Load(path);

        Assert.Equal(days, instance.Days);
        Assert.Equal(100, instance.Staff.Count);
        Assert.True(CurtoisBestKnown.TryFindFor(path, out var row));
        Assert.Equal(new CurtoisBestKnown(name, best, bound), row);
    }

    [Fact]
    public void LargeInstances_table_lists_exactly_the_files_of_the_folder()
    {
        var rows = CurtoisBestKnown.ParseTable(File.ReadAllText(Path.Combine(RosterBenchmarkFolder.LargeInstances, CurtoisBestKnown.FileName)));

        var files = Directory.GetFiles(RosterBenchmarkFolder.LargeInstances, "*.txt").Select(Path.GetFileNameWithoutExtension).Order();
        Assert.Equal(files, rows.Select(r => r.Instance).Order());
    }
}
