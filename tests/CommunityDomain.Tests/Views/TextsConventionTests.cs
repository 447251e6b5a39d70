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
        var keys = Texts.All.Values.SelectMany(t => t.Keys).ToHashSet(StringComparer.Ordinal);
        var missing = keys.Where(k => !table.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{culture} lacks: {string.Join(", ", missing)}");
        var english = Texts.All[Texts.English];
        var different = table.Where(kv => !Texts.Placeholders(kv.Value).SetEquals(Texts.Placeholders(english[kv.Key]))).Select(kv => kv.Key).ToList();
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

    [Fact]
    public void Fill_replaces_named_placeholders_keeps_unknown_ones_and_unescapes_braces()
    {
        Assert.Equal("a 1 {b} {c}", Texts.Fill("a {x} {b} {{c}}", [("x", "1")]));
        Assert.Equal(["x", "y"], Texts.Placeholders("{x} and {y} {{z}}").Order(StringComparer.Ordinal));
    }
}
