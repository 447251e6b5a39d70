namespace CommunityDomain.Benchmarks;

/// <summary>
/// The file arguments of the <c>curtois</c> and <c>community</c> commands: checked before any work, and I/O failures
/// told as one plain clause (no framework message with its own quotes and full stop) for the commands' one-line errors.
/// </summary>
public static class CommandFiles
{
    /// <summary>
    /// Why <paramref name="path"/> cannot be read as a file, when it plainly cannot (a directory; nothing to read: an
    /// empty file, or a device or pipe, whose size is 0 too and which would be read for ever); null otherwise.
    /// </summary>
    /// <param name="path">The path given.</param>
    /// <param name="option">The option that gave it, e.g. <c>--instance</c>.</param>
    /// <param name="expected">What the option expects, e.g. <c>an instance file</c>.</param>
    public static string? NotReadable(string path, string option, string expected) =>
        IsDirectory(path, option, expected) ?? (File.Exists(path) && new FileInfo(path).Length == 0
            ? $"it is empty (or a device or pipe, not a file), and {option} expects {expected}"
            : null);

    /// <summary>Whether two paths name the same file (compared as full paths, as this machine's file system does: ordinal).</summary>
    /// <param name="first">One path.</param>
    /// <param name="second">The other.</param>
    public static bool SameFile(string first, string second) =>
        FullPath(first) is { Length: > 0 } a && string.Equals(a, FullPath(second), StringComparison.Ordinal);

    private static string? IsDirectory(string path, string option, string expected) =>
        Directory.Exists(path) ? $"it is a directory, and {option} expects {expected}" : null;

    /// <summary>
    /// Why <paramref name="path"/> cannot be written, found without changing anything: a directory, a missing folder,
    /// no permission; null when it can. An existing file is opened for writing without truncating it; a new one is
    /// created and deleted at once.
    /// </summary>
    /// <param name="path">The path given.</param>
    /// <param name="option">The option that gave it, e.g. <c>--solution</c>.</param>
    /// <param name="expected">What the option expects, e.g. <c>a file to write the roster to</c>.</param>
    public static string? NotWritable(string path, string option, string expected)
    {
        if (IsDirectory(path, option, expected) is { } directory)
        {
            return directory;
        }

        try
        {
            using var probe = File.Exists(path)
                ? new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)
                : new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Reason(path, ex);
        }
    }

    /// <summary>Why reading or writing <paramref name="path"/> failed, as a clause without a full stop.</summary>
    /// <param name="path">The path read or written.</param>
    /// <param name="ex">What the read or write threw.</param>
    public static string Reason(string path, Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex switch
        {
            FileNotFoundException => "there is no such file",
            DirectoryNotFoundException => FolderOf(path) is { } folder
                ? (File.Exists(folder) ? $"'{folder}' is a file, not a folder" : $"the folder '{folder}' does not exist")
                : "its folder does not exist",
            UnauthorizedAccessException => "permission denied",
            PathTooLongException => "the path is too long",
            ArgumentException or NotSupportedException => "it is not a valid path",
            _ => WithoutPath(ex.Message.ReplaceLineEndings(" ").TrimEnd(' ', '.'), path),
        };
    }

    /// <summary>The message without the <c> : 'PATH'</c> that .NET appends to an operating-system error (the caller names the path).</summary>
    private static string WithoutPath(string message, string path)
    {
        foreach (var named in new[] { path, FullPath(path) })
        {
            var suffix = $" : '{named}'";
            if (named.Length > 0 && message.EndsWith(suffix, StringComparison.Ordinal))
            {
                return message[..^suffix.Length];
            }
        }

        return message;
    }

    private static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>The first folder on the way to <paramref name="path"/> that is missing (or a file); null when none is.</summary>
    private static string? FolderOf(string path)
    {
        try
        {
            string? missing = null;
            for (var folder = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(folder) && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
            {
                missing = folder;
            }

            return missing;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or IOException)
        {
            return null;
        }
    }
}
