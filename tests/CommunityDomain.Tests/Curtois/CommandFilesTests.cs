using CommunityDomain.Benchmarks;

namespace CommunityDomain.Tests.Curtois;

/// <summary>The file checks and I/O reasons the <c>curtois</c> and <c>community</c> commands share.</summary>
public sealed class CommandFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("command-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reasons_are_plain_clauses_without_the_frameworks_quoted_path_and_full_stop()
    {
        var path = Path.Combine(_folder, "x.txt");

        Assert.Equal("permission denied", CommandFiles.Reason(path, new UnauthorizedAccessException($"Access to the path '{path}' is denied.")));
        Assert.Equal("there is no such file", CommandFiles.Reason(path, new FileNotFoundException($"Could not find file '{path}'.")));
        Assert.Equal("No space left on device", CommandFiles.Reason(path, new IOException("No space left on device.\n")));
        Assert.Equal("Input/output error", CommandFiles.Reason(path, new IOException($"Input/output error : '{path}'.")));
    }

    [Fact]
    public void A_writable_path_is_probed_without_leaving_a_file_or_changing_one()
    {
        var fresh = Path.Combine(_folder, "fresh.txt");
        var existing = Path.Combine(_folder, "existing.txt");
        File.WriteAllText(existing, "keep");

        Assert.Null(CommandFiles.NotWritable(fresh, "--out", "a file"));
        Assert.Null(CommandFiles.NotWritable(existing, "--out", "a file"));

        Assert.False(File.Exists(fresh));
        Assert.Equal("keep", File.ReadAllText(existing));
    }

    [Fact]
    public void A_path_whose_folders_are_missing_names_the_first_missing_one()
    {
        var missing = Path.Combine(_folder, "a");

        Assert.Equal($"the folder '{missing}' does not exist", CommandFiles.NotWritable(Path.Combine(missing, "b", "x.txt"), "--out", "a file"));
    }
}
