using System.Reflection;
using CommunityDomain.Kernel;
using NetArchTest.Rules;

namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// The dependency direction of CONTRIBUTING.md ("Dependencies run one way"), read from the compiled library with NetArchTest (it reads the
/// IL, so a dependency through a field, attribute or method body counts, not only a <c>using</c>):
/// the kernel depends on nothing else; the community on the kernel; the wings (Rostering, MassTesting, Supplies,
/// Passes) on the community and the kernel only, never on each other; Contracts and Views sit above; no cycles.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Root = "CommunityDomain";
    private static readonly Assembly Library = typeof(DomainError).Assembly;
    private static readonly string[] Wings = ["Rostering", "MassTesting", "Supplies", "Passes"];
    private static readonly string[] Above = ["Contracts", "Views"];

    /// <summary>The folders (top-level namespaces below <c>CommunityDomain</c>) and which may depend on which.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Kernel"] = [],
        ["Communities"] = ["Kernel"],
        ["Rostering"] = ["Communities", "Kernel"],
        ["MassTesting"] = ["Communities", "Kernel"],
        ["Supplies"] = ["Communities", "Kernel"],
        ["Passes"] = ["Communities", "Kernel"],
        ["Contracts"] = ["Communities", "Kernel", .. Wings],
        ["Views"] = ["Communities", "Kernel", .. Wings],
    };

    public static TheoryData<string> Folders() => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_depends_only_on_the_folders_below_it(string folder)
    {
        var forbidden = TopLevelNamespaces().Where(n => n != folder && !Allowed[folder].Contains(n)).Select(n => $"{Root}.{n}").ToArray();
        Assert.NotEmpty(forbidden);
        var result = Types.InAssembly(Library).That().ResideInNamespaceMatching(Under(folder))
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{folder} may depend only on {string.Join(", ", Allowed[folder])}; these do not:\n"
            + string.Join("\n", (result.FailingTypes ?? []).Select(t => t.FullName)));
    }

    [Fact]
    public void The_wings_do_not_depend_on_each_other()
    {
        var result = Types.InAssembly(Library)
            .That().ResideInNamespaceMatching($@"^{Root}\.({string.Join('|', Wings)})(\..*)?$")
            .Slice().ByNamespacePrefix(Root)
            .Should().NotHaveDependenciesBetweenSlices()
            .GetResult();
        Assert.True(result.IsSuccessful, "A wing depends on another wing:\n" + string.Join("\n", (result.FailingTypes ?? []).Select(t => t.FullName)));
    }

    [Fact]
    public void Every_folder_of_the_library_has_a_place_in_the_picture()
    {
        var unplaced = TopLevelNamespaces().Where(n => !Allowed.ContainsKey(n)).ToList();
        Assert.True(unplaced.Count == 0, "Namespaces with no rule: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void The_folders_depend_on_each_other_without_cycles()
    {
        // The graph as it is (not as allowed): an edge A -> B when some type in A uses some type in B.
        var folders = TopLevelNamespaces().ToList();
        var edges = folders.ToDictionary(a => a, a => folders.Where(b => b != a && Depends(a, b)).ToList(), StringComparer.Ordinal);
        Assert.Contains("Kernel", edges["Communities"]);

        var state = folders.ToDictionary(f => f, _ => 0, StringComparer.Ordinal);
        var path = new List<string>();
        string? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in edges[node])
            {
                if (state[next] == 1)
                {
                    return string.Join(" -> ", path.SkipWhile(p => p != next).Append(next));
                }

                if (state[next] == 0 && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var folder in folders)
        {
            var cycle = state[folder] == 0 ? Visit(folder) : null;
            Assert.True(cycle is null, $"Cycle between folders: {cycle}");
        }
    }

    [Fact]
    public void The_rostering_folder_itself_holds_only_the_public_model()
    {
        // docs/rostering.md: the planner's internals live in Rostering/Engine (namespace CommunityDomain.Rostering.Engine);
        // Rostering/ itself is what a host sees. Compiler-generated types (closures, state machines) do not count.
        var hidden = Library.GetTypes()
            .Where(t => t.Namespace == $"{Root}.Rostering" && !t.IsNested && !t.IsPublic
                && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false))
            .Select(t => t.Name)
            .ToList();
        Assert.True(hidden.Count == 0, "Move to Rostering/Engine or make public: " + string.Join(", ", hidden));
        Assert.Contains(Library.GetTypes(), t => t.Namespace == $"{Root}.Rostering.Engine" && !t.IsPublic);
    }

    [Fact]
    public void The_rules_can_fail_a_dependency_that_exists()
    {
        // Views really uses the wings: a rule forbidding that must fail, so the passing rules above mean something.
        var result = Types.InAssembly(Library).That().ResideInNamespaceMatching(Under("Views"))
            .ShouldNot().HaveDependencyOnAny($"{Root}.Rostering").GetResult();
        Assert.False(result.IsSuccessful);
    }

    private static bool Depends(string from, string to) =>
        !Types.InAssembly(Library).That().ResideInNamespaceMatching(Under(from))
            .ShouldNot().HaveDependencyOnAny($"{Root}.{to}").GetResult().IsSuccessful;

    /// <summary>A pattern for a folder's namespace and the namespaces below it.</summary>
    private static string Under(string folder) => $@"^{Root}\.{folder}(\..*)?$";

    private static IEnumerable<string> TopLevelNamespaces() =>
        Library.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(n => n[(Root.Length + 1)..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
}
