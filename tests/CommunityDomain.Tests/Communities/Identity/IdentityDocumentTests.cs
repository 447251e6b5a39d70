using CommunityDomain.Communities.Identity;

namespace CommunityDomain.Tests.Communities.Identity;

public sealed class IdentityDocumentTests
{
    private const string Published = "11010519491231002X";

    [Fact]
    public void MainlandId_exposes_the_id_number_and_birth_date()
    {
        var document = IdentityDocument.MainlandId("11010519491231002x");

        Assert.Equal(IdentityDocumentKind.MainlandIdCard, document.Kind);
        Assert.Equal(Published, document.Number);
        Assert.Equal(new ChineseIdNumber(Published), document.IdNumber);
        Assert.Equal(new LocalDate(1949, 12, 31), document.BirthDate);
        Assert.Equal("110***********002X", document.Masked);
        Assert.Equal("MainlandIdCard 110***********002X", document.ToString());
        Assert.Equal(document, IdentityDocument.Of(IdentityDocumentKind.MainlandIdCard, Published));
    }

    [Theory]
    [InlineData(IdentityDocumentKind.Passport, "e12345678", "E12345678", "E******78")]
    [InlineData(IdentityDocumentKind.HongKongMacaoPermit, "H1234567890", "H1234567890", "H********90")]
    [InlineData(IdentityDocumentKind.TaiwanPermit, " 12345678 ", "12345678", "1*****78")]
    [InlineData(IdentityDocumentKind.ForeignPermanentResidentCard, "USA123456789012", "USA123456789012", "U************12")]
    [InlineData(IdentityDocumentKind.Other, "AB-12", "AB-12", "***12")]
    [InlineData(IdentityDocumentKind.Other, "AB12", "AB12", "**12")]
    [InlineData(IdentityDocumentKind.Other, "ABC1234", "ABC1234", "*****34")]
    public void Of_other_kinds_normalise_and_mask_keeping_at_most_the_first_one_and_last_two(
        IdentityDocumentKind kind, string typed, string number, string masked)
    {
        var document = IdentityDocument.Of(kind, typed);

        Assert.Equal(kind, document.Kind);
        Assert.Equal(number, document.Number);
        Assert.Equal(masked, document.Masked);
        Assert.Equal($"{kind} {masked}", document.ToString());
        Assert.Null(document.IdNumber);
        Assert.Null(document.BirthDate);
    }

    [Fact]
    public void Of_other_kind_does_not_validate_as_a_mainland_number()
    {
        // A passport number may look like anything of 4-32 characters, even an invalid ID number.
        var document = IdentityDocument.Of(IdentityDocumentKind.Other, "110105194912310021");

        Assert.Null(document.IdNumber);
        Assert.Equal("1***************21", document.Masked);
    }

    [Fact]
    public void Equality_is_kind_and_normalised_number()
    {
        Assert.Equal(IdentityDocument.Of(IdentityDocumentKind.Passport, "e1234"), IdentityDocument.Of(IdentityDocumentKind.Passport, "E1234"));
        Assert.NotEqual(IdentityDocument.Of(IdentityDocumentKind.Passport, "E1234"), IdentityDocument.Of(IdentityDocumentKind.Other, "E1234"));
        Assert.NotEqual(IdentityDocument.Of(IdentityDocumentKind.Passport, "E1234"), IdentityDocument.Of(IdentityDocumentKind.Passport, "E1235"));
    }

    [Theory]
    [InlineData("ABC")]
    [InlineData("")]
    [InlineData("AB 12")]
    [InlineData("AB_12")]
    [InlineData("护照12345")]
    [InlineData("A234567890123456789012345678901234")]
    public void Of_invalid_other_number_throws_naming_the_number_without_echoing_it(string number)
    {
        var ex = Assert.Throws<ArgumentException>(() => IdentityDocument.Of(IdentityDocumentKind.Passport, number));

        Assert.Equal("number", ex.ParamName);
        Assert.StartsWith("A document number must have 4-32 characters", ex.Message, StringComparison.Ordinal);
        if (number.Length > 0)
        {
            Assert.DoesNotContain(number, ex.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("11010519491231002")]
    [InlineData("E12345678")]
    public void MainlandId_invalid_number_throws_naming_the_number_without_echoing_it(string number)
    {
        var ex = Assert.Throws<ArgumentException>(() => IdentityDocument.MainlandId(number));

        Assert.Equal("number", ex.ParamName);
        Assert.DoesNotContain(number, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(10)]
    public void Of_undefined_kind_throws_naming_the_kind(int kind)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => IdentityDocument.Of((IdentityDocumentKind)kind, "E12345678"));

        Assert.Equal("kind", ex.ParamName);
    }

    [Fact]
    public void Null_number_throws_argument_null()
    {
        Assert.Equal("number", Assert.Throws<ArgumentNullException>(() => IdentityDocument.MainlandId(null!)).ParamName);
        Assert.Equal("number", Assert.Throws<ArgumentNullException>(() => IdentityDocument.Of(IdentityDocumentKind.Passport, null!)).ParamName);
    }

    [Fact]
    public void Default_is_no_document()
    {
        IdentityDocument none = default;

        Assert.Equal((IdentityDocumentKind)0, none.Kind);
        Assert.Equal(string.Empty, none.Number);
        Assert.Equal(string.Empty, none.Masked);
        Assert.Equal(string.Empty, none.ToString());
        Assert.Null(none.IdNumber);
        Assert.Null(none.BirthDate);
    }
}
