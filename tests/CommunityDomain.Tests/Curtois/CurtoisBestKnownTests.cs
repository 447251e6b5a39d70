using CommunityDomain.Benchmarks.Curtois;

namespace CommunityDomain.Tests.Curtois;

public sealed class CurtoisBestKnownTests
{
    [Fact]
    public void ParseTable_shared_table_lists_every_instance_of_the_folder()
    {
        var table = Path.Combine(Path.GetDirectoryName(RosterBenchmarkFolder.Instances)!, CurtoisBestKnown.FileName);

        var rows = CurtoisBestKnown.ParseTable(File.ReadAllText(table));

        var files = Directory.GetFiles(RosterBenchmarkFolder.Instances, "*.txt").Select(Path.GetFileNameWithoutExtension).Order();
        Assert.Equal(files, rows.Select(r => r.Instance).Order());
        Assert.Contains(new CurtoisBestKnown("Instance20", 4913, 4764), rows);
        Assert.Contains(new CurtoisBestKnown("Instance1", 607, 607), rows);
    }

    [Theory]
    [InlineData("instance\tbest\tbound\nInstance1\t607\n", 2)]
    [InlineData("instance\tbest\tbound\n\nInstance1\tx\t607\n", 3)]
    [InlineData("instance\tbest\tbound\nInstance1\t600\t607\n", 2)]
    public void ParseTable_malformed_row_throws_naming_the_line(string text, int line)
    {
        Assert.Equal(line, Assert.Throws<CurtoisFormatException>(() => CurtoisBestKnown.ParseTable(text)).LineNumber);
    }

    [Theory]
    [InlineData(607, 0.0)]
    [InlineData(1214, 100.0)]
    public void GapPercent_is_relative_to_the_best_known_value(int objective, double expected)
    {
        Assert.Equal(expected, new CurtoisBestKnown("Instance1", 607, 607).GapPercent(objective), 9);
    }

    [Fact]
    public void TryFindFor_finds_the_row_next_to_the_instances_folder()
    {
        Assert.True(CurtoisBestKnown.TryFindFor(RosterBenchmarkFolder.PathOf("Instance14"), out var row));
        Assert.Equal(1278, row.BestKnownObjective);
        Assert.False(CurtoisBestKnown.TryFindFor(Path.Combine(Path.GetTempPath(), "Instance14.txt"), out _));
    }
}
