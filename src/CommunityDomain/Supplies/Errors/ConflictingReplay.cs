using CommunityDomain.Kernel;
using CommunityDomain.Supplies.Ledger;

namespace CommunityDomain.Supplies.Errors;

/// <summary>A command reused the id of an earlier command with a different payload.</summary>
/// <param name="Id">The reused id.</param>
public sealed record ConflictingReplay(CommandId Id) : DomainError
{
    /// <inheritdoc />
    public override string Code => "supplies.conflicting-replay";

    /// <inheritdoc />
    protected override string English => $"Command id '{Id}' was already used for a different command; nothing was changed.";

    /// <inheritdoc />
    protected override string Chinese => $"指令编号“{Id}”已用于另一条不同的指令；未做任何更改。";
}
