// Checks the library's package before it is published; exits 1 naming every problem found, 0 when none.
// Usage: dotnet run .ci/check-package.cs -- <CommunityDomain.X.nupkg> [--expect-version X]
// Checks: licence (MIT expression in the nuspec and the LICENSE file), the README (declared, present, no link
// that breaks outside the repository), XML docs (present, a <member> for every public type of the DLL),
// symbols (the .snupkg beside it holds the portable PDB) and version (nuspec = file name = --expect-version;
// the DLL's informational version = package version, file version = M.m.p.0, assembly version = M.m.0.0).
using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;

if (args.Length is not (1 or 3) || (args.Length == 3 && args[1] != "--expect-version"))
{
    Console.Error.WriteLine("usage: check-package <package.nupkg> [--expect-version X]");
    return 2;
}

const string Id = "CommunityDomain";
const string Lib = "lib/net10.0/";
var nupkg = args[0];
var problems = new List<string>();
void Check(bool ok, string problem)
{
    if (!ok)
    {
        problems.Add(problem);
    }
}

using var zip = ZipFile.OpenRead(nupkg);
string? Text(string entry)
{
    var e = zip.GetEntry(entry);
    if (e is null)
    {
        return null;
    }

    using var reader = new StreamReader(e.Open());
    return reader.ReadToEnd();
}

// nuspec: id, version, licence, readme.
var nuspec = XDocument.Parse(Text($"{Id}.nuspec") ?? "<package/>");
var metadata = nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == "metadata");
string? Meta(string name) => metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
var license = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "license");
var version = Meta("version") ?? "";
Check(Meta("id") == Id, $"nuspec id is '{Meta("id")}', not {Id}");
Check(version.Length > 0, "nuspec has no version");
Check(Path.GetFileName(nupkg) == $"{Id}.{version}.nupkg", $"file name {Path.GetFileName(nupkg)} does not carry the version {version}");
if (args.Length == 3)
{
    Check(version == args[2], $"package version is {version}, expected {args[2]}");
}

Check(license?.Attribute("type")?.Value == "expression" && license.Value == "MIT", "nuspec licence is not the MIT expression");
Check(Text("LICENSE")?.Contains("MIT License", StringComparison.Ordinal) == true, "LICENSE file missing or not MIT");

// README: declared, present, and no relative link or image (they break on nuget.org and in the package cache).
var readmeName = Meta("readme");
var readme = readmeName is null ? null : Text(readmeName);
Check(readme is { Length: > 200 }, $"README '{readmeName}' not declared or too short");
foreach (Match link in Regex.Matches(readme ?? "", """(?:\]\(|<img[^>]*src=["']|<a[^>]*href=["'])(?<target>[^)"'\s]+)"""))
{
    var target = link.Groups["target"].Value;
    Check(target.StartsWith("https://", StringComparison.Ordinal) || target.StartsWith('#'),
        $"README link '{target}' is relative: it breaks outside the repository");
}

// XML docs: a <member> for every public type of the DLL.
var dllBytes = Bytes($"{Lib}{Id}.dll");
var xml = Text($"{Lib}{Id}.xml");
Check(dllBytes is not null, $"{Lib}{Id}.dll missing");
Check(xml is not null, $"{Lib}{Id}.xml (XML documentation) missing");
var documented = xml is null ? [] : XDocument.Parse(xml).Descendants("member").Select(m => (string?)m.Attribute("name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
var publicTypes = new List<string>();
if (dllBytes is not null)
{
    using var pe = new PEReader(new MemoryStream(dllBytes));
    var reader = pe.GetMetadataReader();
    foreach (var handle in reader.TypeDefinitions)
    {
        if (FullName(reader, handle) is { } name)
        {
            publicTypes.Add(name);
        }
    }

    var undocumented = publicTypes.Where(t => !documented.Contains("T:" + t)).ToList();
    Check(publicTypes.Count > 0, "the DLL has no public type");
    Check(undocumented.Count == 0, $"{undocumented.Count} public types without XML docs, e.g. {string.Join(", ", undocumented.Take(3))}");

    // Version: the assembly follows the package version (MinVer; AssemblyVersion is Major.Minor.0.0, see the csproj).
    var temp = Path.Combine(Path.GetTempPath(), $"check-package-{Guid.NewGuid():N}.dll");
    File.WriteAllBytes(temp, dllBytes);
    try
    {
        var info = FileVersionInfo.GetVersionInfo(temp);
        var assemblyVersion = AssemblyName.GetAssemblyName(temp).Version;
        var core = version.Split('-', '+')[0].Split('.');
        Check((info.ProductVersion ?? "").Split('+')[0] == version, $"informational version {info.ProductVersion} is not the package version {version}");
        Check(core.Length == 3 && info.FileVersion == $"{core[0]}.{core[1]}.{core[2]}.0", $"file version {info.FileVersion} does not follow {version}");
        Check(core.Length == 3 && assemblyVersion?.ToString() == $"{core[0]}.{core[1]}.0.0", $"assembly version {assemblyVersion} is not Major.Minor.0.0 of {version}");
    }
    finally
    {
        File.Delete(temp);
    }
}

// Symbols: the .snupkg beside the package, with the portable PDB.
var snupkg = Path.ChangeExtension(nupkg, ".snupkg");
if (File.Exists(snupkg))
{
    using var symbols = ZipFile.OpenRead(snupkg);
    Check(symbols.GetEntry($"{Lib}{Id}.pdb") is not null, $"{Path.GetFileName(snupkg)} lacks {Lib}{Id}.pdb");
}
else
{
    problems.Add($"symbol package {Path.GetFileName(snupkg)} missing");
}

foreach (var problem in problems)
{
    Console.Error.WriteLine($"package {Path.GetFileName(nupkg)}: {problem}");
}

if (problems.Count == 0)
{
    Console.WriteLine($"package {Path.GetFileName(nupkg)}: version {version}, MIT licence and LICENSE, README without relative links, " +
        $"XML docs for all {publicTypes.Count} public types, symbols in {Path.GetFileName(snupkg)}: OK");
}

return problems.Count == 0 ? 0 : 1;

byte[]? Bytes(string entry)
{
    var e = zip.GetEntry(entry);
    if (e is null)
    {
        return null;
    }

    using var stream = e.Open();
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    return copy.ToArray();
}

// The documentation id of a public (or public nested in public) type: Namespace.Outer.Inner`1; null otherwise.
static string? FullName(MetadataReader reader, TypeDefinitionHandle handle)
{
    var type = reader.GetTypeDefinition(handle);
    var visibility = type.Attributes & TypeAttributes.VisibilityMask;
    var name = reader.GetString(type.Name);
    if (visibility == TypeAttributes.Public)
    {
        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : $"{ns}.{name}";
    }

    if (visibility is TypeAttributes.NestedPublic)
    {
        return FullName(reader, type.GetDeclaringType()) is { } outer ? $"{outer}.{name}" : null;
    }

    return null;
}
