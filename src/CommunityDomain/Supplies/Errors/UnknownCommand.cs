using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Ledger;

namespace CommunityDomain.Supplies.Errors;

/// <summary>A command referred to a receipt, allocation or delivery the ledger does not hold.</summary>
/// <param name="Referenced">The id referred to.</param>
/// <param name="Expected">What it should have named: <c>receipt</c>, <c>allocation</c> or <c>delivery</c>.</param>
public sealed record UnknownCommand(CommandId Referenced, string Expected) : DomainError
{
    /// <inheritdoc />
    public override string Code => "supplies.unknown-command";

    /// <inheritdoc />
    protected override string English => $"No {Expected} with id '{Referenced}' exists in this ledger; nothing was changed.";

    /// <inheritdoc />
    protected override string Chinese => $"本台账中不存在编号为“{Referenced}”的{Expected switch { "receipt" => "入库记录", "allocation" => "分配记录", _ => "配送记录" }}；未做任何更改。";
}
