// Checks that a .nupkg holds the entries CI requires; exits 1 naming the first one missing.
// Usage: dotnet run .ci/check-package.cs -- <package.nupkg> <entry> [<entry> ...]
using System.IO.Compression;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: check-package <package.nupkg> <entry>...");
    return 2;
}

using var zip = ZipFile.OpenRead(args[0]);
var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
foreach (var needed in args.Skip(1))
{
    if (!entries.Contains(needed))
    {
        Console.Error.WriteLine($"package {Path.GetFileName(args[0])} lacks {needed}");
        return 1;
    }
}

Console.WriteLine($"package {Path.GetFileName(args[0])} holds {string.Join(", ", args.Skip(1))}");
return 0;
