using System.Reflection;
using CommunityDomain.Kernel;
using OneOf;
using OneOf.Types;

namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// CONTRIBUTING ("A family of commands that answers with the same cases names its result once"): no <c>OneOf</c> is
/// spelt inline on the public methods of two or more names; such a family returns a named <c>OneOfBase</c> result
/// (<c>StockResult</c>, <c>PresenceResult</c>, <c>ExcuseResult</c>, <c>PassScanResult</c>). Overloads of one name count
/// once: they are one command.
/// </summary>
public sealed class ResultConventionTests
{
    [Fact]
    public void The_same_OneOf_is_not_spelt_on_public_methods_of_two_names()
    {
        var library = typeof(DomainError).Assembly;
        var spelt = InlineOneOfs(library.GetExportedTypes());
        Assert.NotEmpty(spelt);
        var repeated = Repeated(spelt);
        Assert.True(repeated.Count == 0, "Name the result once over OneOfBase (CONTRIBUTING, StockResult):\n" + string.Join("\n", repeated));
    }

    [Fact]
    public void The_check_finds_a_OneOf_spelt_on_two_commands_and_lets_overloads_and_named_results_pass()
    {
        var spelt = InlineOneOfs([typeof(TwoCommands), typeof(Overloads), typeof(Named)]);
        Assert.Equal(["OneOf<Success, NotPermitted>: TwoCommands.First, TwoCommands.Second"], Repeated(spelt));
    }

    private static List<(Type Returned, string Method)> InlineOneOfs(IEnumerable<Type> types) =>
        [.. types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition().Namespace == "OneOf"
                && m.ReturnType.GetGenericTypeDefinition().Name.StartsWith("OneOf`", StringComparison.Ordinal))
            .Select(m => (m.ReturnType, $"{m.DeclaringType!.Name}.{m.Name}"))];

    private static List<string> Repeated(List<(Type Returned, string Method)> spelt) =>
        [.. spelt.GroupBy(s => s.Returned)
            .Select(g => (g.Key, Names: g.Select(s => s.Method).Distinct().Order(StringComparer.Ordinal).ToList()))
            .Where(g => g.Names.Count > 1)
            .Select(g => $"OneOf<{string.Join(", ", g.Key.GetGenericArguments().Select(a => a.Name))}>: {string.Join(", ", g.Names)}")
            .Order(StringComparer.Ordinal)];

    private sealed class TwoCommands
    {
        public static OneOf<Success, NotPermitted> First() => new Success();

        public static OneOf<Success, NotPermitted> Second() => new Success();
    }

    private sealed class Overloads
    {
        public static OneOf<Success, DomainError> Exit(string code) => code.Length > 0 ? new Success() : throw new InvalidOperationException(code);

        public static OneOf<Success, DomainError> Exit(string code, string by) => code.Length > by.Length ? new Success() : throw new InvalidOperationException(code);
    }

    private sealed class Named
    {
        public static OneOfBase<Success, NotPermitted>? First() => null;

        public static OneOfBase<Success, NotPermitted>? Second() => null;
    }
}
