using System.Reflection;
using CommunityDomain.Kernel;

namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// CONTRIBUTING ("Commands are verbs"): an aggregate's commands are intention-named methods
/// (<c>StockLedger.Receive</c>, <c>Community.AddBuilding</c>, <c>PassOffice.Issue</c>), never a generic entry point that
/// takes a command object (<c>Execute(StockCommand)</c> was the last one, issue 17). No public method of an aggregate is
/// named like a dispatcher, and none takes a parameter whose type is a command object (a type named <c>...Command</c>
/// or deriving from one).
/// </summary>
public sealed class CommandStyleConventionTests
{
    private static readonly string[] DispatcherNames = ["Execute", "Handle", "Dispatch", "Send", "Process"];

    [Fact]
    public void No_aggregate_takes_a_command_object()
    {
        var aggregates = typeof(AggregateRoot).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(AggregateRoot)))
            .ToList();
        Assert.True(aggregates.Count >= 6, $"Found only {aggregates.Count} aggregates.");
        var found = CommandObjectEntryPoints(aggregates);
        Assert.True(found.Count == 0, "Make each command a verb on the aggregate (CONTRIBUTING):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_check_finds_an_execute_and_a_command_parameter_and_lets_verbs_pass()
    {
        var found = CommandObjectEntryPoints([typeof(TwoStyles), typeof(VerbsOnly)]);
        Assert.Equal(["TwoStyles.Execute", "TwoStyles.Run(ShipCommand)", "TwoStyles.Send", "TwoStyles.Send(Ship)"], found);
    }

    private static List<string> CommandObjectEntryPoints(IEnumerable<Type> aggregates) =>
        [.. aggregates.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName)
            .SelectMany(m => Offences(m))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Offences(MethodInfo method)
    {
        var name = $"{method.DeclaringType!.Name}.{method.Name}";
        if (DispatcherNames.Contains(method.Name, StringComparer.Ordinal))
        {
            yield return name;
        }

        foreach (var p in method.GetParameters().Where(p => IsCommandObject(p.ParameterType)))
        {
            yield return $"{name}({p.ParameterType.Name})";
        }
    }

    private static bool IsCommandObject(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            if (t.Name.EndsWith("Command", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private abstract record ShipCommand;

    private sealed record Ship : ShipCommand;

    private sealed class TwoStyles : AggregateRoot
    {
        public TwoStyles()
            : base(0)
        {
        }

        public static int Execute() => 0;

        public static int Run(ShipCommand command) => command is null ? 0 : 1;

        public static int Send(Ship command) => command is null ? 0 : 1;
    }

    private sealed class VerbsOnly : AggregateRoot
    {
        public VerbsOnly()
            : base(0)
        {
        }

        public static int Ship(int units) => units;
    }
}
