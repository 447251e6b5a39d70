namespace CommunityDomain.Supplies.Ledger;

/// <summary>A stock command as a <see cref="StockLedger"/> keeps it, carrying its idempotency id; hosts run commands
/// through the ledger's verbs (<see cref="StockLedger.Receive"/>, <see cref="StockLedger.Deliver"/>, ...).</summary>
/// <remarks>Record equality compares the payload: that is how a replay is told from a conflicting reuse of an id.</remarks>
internal abstract record StockCommand
{
    /// <summary>Creates a command with its id.</summary>
    /// <param name="id">The command's id; not default.</param>
    protected StockCommand(CommandId id) =>
        Id = Guard.Against.InvalidInput(id, nameof(id), static i => !i.IsDefault, "The command id is default.");

    /// <summary>The command's idempotency id.</summary>
    public CommandId Id { get; }

    /// <summary>Guards a quantity of units.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <param name="parameterName">The parameter's name.</param>
    /// <returns>The quantity.</returns>
    protected static int Positive(int quantity, string parameterName) => Guard.Against.NegativeOrZero(quantity, parameterName);

    /// <summary>Guards a referenced command id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="parameterName">The parameter's name.</param>
    /// <returns>The id.</returns>
    protected static CommandId Reference(CommandId id, string parameterName) =>
        Guard.Against.InvalidInput(id, parameterName, static i => !i.IsDefault, "The referenced command id is default.");
}
