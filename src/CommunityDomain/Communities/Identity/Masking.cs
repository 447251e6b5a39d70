using System.Globalization;
using System.Text;

namespace CommunityDomain.Communities.Identity;

/// <summary>
/// The one place that turns personal data into its masked display form. Every identity value object
/// delegates here, so a masking rule is written, reviewed and tested once.
/// </summary>
/// <remarks>
/// A mask replaces each hidden character (for names: each user-perceived character, a text element) by
/// <see cref="Star"/>; kept characters stay at their own positions.
/// </remarks>
internal static class Masking
{
    /// <summary>The character shown in place of a hidden one.</summary>
    public const char Star = '*';

    /// <summary>
    /// Keeps the first <paramref name="head"/> and the last <paramref name="tail"/> characters and shows
    /// a star for every other one, and at least <paramref name="minimumStars"/> stars.
    /// </summary>
    /// <remarks>
    /// At least one character is always hidden: a value not longer than <paramref name="head"/> +
    /// <paramref name="tail"/> keeps fewer characters (the tail shrinks first, then the head), so a
    /// mask never shows a whole value. The stars are padded to <paramref name="minimumStars"/>, so a short
    /// value need not show its own length. Callers pass values of plain (BMP, non-combining) characters,
    /// where one <see cref="char"/> is one visible character.
    /// </remarks>
    public static string KeepEnds(string value, int head, int tail, int minimumStars = 0)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Keep at least one character hidden, giving up tail characters before head characters.
        head = Math.Min(head, value.Length - 1);
        tail = Math.Min(tail, value.Length - 1 - head);
        var stars = Math.Max(minimumStars, value.Length - head - tail);
        return string.Concat(value.AsSpan(0, head), new string(Star, stars), value.AsSpan(value.Length - tail));
    }

    /// <summary>
    /// Masks a person's name: CJK names keep their first character, other names keep the first letter
    /// of each word and their separators. A name the rule would show whole (one character, or initials
    /// only) is all stars, one per character. Never trusts the look of a value: a label that already holds
    /// stars (<c>王芳芳*</c>) is masked like any other (<c>王***</c>). Masking a mask changes nothing, so a
    /// value may be masked at every boundary it crosses.
    /// </summary>
    public static string PersonName(string name)
    {
        // Re-mask until nothing changes: each pass only turns characters into stars, so this ends within
        // the name's length, and the result is a fixed point (masking it again gives it back).
        var current = MaskOnce(name);
        for (var next = MaskOnce(current); next != current; next = MaskOnce(current))
        {
            current = next;
        }

        return current;
    }

    /// <summary>
    /// Masks a recipient or person label that may also be the library's own household fallback
    /// (<c>household &lt;room&gt;</c>, which names nobody): the fallback is kept, anything else is masked.
    /// </summary>
    public static string PersonLabel(string label, string room) =>
        label == HouseholdFallback(room) ? label : PersonName(label);

    /// <summary>The label used for a household with no contact person: <c>household &lt;room&gt;</c>.</summary>
    public static string HouseholdFallback(string room) => "household " + room;

    private static string MaskOnce(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        var elements = TextElements(name);
        var cjk = IsCjk(name);
        var masked = new StringBuilder(name.Length);
        var startOfWord = true;
        var hidden = 0;
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            var keep = cjk ? i == 0 : IsWordSeparator(element) || startOfWord;
            startOfWord = !cjk && IsWordSeparator(element);
            masked.Append(keep ? element : Star);
            hidden += keep ? 0 : 1;
        }

        // A one-character name, or initials only ("J R"), would be shown whole: hide every character.
        return hidden > 0 ? masked.ToString() : new string(Star, elements.Count);
    }

    /// <summary>True for the separators kept in a masked non-CJK name: white space and hyphens.</summary>
    public static bool IsWordSeparator(string textElement) =>
        textElement.Length == 1 && (char.IsWhiteSpace(textElement[0]) || textElement[0] == '-');

    /// <summary>
    /// True when the name contains a Han ideograph, kana or Hangul syllable: such names are written
    /// without separators between given and family name, so only the first character is kept.
    /// </summary>
    public static bool IsCjk(string name)
    {
        foreach (var rune in name.EnumerateRunes())
        {
            if (IsCjk(rune.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The user-perceived characters (extended grapheme clusters) of a text.</summary>
    public static List<string> TextElements(string text)
    {
        var elements = new List<string>(text.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }

    private static bool IsCjk(int codePoint) => codePoint switch
    {
        >= 0x2E80 and <= 0x2FDF => true,   // CJK and Kangxi radicals
        >= 0x3040 and <= 0x30FF => true,   // Hiragana, Katakana
        >= 0x3100 and <= 0x312F => true,   // Bopomofo
        >= 0x3400 and <= 0x4DBF => true,   // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true,   // CJK Unified Ideographs
        >= 0xAC00 and <= 0xD7AF => true,   // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true,   // CJK Compatibility Ideographs
        >= 0x20000 and <= 0x3134F => true, // CJK Extensions B-G and compatibility supplement
        _ => false,
    };
}
