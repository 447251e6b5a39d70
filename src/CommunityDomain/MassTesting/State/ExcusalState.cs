namespace CommunityDomain.MassTesting.State;

/// <summary>A stored change of what a round expects of a resident after it started: away, or exempt with the reason.</summary>
/// <param name="ResidentId">The resident id's value.</param>
/// <param name="Disposition"><see cref="Disposition.Away"/> or <see cref="Disposition.Exempt"/>.</param>
/// <param name="Reason">Why they are exempt; null when away.</param>
public sealed record ExcusalState(int ResidentId, Disposition Disposition, string? Reason)
{
    /// <summary>The id and the disposition; the reason (which may be about health) is left out.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"ExcusalState resident {ResidentId}, {Disposition}";
}
