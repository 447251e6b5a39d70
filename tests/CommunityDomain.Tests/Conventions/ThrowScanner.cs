using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// Sorts the hand-written <c>throw new Argument*Exception(...)</c> of the library by the guard table of CONTRIBUTING.md:
/// a throw whose condition reads one parameter (directly, or through locals computed from it) and no state of the
/// object, with a fixed message, is a rule on one value, which the table gives to <c>Guard.Against.InvalidInput</c>
/// (<see cref="Verdict.OneValue"/>). Every other throw says why it is hand-written: a rule across parameters or against
/// the object's state, a lookup (<c>??</c> after a call that reads the object's state or several values; <c>Normalise(value) ?? throw</c>
/// with a fixed message is a rule on one value), a dispatch (<c>switch</c> arm), clean-up or an inner exception, a message
/// that names what the check found (a guard formats its message before the check, on every call), or a
/// <c>ReadOnlySpan</c> (a ref struct cannot be a guard's generic argument).
/// </summary>
/// <remarks>Syntax only, no binding: a name counts as a parameter or local of the enclosing member by its declaration
/// there, and as state when the enclosing type (any of its partial files) declares an instance field or property so
/// named. Names it cannot place (types, constants, static members) are neither, which is what a one-value rule reads.</remarks>
internal static class ThrowScanner
{
    /// <summary>How a hand-written argument exception is classified.</summary>
    public enum Verdict
    {
        /// <summary>A rule on one value with a fixed message: the table asks for a guard.</summary>
        OneValue,

        /// <summary>Its condition reads several parameters, or the object's state.</summary>
        AcrossValuesOrState,

        /// <summary>It follows a failed lookup (<c>x ?? throw</c>) or a dispatch's last arm.</summary>
        LookupOrDispatch,

        /// <summary>It cleans up first, carries an inner exception or sits in a catch block.</summary>
        CleanUpOrInner,

        /// <summary>Its message is computed: it names what the check found.</summary>
        NamesWhatWasFound,

        /// <summary>The value read is a span, which no generic guard takes.</summary>
        Span,

        /// <summary>It reads no parameter (a result computed elsewhere), or sits in a lambda.</summary>
        Other,
    }

    /// <summary>One hand-written throw: where, its verdict and the parameters its condition reads.</summary>
    public sealed record Finding(string Path, int Line, Verdict Verdict, IReadOnlyList<string> Parameters)
    {
        public override string ToString() => $"{Path}:{Line} {Verdict} [{string.Join(", ", Parameters)}]";
    }

    private static readonly string[] ExceptionTypes = ["ArgumentException", "ArgumentNullException", "ArgumentOutOfRangeException"];

    /// <summary>Every hand-written argument exception in <paramref name="files"/> (path, C# text), in order.</summary>
    public static List<Finding> Scan(IEnumerable<(string Path, string Text)> files)
    {
        var trees = files.Select(f => (f.Path, Root: CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot())).ToList();
        var state = InstanceMembers(trees.Select(t => t.Root));
        var findings = new List<Finding>();
        foreach (var (path, root) in trees)
        {
            foreach (var node in root.DescendantNodes().Where(n => n is ThrowStatementSyntax or ThrowExpressionSyntax))
            {
                var thrown = node is ThrowStatementSyntax s ? s.Expression : ((ThrowExpressionSyntax)node).Expression;
                if (thrown is ObjectCreationExpressionSyntax creation && ExceptionTypes.Contains(creation.Type.ToString()))
                {
                    var (verdict, parameters) = Classify(node, creation, state);
                    findings.Add(new Finding(path, node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, verdict, parameters));
                }
            }
        }

        return findings;
    }

    private static (Verdict, IReadOnlyList<string>) Classify(SyntaxNode node, ObjectCreationExpressionSyntax creation, Dictionary<string, HashSet<string>> state)
    {
        var arguments = creation.ArgumentList?.Arguments ?? default;
        var member = node.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax
            or AccessorDeclarationSyntax or PropertyDeclarationSyntax or AnonymousFunctionExpressionSyntax or TypeDeclarationSyntax);
        if (arguments.Count >= 3 || node.Ancestors().Any(a => a is CatchClauseSyntax)
            || (node is ThrowStatementSyntax && node.Parent is BlockSyntax block && block.Statements.IndexOf((StatementSyntax)node) > 0))
        {
            return (Verdict.CleanUpOrInner, []);
        }

        var parameters = Parameters(member, node);
        var instance = state.GetValueOrDefault(node.Ancestors().OfType<TypeDeclarationSyntax>().First().Identifier.Text) ?? [];
        if ((node.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce
                && (member is AnonymousFunctionExpressionSyntax || !IsCheckOnOneValue(coalesce.Left, member, parameters, instance)))
            || node.Parent is SwitchExpressionArmSyntax
            || node.Ancestors().TakeWhile(a => a != member).Any(a => a is SwitchSectionSyntax))
        {
            return (Verdict.LookupOrDispatch, []);
        }

        if (member is AnonymousFunctionExpressionSyntax)
        {
            return (Verdict.Other, []);
        }

        if (arguments.Count == 0 || !IsFixedText(arguments[0].Expression, hole => IsConstant(hole, member, parameters, instance)))
        {
            return (Verdict.NamesWhatWasFound, []);
        }

        var roots = new HashSet<string>(StringComparer.Ordinal);
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in Conditions(node, member))
        {
            Roots(condition, member, parameters, instance, roots, read, depth: 0);
        }

        var names = roots.Order(StringComparer.Ordinal).ToList();
        if (read.Count > 0 || roots.Count > 1)
        {
            return (Verdict.AcrossValuesOrState, names);
        }

        if (roots.Count == 0)
        {
            return (Verdict.Other, names);
        }

        return parameters[names[0]].Contains("Span<", StringComparison.Ordinal) ? (Verdict.Span, names) : (Verdict.OneValue, names);
    }

    /// <summary>Whether the left side of <c>x ?? throw</c> is a call on one parameter that reads no state of the object
    /// (<c>Normalise(value) ?? throw</c>, <c>value.Trim() ?? throw</c>): a rule on that value, not a lookup in a table the
    /// object holds (<c>_names.GetValueOrDefault(id) ?? throw</c>) nor a check across values.</summary>
    private static bool IsCheckOnOneValue(ExpressionSyntax left, SyntaxNode? member, Dictionary<string, string> parameters, HashSet<string> state)
    {
        // Only the type's own helper (Normalise(value)) or a method of the parameter (value.Trim()): Registry.Find(code)
        // looks a code up in a table elsewhere, which stays a lookup.
        if (left is not InvocationExpressionSyntax call
            || !(call.Expression is IdentifierNameSyntax
                || call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target } && parameters.ContainsKey(target.Identifier.Text)))
        {
            return false;
        }

        var roots = new HashSet<string>(StringComparer.Ordinal);
        var read = new HashSet<string>(StringComparer.Ordinal);
        Roots(call, member, parameters, state, roots, read, depth: 0);
        return roots.Count == 1 && read.Count == 0;
    }

    /// <summary>A string literal, an interpolated string whose holes are all constant, or a concatenation of them:
    /// <c>$"More than {MaxPeople} people."</c> is as fixed as its literal, it names the rule, not what the check found.</summary>
    private static bool IsFixedText(ExpressionSyntax message, Func<ExpressionSyntax, bool> constant) => message switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.StringLiteralExpression),
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.All(c => c is InterpolatedStringTextSyntax
            || (c is InterpolationSyntax hole && constant(hole.Expression))),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add => IsFixedText(add.Left, constant) && IsFixedText(add.Right, constant),
        ParenthesizedExpressionSyntax p => IsFixedText(p.Expression, constant),
        _ => false,
    };

    /// <summary>Whether an interpolation hole reads nothing the call could vary: no parameter, local, instance member or
    /// type parameter (<c>nameof(x)</c> is text, not a read), only names the scan cannot place (constants, static members).</summary>
    private static bool IsConstant(ExpressionSyntax hole, SyntaxNode? member, Dictionary<string, string> parameters, HashSet<string> state)
    {
        // A type parameter varies with the call too: $"The {typeof(TEntity).Name} id is default" names the id's type.
        var typeParameters = hole.Ancestors().SelectMany(a => a switch
        {
            MethodDeclarationSyntax m => m.TypeParameterList?.Parameters ?? default,
            LocalFunctionStatementSyntax l => l.TypeParameterList?.Parameters ?? default,
            TypeDeclarationSyntax t => t.TypeParameterList?.Parameters ?? default,
            _ => default(SeparatedSyntaxList<TypeParameterSyntax>),
        }).Select(t => t.Identifier.Text).ToHashSet(StringComparer.Ordinal);
        return !hole.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id =>
            !IsMemberName(id)
            && !id.Ancestors().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is IdentifierNameSyntax { Identifier.Text: "nameof" })
            && (parameters.ContainsKey(id.Identifier.Text) || Sources(member, id.Identifier.Text).Any() || state.Contains(id.Identifier.Text)
                || typeParameters.Contains(id.Identifier.Text) || id.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }));
    }

    /// <summary>A name after a dot (other than <c>this.</c>) or a called method's name: not a read of a local.</summary>
    private static bool IsMemberName(IdentifierNameSyntax id) =>
        (id.Parent is MemberAccessExpressionSyntax access && access.Name == id && access.Expression is not ThisExpressionSyntax)
        || (id.Parent is InvocationExpressionSyntax invocation && invocation.Expression == id);

    /// <summary>The conditions under which the throw runs: every enclosing <c>if</c> and <c>?:</c> up to the member.</summary>
    private static IEnumerable<ExpressionSyntax> Conditions(SyntaxNode node, SyntaxNode? member)
    {
        for (SyntaxNode? child = node, parent = node.Parent; parent is not null && child != member; child = parent, parent = parent.Parent)
        {
            if (parent is IfStatementSyntax ifStatement && child != ifStatement.Condition)
            {
                yield return ifStatement.Condition;
            }
            else if (parent is ElseClauseSyntax { Parent: IfStatementSyntax elseOf })
            {
                yield return elseOf.Condition;
            }
            else if (parent is ConditionalExpressionSyntax conditional && child != conditional.Condition)
            {
                yield return conditional.Condition;
            }
            else if (parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce && child == coalesce.Right)
            {
                yield return coalesce.Left;
            }
        }
    }

    /// <summary>The parameters in scope (name, type text): the member's, and a positional type's in its initializers.</summary>
    private static Dictionary<string, string> Parameters(SyntaxNode? member, SyntaxNode node)
    {
        var list = member switch
        {
            BaseMethodDeclarationSyntax m => m.ParameterList.Parameters,
            LocalFunctionStatementSyntax l => l.ParameterList.Parameters,
            _ => node.Ancestors().OfType<TypeDeclarationSyntax>().First().ParameterList?.Parameters ?? default,
        };
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in list)
        {
            result[p.Identifier.Text] = p.Type?.ToString() ?? string.Empty;
        }

        return result;
    }

    /// <summary>Adds to <paramref name="roots"/> the parameters <paramref name="expression"/> reads, following locals to
    /// their initializers, and to <paramref name="read"/> the instance members it reads.</summary>
    private static void Roots(SyntaxNode expression, SyntaxNode? member, Dictionary<string, string> parameters, HashSet<string> state,
        HashSet<string> roots, HashSet<string> read, int depth)
    {
        if (depth > 20)
        {
            return;
        }

        foreach (var id in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (IsMemberName(id))
            {
                continue;
            }

            var name = id.Identifier.Text;
            var sources = Sources(member, name).ToList();
            if (parameters.ContainsKey(name))
            {
                roots.Add(name);
            }
            else if (sources.Count > 0)
            {
                foreach (var source in sources)
                {
                    Roots(source, member, parameters, state, roots, read, depth + 1);
                }
            }
            else if (state.Contains(name))
            {
                read.Add(name);
            }
        }
    }

    /// <summary>What a local of <paramref name="member"/> is computed from: its initializer, the collection a loop
    /// variable runs over, the subject a pattern variable matched, the call an <c>out</c> variable came from, and every
    /// value later assigned or added to it (<c>people += household.People</c> makes a sum over the households' list).
    /// Empty when the name is not a local of the member.</summary>
    private static IEnumerable<SyntaxNode> Sources(SyntaxNode? member, string name)
    {
        if (member is null)
        {
            yield break;
        }

        var declared = false;
        foreach (var n in member.DescendantNodes())
        {
            switch (n)
            {
                case VariableDeclaratorSyntax v when v.Identifier.Text == name && !declared:
                    declared = true;
                    yield return v.Initializer?.Value ?? (SyntaxNode)v;
                    break;
                case ForEachStatementSyntax f when f.Identifier.Text == name && !declared:
                    declared = true;
                    yield return f.Expression;
                    break;
                case SingleVariableDesignationSyntax d when d.Identifier.Text == name && !declared:
                    declared = true;
                    yield return d.Ancestors().FirstOrDefault(a => a is IsPatternExpressionSyntax or ForEachVariableStatementSyntax or InvocationExpressionSyntax) switch
                    {
                        IsPatternExpressionSyntax pattern => pattern.Expression,
                        ForEachVariableStatementSyntax loop => loop.Expression,
                        InvocationExpressionSyntax call => call,
                        _ => d,
                    };
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when declared && target.Identifier.Text == name:
                    yield return assignment.Right;
                    break;
            }
        }
    }

    /// <summary>The non-static fields and properties of each type, by type name, over all partial declarations.</summary>
    private static Dictionary<string, HashSet<string>> InstanceMembers(IEnumerable<SyntaxNode> roots)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in roots.SelectMany(r => r.DescendantNodes().OfType<TypeDeclarationSyntax>()))
        {
            if (!result.TryGetValue(type.Identifier.Text, out var names))
            {
                result[type.Identifier.Text] = names = new HashSet<string>(StringComparer.Ordinal);
            }

            foreach (var m in type.Members.Where(m => !m.Modifiers.Any(SyntaxKind.StaticKeyword) && !m.Modifiers.Any(SyntaxKind.ConstKeyword)))
            {
                switch (m)
                {
                    case FieldDeclarationSyntax field:
                        names.UnionWith(field.Declaration.Variables.Select(v => v.Identifier.Text));
                        break;
                    case PropertyDeclarationSyntax property:
                        names.Add(property.Identifier.Text);
                        break;
                }
            }
        }

        return result;
    }
}
