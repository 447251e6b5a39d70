using Ardalis.GuardClauses;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Kernel;

/// <summary>Text that is blank to a reader: white space and invisible format characters, as typed or pasted.</summary>
public static class BlankTextArbitraries
{
    /// <summary>
    /// Pieces a reader cannot see: white space (ASCII, no-break, ideographic, line breaks) and format characters (zero-width
    /// space, non-joiner and joiner, word joiner, byte order mark, soft hyphen, bidi marks and isolates, a tag space beyond
    /// the BMP, as a surrogate pair).
    /// </summary>
    internal static readonly string[] Invisible =
    [
        " ", "\t", "\n", "\r\n", "\u00A0", "\u3000", "\u2003",
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u200E", "\u200F", "\u2066", "\u2069", "\U000E0020",
    ];

    /// <summary>Zero to twelve invisible pieces; shrinks to fewer pieces.</summary>
    public static Arbitrary<string[]> Pieces() => Arb.From(
        Gen.Choose(0, 12).SelectMany(n => Gen.Elements(Invisible).ArrayOf(n)),
        pieces => ScriptShrinkers.Fewer(pieces));

    /// <summary>A visible character to put among the pieces: Latin, Han, a digit, an emoji (a surrogate pair), a hyphen.</summary>
    public static Arbitrary<string> Visible() => Gen.Elements("A", "张", "7", "\U0001F637", "-").ToArbitrary();
}

public sealed class TextGuardProperties
{
    [Property(MaxTest = 300)]
    public Property Text_of_only_white_space_and_format_characters_is_blank_and_names_the_parameter() =>
        Prop.ForAll(BlankTextArbitraries.Pieces(), pieces =>
        {
            var shiftCode = string.Concat(pieces);
            var ex = Assert.Throws<ArgumentException>(() => Guard.Against.Blank(shiftCode));
            Assert.Equal(nameof(shiftCode), ex.ParamName);
            Assert.StartsWith("Required input shiftCode was blank.", ex.Message, StringComparison.Ordinal);
        });

    [Property(MaxTest = 300)]
    public Property Text_with_one_visible_character_anywhere_is_returned_unchanged() =>
        Prop.ForAll(BlankTextArbitraries.Pieces(), BlankTextArbitraries.Visible(), Gen.Choose(0, 12).ToArbitrary(), (pieces, visible, at) =>
        {
            var list = pieces.ToList();
            list.Insert(Math.Min(at, list.Count), visible);
            var text = string.Concat(list);
            Assert.Same(text, Guard.Against.Blank(text));
        });

    [Fact]
    public void Blank_null_throws_argument_null_naming_the_parameter_with_the_given_message()
    {
        Assert.Same("D", TextGuard.Blank(Guard.Against, "D"));
        string? label = null;
        Assert.Equal(nameof(label), Assert.Throws<ArgumentNullException>(() => Guard.Against.Blank(label)).ParamName);
        var ex = Assert.Throws<ArgumentNullException>(() => Guard.Against.Blank(label, "renamed", "A label must not be blank."));
        Assert.Equal("renamed", ex.ParamName);
        Assert.StartsWith("A label must not be blank.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_empty_throws_argument_exception_with_the_given_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => Guard.Against.Blank(string.Empty, "code", "A code must not be blank."));
        Assert.Equal("code", ex.ParamName);
        Assert.StartsWith("A code must not be blank.", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<string>> RosteringTexts() => new()
    {
        { "code", t => _ = new ShiftDefinition(t, new LocalTime(8, 0), Duration.FromHours(8)) },
        { "first", t => _ = new ForbiddenSuccession(t, "D") },
        { "next", t => _ = new ForbiddenSuccession("N", t) },
        { "shiftCode", t => _ = new Demand(new Id<Post>(1), new Id<Compound>(1), new LocalDate(2022, 4, 2), t, 1) },
        { "qualification", t => _ = new Demand(new Id<Post>(1), new Id<Compound>(1), new LocalDate(2022, 4, 2), "D", 1, qualification: t) },
        { "shiftCode", t => _ = new ShiftWish(new Id<Worker>(1), new LocalDate(2022, 4, 2), t, WishKind.ShiftOn, 1) },
        { "shiftCode", t => _ = new RosterAssignment(new Id<Worker>(1), new LocalDate(2022, 4, 2), new Id<Post>(1), t) },
        { "qualifications", t => _ = new Worker(new Id<Worker>(1), WorkerKind.Staff, new Id<Compound>(1), qualifications: ["nurse", t]) },
        { "displayName", t => _ = new Worker(new Id<Worker>(1), WorkerKind.Staff, new Id<Compound>(1), displayName: t) },
        { "maxShiftsPerCode", t => _ = new WorkRules(maxShiftsPerCode: new Dictionary<string, int> { [t] = 3 }) },
    };

    [Theory]
    [MemberData(nameof(RosteringTexts))]
    public void Rostering_texts_of_only_invisible_characters_throw_naming_the_parameter(string parameter, Action<string> create)
    {
        foreach (var blank in new[] { "\u200B", "\uFEFF\u2060", " \u200D ", "\u3000" })
        {
            Assert.Equal(parameter, Assert.Throws<ArgumentException>(() => create(blank)).ParamName);
        }

        if (parameter == "code")
        {
            // A shift's code is what people read on a roster: "D" and "D" with a zero-width space would print alike.
            Assert.Equal(parameter, Assert.Throws<ArgumentException>(() => create("D\u200B")).ParamName);
            create("D X");
        }
        else
        {
            create("D\u200B"); // one visible character is enough
        }
    }
}
