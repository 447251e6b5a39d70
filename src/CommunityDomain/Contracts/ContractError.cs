using System.Globalization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Contracts;

/// <summary>A JSON document that <see cref="CommunityJson.Read{T}"/> could not turn into a value.</summary>
/// <param name="Problem">What is wrong.</param>
/// <param name="Path">Where, as a JSON path into the document (e.g. <c>$.data.demands[3].required</c>).</param>
/// <param name="Detail">
/// A short detail free of personal data: the expected kind, the version found, or the name of the
/// constructor parameter the domain rejected. Never a value copied from the document.
/// </param>
public sealed record ContractError(ContractProblem Problem, string Path, string? Detail = null) : DomainError
{
    /// <inheritdoc />
    public override string Code => Problem switch
    {
        ContractProblem.Malformed => "contracts.malformed",
        ContractProblem.WrongKind => "contracts.wrong-kind",
        ContractProblem.UnsupportedVersion => "contracts.unsupported-version",
        ContractProblem.UnknownMember => "contracts.unknown-member",
        ContractProblem.MissingMember => "contracts.missing-member",
        ContractProblem.InvalidValue => "contracts.invalid-value",
        _ => "contracts.rejected",
    };

    /// <inheritdoc />
    protected override string English => string.Create(CultureInfo.InvariantCulture, $"{Problem switch
    {
        ContractProblem.Malformed => "The document is not well-formed JSON",
        ContractProblem.WrongKind => "The document is of another kind",
        ContractProblem.UnsupportedVersion => "The document's version is not supported",
        ContractProblem.UnknownMember => "The document has an unknown member",
        ContractProblem.MissingMember => "The document lacks a required member",
        ContractProblem.InvalidValue => "A value has the wrong type or format",
        _ => "A value is rejected by the domain's checks",
    }} at {Path}{(Detail is null ? "" : " (" + Detail + ")")}.");

    /// <inheritdoc />
    protected override string Chinese => string.Create(CultureInfo.InvariantCulture, $"{Problem switch
    {
        ContractProblem.Malformed => "文档不是格式正确的 JSON",
        ContractProblem.WrongKind => "文档类型不符",
        ContractProblem.UnsupportedVersion => "不支持该文档版本",
        ContractProblem.UnknownMember => "文档含有未知成员",
        ContractProblem.MissingMember => "文档缺少必需成员",
        ContractProblem.InvalidValue => "数值的类型或格式错误",
        _ => "数值未通过领域校验",
    }}，位置 {Path}{(Detail is null ? "" : "（" + Detail + "）")}。");
}
