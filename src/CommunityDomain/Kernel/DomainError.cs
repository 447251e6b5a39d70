using System.Globalization;

namespace CommunityDomain.Kernel;

/// <summary>
/// An expected business outcome that stopped a command (a duplicate, an unknown target, an order
/// already lifted). Returned inside a <c>OneOf</c>, never thrown.
/// </summary>
/// <remarks>
/// Every error has a readable message in English and in Simplified Chinese; <see cref="Message"/>
/// picks by <see cref="CultureInfo.CurrentUICulture"/>, <see cref="MessageIn"/> by an explicit culture.
/// Messages name entities by id and show personal data only masked.
/// </remarks>
public abstract record DomainError
{
    /// <summary>A stable machine-readable code, e.g. <c>community.duplicate-id-number</c>.</summary>
    public abstract string Code { get; }

    /// <summary>The message in the current UI culture (Chinese for <c>zh*</c>, English otherwise).</summary>
    public string Message => MessageIn(CultureInfo.CurrentUICulture);

    /// <summary>The message in English.</summary>
    protected abstract string English { get; }

    /// <summary>The message in Simplified Chinese.</summary>
    protected abstract string Chinese { get; }

    /// <summary>The message in a given culture: Simplified Chinese for any <c>zh</c> culture, else English.</summary>
    /// <param name="culture">The culture to write for.</param>
    /// <returns>The message.</returns>
    public string MessageIn(CultureInfo culture)
    {
        Guard.Against.Null(culture);
        return culture.TwoLetterISOLanguageName == "zh" ? Chinese : English;
    }

    /// <summary>The code and the English message.</summary>
    public sealed override string ToString() => $"{Code}: {English}";
}
