using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// Measures every member with a body in C# source: methods, constructors, operators, finalizers, local functions,
/// accessors, properties or indexers with an expression body, and fields whose initializer holds a lambda (code kept in a
/// field is still code; a table of data is not measured). A member's length is the number of lines from its
/// declaration (after its attributes and doc comment) to the end of its body, inclusive, as a reader scrolls it: the
/// signature counts, because a long parameter list is part of what the reader holds in mind.
/// </summary>
/// <remarks>Syntax only (Roslyn's parser, no compilation), so it reads files that do not build alone and needs no
/// references. A local function is measured on its own and also counts inside the member that holds it.</remarks>
internal static class MethodLengthScanner
{
    /// <summary>One measured member: where it starts (1-based line), its name as a reader finds it, and its length in lines.</summary>
    public sealed record Member(string Path, int Line, string Name, int Lines)
    {
        /// <summary>The allow-list key: file and name, without the line, so that edits above it do not move the key.</summary>
        public string Key => $"{Path}::{Name}";

        public override string ToString() => $"{Path}:{Line} {Name} is {Lines} lines";
    }

    /// <summary>Every member with a body in <paramref name="files"/> (path, C# text), in file order.</summary>
    public static List<Member> Measure(IEnumerable<(string Path, string Text)> files)
    {
        var members = new List<Member>();
        foreach (var (path, text) in files)
        {
            var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
            foreach (var node in root.DescendantNodes())
            {
                if (HasBody(node) && Name(node) is { } name)
                {
                    var start = FirstTokenAfterAttributes(node).GetLocation().GetLineSpan().StartLinePosition.Line;
                    var end = node.GetLocation().GetLineSpan().EndLinePosition.Line;
                    members.Add(new Member(path, start + 1, name, end - start + 1));
                }
            }
        }

        return members;
    }

    private static bool HasBody(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax m => m.Body is not null || m.ExpressionBody is not null,
        LocalFunctionStatementSyntax f => f.Body is not null || f.ExpressionBody is not null,
        AccessorDeclarationSyntax a => a.Body is not null || a.ExpressionBody is not null,
        PropertyDeclarationSyntax p => p.ExpressionBody is not null,
        IndexerDeclarationSyntax i => i.ExpressionBody is not null,
        FieldDeclarationSyntax f => f.Declaration.Variables.Any(v => v.Initializer?.Value.DescendantNodesAndSelf().OfType<LambdaExpressionSyntax>().Any() == true),
        _ => false,
    };

    /// <summary>Type.Member (Type.Member.local for a local function, Type.Property.get for an accessor); constructors are
    /// Type..ctor, as in IL.</summary>
    private static string? Name(SyntaxNode node)
    {
        var type = string.Join(".", node.Ancestors().OfType<BaseTypeDeclarationSyntax>().Reverse().Select(t => t.Identifier.Text));
        string? own = node switch
        {
            MethodDeclarationSyntax m => m.Identifier.Text,
            ConstructorDeclarationSyntax => ".ctor",
            DestructorDeclarationSyntax => "Finalize",
            OperatorDeclarationSyntax o => "operator " + o.OperatorToken.Text,
            ConversionOperatorDeclarationSyntax c => $"{c.ImplicitOrExplicitKeyword.Text} operator {c.Type}",
            PropertyDeclarationSyntax p => p.Identifier.Text,
            IndexerDeclarationSyntax => "this[]",
            LocalFunctionStatementSyntax f => f.Identifier.Text,
            AccessorDeclarationSyntax a => a.Keyword.Text,
            FieldDeclarationSyntax f => f.Declaration.Variables[0].Identifier.Text,
            _ => null,
        };
        if (own is null)
        {
            return null;
        }

        var enclosing = node.Ancestors()
            .TakeWhile(a => a is not BaseTypeDeclarationSyntax)
            .Where(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or BasePropertyDeclarationSyntax)
            .Reverse()
            .Select(EnclosingName);
        return string.Join(".", new[] { type }.Concat(enclosing).Append(own).Where(s => s.Length > 0));
    }

    private static string EnclosingName(SyntaxNode member) => member switch
    {
        MethodDeclarationSyntax m => m.Identifier.Text,
        ConstructorDeclarationSyntax => ".ctor",
        LocalFunctionStatementSyntax f => f.Identifier.Text,
        PropertyDeclarationSyntax p => p.Identifier.Text,
        EventDeclarationSyntax e => e.Identifier.Text,
        IndexerDeclarationSyntax => "this[]",
        OperatorDeclarationSyntax o => "operator " + o.OperatorToken.Text,
        _ => member.Kind().ToString(),
    };

    private static SyntaxToken FirstTokenAfterAttributes(SyntaxNode node)
    {
        var attributes = node switch
        {
            MemberDeclarationSyntax m => m.AttributeLists,
            LocalFunctionStatementSyntax f => f.AttributeLists,
            AccessorDeclarationSyntax a => a.AttributeLists,
            _ => default,
        };
        return attributes.Count > 0 ? attributes[^1].GetLastToken().GetNextToken() : node.GetFirstToken();
    }
}
