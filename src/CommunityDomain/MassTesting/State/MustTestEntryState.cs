namespace CommunityDomain.MassTesting.State;

/// <summary>A stored must-test entry: ids, the masked name and what the round expects.</summary>
/// <param name="ResidentId">The resident id's value.</param>
/// <param name="HouseholdId">Their household's id value.</param>
/// <param name="CompoundId">Their compound's id value.</param>
/// <param name="BuildingId">Their building's id value.</param>
/// <param name="UnitId">Their unit's id value.</param>
/// <param name="MaskedName">The masked name (never the clear name).</param>
/// <param name="Disposition">What the round expects of them.</param>
/// <param name="Intake">How long their registration takes.</param>
/// <param name="KeyGroup">True for a key group (smaller pools).</param>
/// <param name="ExemptReason">Why they are exempt; only for <see cref="Disposition.Exempt"/>.</param>
public sealed record MustTestEntryState(
    int ResidentId,
    int HouseholdId,
    int CompoundId,
    int BuildingId,
    int UnitId,
    string MaskedName,
    Disposition Disposition,
    Intake Intake,
    bool KeyGroup,
    string? ExemptReason)
{
    /// <summary>The ids and the disposition; the masked name and the reason are left out.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"MustTestEntryState resident {ResidentId}, household {HouseholdId}, {Disposition}";
}
