using CommunityDomain.Kernel;

namespace CommunityDomain.Passes.Errors;

/// <summary>A gate refused a pass code. Never echoes the code or any key material.</summary>
/// <param name="Reason">Why.</param>
/// <param name="Serial">The pass's serial when the code could be read, else null.</param>
public sealed record PassRejected(PassRejection Reason, PassSerial? Serial) : DomainError
{
    /// <inheritdoc />
    public override string Code => "passes.rejected";

    /// <inheritdoc />
    protected override string English => $"{(Serial is { } serial ? "Pass " + serial + " refused" : "An unreadable pass code was refused")}: {Reason switch
    {
        PassRejection.Malformed => "this is not a pass code",
        PassRejection.UnknownKey => "it is signed with a key this gate does not accept",
        PassRejection.BadSignature => "its signature does not match (altered or forged)",
        PassRejection.NotYetValid => "it is not valid yet",
        PassRejection.Expired => "it has expired",
        PassRejection.Revoked => "it was revoked",
        PassRejection.AlreadyUsed => "it was already used to go out",
        PassRejection.OverQuota => "the household already used its quota of outings",
        PassRejection.OutOfOrder => "change out of order: the return is dated before the holder went out",
        _ => "it never went out",
    }}.";

    // Chinese sets no space between a serial and the characters around it, nor before a full-width bracket.
    /// <inheritdoc />
    protected override string Chinese => $"{(Serial is { } serial ? "出入卡" + serial : "无法识别的出入卡")}被拒绝：{Reason switch
    {
        PassRejection.Malformed => "不是有效的出入卡码",
        PassRejection.UnknownKey => "签名密钥不被本卡口接受",
        PassRejection.BadSignature => "签名不符（被篡改或伪造）",
        PassRejection.NotYetValid => "尚未生效",
        PassRejection.Expired => "已过期",
        PassRejection.Revoked => "已被注销",
        PassRejection.AlreadyUsed => "已使用过",
        PassRejection.OverQuota => "该户本期外出次数已用完",
        PassRejection.OutOfOrder => "变更顺序错误：返回时间早于外出时间",
        _ => "未登记外出",
    }}。";
}
