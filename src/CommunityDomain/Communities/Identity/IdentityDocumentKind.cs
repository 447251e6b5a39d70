namespace CommunityDomain.Communities.Identity;

/// <summary>The kind of an identity document.</summary>
/// <remarks><c>default(IdentityDocumentKind)</c> (0) is no kind: only <c>default(IdentityDocument)</c> has it.</remarks>
public enum IdentityDocumentKind
{
    /// <summary>Mainland resident identity card (居民身份证): an 18-character <see cref="ChineseIdNumber"/>.</summary>
    MainlandIdCard = 1,

    /// <summary>Passport (护照).</summary>
    Passport = 2,

    /// <summary>Mainland travel permit for Hong Kong and Macao residents (港澳居民来往内地通行证).</summary>
    HongKongMacaoPermit = 3,

    /// <summary>Mainland travel permit for Taiwan residents (台湾居民来往大陆通行证).</summary>
    TaiwanPermit = 4,

    /// <summary>Foreign permanent resident ID card (外国人永久居留身份证).</summary>
    ForeignPermanentResidentCard = 5,

    /// <summary>Any other document.</summary>
    Other = 9,
}
