using System.Globalization;
using System.Runtime.CompilerServices;

namespace CommunityDomain.Rostering;

/// <summary>
/// An error message formatted only when its check fails: validation runs a dozen checks per demand,
/// wish and pin, and formatting each message up front (item <c>ToString</c>s included) allocated
/// megabytes per problem for messages nobody reads.
/// </summary>
[InterpolatedStringHandler]
internal ref struct RejectMessage
{
    private DefaultInterpolatedStringHandler _text;

    /// <summary>Starts a message that is written only when <paramref name="failed"/> is true.</summary>
    public RejectMessage(int literalLength, int formattedCount, bool failed, out bool shouldAppend)
    {
        shouldAppend = failed;
        _text = failed ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
    }

    /// <summary>Appends literal text.</summary>
    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    /// <summary>Appends a value.</summary>
    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    /// <summary>Appends a value with a format.</summary>
    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    /// <summary>The message (empty when the check passed).</summary>
    public string ToStringAndClear() => _text.ToStringAndClear();
}
