using System.Globalization;
using CommunityDomain.Rostering;
using CommunityDomain.Supplies.Allocation;
using CommunityDomain.Views;

namespace CommunityDomain.Tests.Views;

/// <summary>
/// The display texts are complete in every language: every culture's table has every key of every other, with the
/// same placeholders, and every enum a text names has its key. A key added in one language only fails here.
/// </summary>
public sealed class TextsConventionTests
{
    public static TheoryData<string> Cultures() => [.. Texts.All.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void English_and_simplified_chinese_tables_are_embedded_in_the_main_assembly()
    {
        Assert.Contains("en", Texts.All.Keys);
        Assert.Contains("zh-CN", Texts.All.Keys);
        var resources = typeof(Labels).Assembly.GetManifestResourceNames();
        Assert.Contains("CommunityDomain.Texts.en.json", resources);
        Assert.Contains("CommunityDomain.Texts.zh-CN.json", resources);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_culture_has_every_key_with_the_same_placeholders(string culture)
    {
        var table = Texts.All[culture];
        // Plural forms are checked by the plural convention below: a language has the categories it needs, not English's.
        var keys = Texts.All.Values.SelectMany(t => t.Keys).Where(k => PluralBase(k) is null).ToHashSet(StringComparer.Ordinal);
        var missing = keys.Where(k => !table.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{culture} lacks: {string.Join(", ", missing)}");
        var english = Texts.All[Texts.English];
        var different = table.Where(kv => PluralBase(kv.Key) is null && !Texts.Placeholders(kv.Value).SetEquals(Texts.Placeholders(english[kv.Key]))).Select(kv => kv.Key).ToList();
        Assert.True(different.Count == 0, $"{culture} has other placeholders than English in: {string.Join(", ", different)}");
        Assert.DoesNotContain(table, kv => string.IsNullOrWhiteSpace(kv.Value) && kv.Key != "list.separator");
    }

    [Fact]
    public void Every_enum_a_text_names_has_its_key_in_every_culture()
    {
        var keys = Enum.GetNames<RuleKind>().Select(n => "rule." + n)
            .Concat(Enum.GetNames<WorkerKind>().Select(n => "kind." + n))
            .Concat(Enum.GetNames<AllocationPolicy>().Select(n => "policy." + n))
            .Concat(Enum.GetNames<ShareOutcome>().Select(n => "outcome." + n))
            .Concat(Enum.GetNames<IsoDayOfWeek>().Where(n => n != nameof(IsoDayOfWeek.None)).Select(n => "weekday." + n))
            .Concat(Enumerable.Range(1, 12).Select(m => "month." + m.ToString(CultureInfo.InvariantCulture)));
        foreach (var (culture, table) in Texts.All)
        {
            var missing = keys.Where(k => !table.ContainsKey(k)).ToList();
            Assert.True(missing.Count == 0, $"{culture} lacks: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void Rest_and_overlap_rules_have_their_agreed_texts_ready_for_the_engine()
    {
        // The engine appends RuleKind.Rest and RuleKind.Overlap; their texts are here before the enum values are.
        Assert.Equal("too little rest between duties", Texts.All["en"]["rule.Rest"]);
        Assert.Equal("overlapping duties", Texts.All["en"]["rule.Overlap"]);
        Assert.Equal("两次值班间休息不足", Texts.All["zh-CN"]["rule.Rest"]);
        Assert.Equal("值班时间重叠", Texts.All["zh-CN"]["rule.Overlap"]);
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh-Hans-CN", "zh-CN")]
    [InlineData("zh-TW", "zh-CN")]
    [InlineData("en-GB", "en")]
    [InlineData("de-DE", "en")]
    public void A_culture_falls_back_to_its_parent_then_chinese_then_english(string culture, string expected) =>
        Assert.Same(Texts.All[expected], Texts.For(CultureInfo.GetCultureInfo(culture)));

    private static readonly string[] Keywords = [.. Enum.GetValues<PluralCategory>().Select(PluralRules.Keyword)];

    // "unit.people" for "unit.people.one"; null for a key that is not a plural form.
    private static string? PluralBase(string key) =>
        key.LastIndexOf('.') is var dot and > 0 && Keywords.Contains(key[(dot + 1)..], StringComparer.Ordinal) ? key[..dot] : null;

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_counted_text_has_exactly_the_plural_categories_its_language_needs(string culture)
    {
        // A count is always written through a plural key (Labels.Count); every language's table has, for every counted
        // text any table has, the categories CLDR gives its language (en: one and other; zh: other), and no others.
        var table = Texts.All[culture];
        var needed = PluralRules.CategoriesOf(CultureInfo.GetCultureInfo(culture)).Select(PluralRules.Keyword).ToHashSet(StringComparer.Ordinal);
        var bases = Texts.All.Values.SelectMany(t => t.Keys).Select(PluralBase).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.Contains("unit.people", bases);
        var problems = new List<string>();
        foreach (var b in bases.Order(StringComparer.Ordinal))
        {
            var has = Keywords.Where(k => table.ContainsKey(b + "." + k)).ToHashSet(StringComparer.Ordinal);
            if (!has.SetEquals(needed))
            {
                problems.Add($"{b}: has [{string.Join(' ', has)}], needs [{string.Join(' ', needed)}]");
            }

            if (table.ContainsKey(b))
            {
                problems.Add($"{b}: a counted text without a plural category");
            }

            var english = Texts.Placeholders(Texts.All[Texts.English][b + ".other"]);
            problems.AddRange(has.Where(k => !Texts.Placeholders(table[b + "." + k]).IsSubsetOf(english)).Select(k => $"{b}.{k}: other placeholders than English"));
        }

        problems.AddRange(table.Keys.Where(k => k.StartsWith("unit.", StringComparison.Ordinal) && PluralBase(k) is null).Select(k => $"{k}: a unit is a counted text"));
        Assert.True(problems.Count == 0, culture + ":\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Views_write_counts_only_through_the_plural_selector()
    {
        // Every renderer counts through Labels.Count / Labels.Hours (which pick the plural key); a "unit." key named
        // anywhere else would bypass the selector.
        var views = Path.Combine(Conventions.SourceTree.Root, "src", "CommunityDomain", "Views");
        var bypass = Directory.EnumerateFiles(views, "*.cs").Where(f => Path.GetFileName(f) != "Labels.cs")
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, line, i)))
            .Where(x => x.line.Contains("Text(\"unit.", StringComparison.Ordinal))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}").ToList();
        Assert.True(bypass.Count == 0, "Count through Labels.Count: " + string.Join(", ", bypass));
    }

    [Theory]
    [InlineData("en", 1, PluralCategory.One)]
    [InlineData("en", 0, PluralCategory.Other)]
    [InlineData("en", 2, PluralCategory.Other)]
    [InlineData("en", -1, PluralCategory.One)]
    [InlineData("en-GB", 21, PluralCategory.Other)]
    [InlineData("de-DE", 1, PluralCategory.One)]
    [InlineData("zh-CN", 1, PluralCategory.Other)]
    [InlineData("zh-Hans", 2, PluralCategory.Other)]
    [InlineData("ja", 1, PluralCategory.Other)]
    [InlineData("fr", 0, PluralCategory.One)]
    [InlineData("fr", 2, PluralCategory.Other)]
    public void Plural_rules_follow_cldr_for_whole_counts(string culture, long count, PluralCategory expected) =>
        Assert.Equal(expected, PluralRules.Select(CultureInfo.GetCultureInfo(culture), count));

    [Fact]
    public void Plural_rules_count_visible_decimals_and_name_their_categories()
    {
        var en = CultureInfo.GetCultureInfo("en");
        Assert.Equal(PluralCategory.One, PluralRules.Select(en, 1m));
        Assert.Equal(PluralCategory.Other, PluralRules.Select(en, 1.0m));
        Assert.Equal(PluralCategory.Other, PluralRules.Select(en, 1.5m));
        Assert.Equal(PluralCategory.One, PluralRules.Select(CultureInfo.GetCultureInfo("fr"), 1.5m));
        Assert.Equal([PluralCategory.One, PluralCategory.Other], PluralRules.CategoriesOf(en));
        Assert.Equal([PluralCategory.Other], PluralRules.CategoriesOf(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal(["other", "zero", "one", "two", "few", "many"], Enum.GetValues<PluralCategory>().Select(PluralRules.Keyword));
        Assert.Equal(PluralCategory.Other, default(PluralCategory));
        Assert.Throws<ArgumentNullException>("culture", () => PluralRules.Select(null!, 1));
        Assert.Throws<System.ComponentModel.InvalidEnumArgumentException>("category", () => PluralRules.Keyword((PluralCategory)99));
    }

    [Fact]
    public void Counts_take_the_form_their_number_needs_in_each_language()
    {
        var en = new Labels(CultureInfo.GetCultureInfo("en"), DateTimeZone.Utc);
        var zh = new Labels(CultureInfo.GetCultureInfo("zh-CN"), DateTimeZone.Utc);
        Assert.Equal(["0 people", "1 person", "2 people"], new long[] { 0, 1, 2 }.Select(n => en.Count(n, "people")));
        Assert.Equal(["0人", "1人", "2人"], new long[] { 0, 1, 2 }.Select(n => zh.Count(n, "people")));
        Assert.Equal(["1 case", "3 cases", "1处"], new[] { en.Count(1, "cases"), en.Count(3, "cases"), zh.Count(1, "cases") });
        Assert.Equal(["1 h", "1.5 h", "0 h", "7.5小时"], new[] { en.Hours(60), en.Hours(90), en.Hours(0), zh.Hours(450) });
        Assert.Equal(PluralCategory.One, en.Plural(1));
        Assert.Equal(PluralCategory.Other, zh.Plural(1));
        Assert.Throws<ArgumentException>("unit", () => en.Count(1, " "));
    }

    [Fact]
    public void Fill_replaces_named_placeholders_keeps_unknown_ones_and_unescapes_braces()
    {
        Assert.Equal("a 1 {b} {c}", Texts.Fill("a {x} {b} {{c}}", [("x", "1")]));
        Assert.Equal(["x", "y"], Texts.Placeholders("{x} and {y} {{z}}").Order(StringComparer.Ordinal));
    }
}
