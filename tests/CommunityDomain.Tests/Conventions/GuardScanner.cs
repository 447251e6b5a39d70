using System.Text.RegularExpressions;

namespace CommunityDomain.Tests.Conventions;

/// <summary>
/// Finds guard calls in C# source text and counts their top-level arguments, skipping strings, chars and comments,
/// so a convention test can tell <c>Guard.Against.OutOfRange(x, nameof(x), 0, 9)</c> (no message) from the same call
/// with one. A text scan, not a compiler: good enough for the library's own formatting, checked by its own tests.
/// </summary>
internal static partial class GuardScanner
{
    /// <summary>1-based lines where a call (or generic use) of <paramref name="name"/> or a longer name starting with it begins in <paramref name="code"/>.</summary>
    public static IEnumerable<int> LinesCalling(string code, string name) =>
        System.Text.RegularExpressions.Regex.Matches(code, $@"(?<![\w.]){System.Text.RegularExpressions.Regex.Escape(name)}\w*\s*[(<]")
            .Select(m => 1 + code.AsSpan(0, m.Index).Count('\n'));

    /// <summary>One call: the line it starts on, the method called and its top-level arguments (trimmed text).</summary>
    public sealed record Call(int Line, string Method, IReadOnlyList<string> Arguments);

    /// <summary>Every call of <paramref name="method"/> (e.g. <c>Guard.Against.OutOfRange</c>) in <paramref name="text"/>.</summary>
    public static IEnumerable<Call> Calls(string text, string method)
    {
        var code = Blank(text);
        for (var at = code.IndexOf(method + "(", StringComparison.Ordinal); at >= 0; at = code.IndexOf(method + "(", at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && (char.IsLetterOrDigit(code[at - 1]) || code[at - 1] == '_'))
            {
                continue;
            }

            var open = at + method.Length;
            var arguments = new List<string>();
            var depth = 0;
            var start = open + 1;
            for (var i = open; i < code.Length; i++)
            {
                var c = code[i];
                if (c is '(' or '[' or '{')
                {
                    depth++;
                }
                else if (c is ')' or ']' or '}')
                {
                    depth--;
                    if (depth == 0)
                    {
                        AddArgument(text, start, i, arguments);
                        break;
                    }
                }
                else if (c == ',' && depth == 1)
                {
                    AddArgument(text, start, i, arguments);
                    start = i + 1;
                }
            }

            yield return new Call(1 + code.AsSpan(0, at).Count('\n'), method, arguments);
        }
    }

    private static void AddArgument(string text, int from, int to, List<string> arguments)
    {
        var argument = text[from..to].Trim();
        if (argument.Length > 0)
        {
            arguments.Add(argument);
        }
    }

    /// <summary>
    /// The text with every comment, string and char literal's content replaced by spaces (line breaks kept), so that
    /// brackets and commas inside them do not count. Interpolation holes are blanked too: a guard's arguments never
    /// need them to be counted.
    /// </summary>
    public static string Blank(string text)
    {
        var chars = text.ToCharArray();
        var i = 0;
        while (i < chars.Length)
        {
            if (chars[i] == '/' && i + 1 < chars.Length && chars[i + 1] == '/')
            {
                while (i < chars.Length && chars[i] != '\n')
                {
                    chars[i++] = ' ';
                }
            }
            else if (chars[i] == '/' && i + 1 < chars.Length && chars[i + 1] == '*')
            {
                while (i < chars.Length && !(chars[i] == '*' && i + 1 < chars.Length && chars[i + 1] == '/'))
                {
                    chars[i] = chars[i] == '\n' ? '\n' : ' ';
                    i++;
                }

                BlankAt(chars, ref i, 2);
            }
            else if (chars[i] == '"')
            {
                var verbatim = i > 0 && (chars[i - 1] == '@' || (i > 1 && chars[i - 2] == '@'));
                i++;
                while (i < chars.Length && chars[i] != '"')
                {
                    if (chars[i] == '\\' && !verbatim)
                    {
                        BlankAt(chars, ref i, 1);
                    }

                    if (i < chars.Length && chars[i] != '"')
                    {
                        chars[i] = chars[i] == '\n' ? '\n' : ' ';
                        i++;
                    }
                }

                i++;
            }
            else if (chars[i] == '\'' && i + 2 < chars.Length && (chars[i + 2] == '\'' || chars[i + 1] == '\\'))
            {
                i++;
                while (i < chars.Length && chars[i] != '\'')
                {
                    if (chars[i] == '\\')
                    {
                        BlankAt(chars, ref i, 1);
                    }

                    BlankAt(chars, ref i, 1);
                }

                i++;
            }
            else
            {
                i++;
            }
        }

        return new string(chars);
    }

    private static void BlankAt(char[] chars, ref int i, int count)
    {
        for (var k = 0; k < count && i < chars.Length; k++, i++)
        {
            chars[i] = chars[i] == '\n' ? '\n' : ' ';
        }
    }

    /// <summary>Hand-written argument exceptions: <c>throw new ArgumentException(</c> and its subclasses.</summary>
    [GeneratedRegex(@"\bthrow\s+new\s+(Argument(?:Null|OutOfRange)?Exception)\s*\(")]
    public static partial Regex HandWrittenThrow();
}
