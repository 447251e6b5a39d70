using System.Globalization;

namespace CommunityDomain.Views;

/// <summary>
/// A plural category as Unicode CLDR (and ICU's <c>PluralRules</c>) names them: which form of a counted word a
/// language uses for a number ("1 person" is <see cref="One"/> in English, "3 people" <see cref="Other"/>; Chinese
/// uses <see cref="Other"/> for every number).
/// </summary>
/// <remarks><c>default</c> is <see cref="Other"/>, the category every language has.</remarks>
public enum PluralCategory
{
    /// <summary>The general form; every language has it (CLDR <c>other</c>).</summary>
    Other = 0,

    /// <summary>CLDR <c>zero</c> (e.g. Latvian, Welsh).</summary>
    Zero,

    /// <summary>CLDR <c>one</c> (English "1 person").</summary>
    One,

    /// <summary>CLDR <c>two</c> (e.g. Welsh, Arabic).</summary>
    Two,

    /// <summary>CLDR <c>few</c> (e.g. Polish, Russian).</summary>
    Few,

    /// <summary>CLDR <c>many</c> (e.g. Polish, Russian).</summary>
    Many,
}

/// <summary>
/// Picks the plural category of a number for a language, as CLDR's plural rules do, for the languages the display
/// texts exist in. A counted text is one key per category in the resource files (<c>unit.people.one</c>,
/// <c>unit.people.other</c> in <c>en.json</c>; only <c>unit.people.other</c> in <c>zh-CN.json</c>), and
/// <see cref="Labels.Count"/> picks the key with <see cref="Select(CultureInfo, long)"/>.
/// </summary>
/// <remarks>
/// <para>
/// Rules (CLDR 45, cardinal): Chinese, Japanese and Korean have only <see cref="PluralCategory.Other"/>; English (and
/// any language without a rule here, since its texts fall back to English) has <see cref="PluralCategory.One"/> for the
/// integer 1 written without decimals, <see cref="PluralCategory.Other"/> for everything else ("1 h", "1.5 h", "0 h").
/// French has <see cref="PluralCategory.One"/> for 0 and 1 (and decimals below 2). A new language's table adds its rule here.
/// </para>
/// <para>The rule is the one of the texts' language, so a culture that falls back to English texts counts as English does.</para>
/// </remarks>
public static class PluralRules
{
    private static readonly PluralCategory[] OtherOnly = [PluralCategory.Other];
    private static readonly PluralCategory[] OneOther = [PluralCategory.One, PluralCategory.Other];

    /// <summary>The categories a language's counted texts need, <see cref="PluralCategory.Other"/> last.</summary>
    /// <param name="culture">The culture (its language decides).</param>
    /// <returns>The categories, e.g. <c>[One, Other]</c> for English and <c>[Other]</c> for Chinese.</returns>
    /// <exception cref="ArgumentException"><paramref name="culture"/> is null.</exception>
    public static IReadOnlyList<PluralCategory> CategoriesOf(CultureInfo culture) =>
        Language(Guard.Against.Null(culture)) is "zh" or "ja" or "ko" ? OtherOnly : OneOther;

    /// <summary>The category of a whole count ("3 people").</summary>
    /// <param name="culture">The culture (its language decides).</param>
    /// <param name="count">The count; any sign.</param>
    /// <returns>The category.</returns>
    /// <exception cref="ArgumentException"><paramref name="culture"/> is null.</exception>
    public static PluralCategory Select(CultureInfo culture, long count) => Select(culture, (decimal)count);

    /// <summary>
    /// The category of a number as written: its decimals count, as in CLDR (<c>1</c> is <see cref="PluralCategory.One"/> in
    /// English, <c>1.0m</c> and <c>1.5m</c> are <see cref="PluralCategory.Other"/>), so pass the value rounded as shown.
    /// </summary>
    /// <param name="culture">The culture (its language decides).</param>
    /// <param name="number">The number as shown (its scale is the number of visible decimals).</param>
    /// <returns>The category.</returns>
    /// <exception cref="ArgumentException"><paramref name="culture"/> is null.</exception>
    public static PluralCategory Select(CultureInfo culture, decimal number)
    {
        var language = Language(Guard.Against.Null(culture));
        var n = Math.Abs(number);
        var whole = n.Scale == 0;
        return language switch
        {
            "zh" or "ja" or "ko" => PluralCategory.Other,
            "fr" => n < 2 ? PluralCategory.One : PluralCategory.Other,
            _ => whole && n == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }

    /// <summary>The key suffix of a category, as CLDR writes it (<c>one</c>, <c>other</c>).</summary>
    /// <param name="category">The category.</param>
    /// <returns>The suffix.</returns>
    /// <exception cref="ArgumentException"><paramref name="category"/> is not a defined value.</exception>
    public static string Keyword(PluralCategory category) => Guard.Against.EnumOutOfRange(category) switch
    {
        PluralCategory.Zero => "zero",
        PluralCategory.One => "one",
        PluralCategory.Two => "two",
        PluralCategory.Few => "few",
        PluralCategory.Many => "many",
        _ => "other",
    };

    private static string Language(CultureInfo culture) => culture.TwoLetterISOLanguageName;
}
