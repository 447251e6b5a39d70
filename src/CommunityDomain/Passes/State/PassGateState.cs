using System.Text.Json.Serialization;

namespace CommunityDomain.Passes.State;

/// <summary>
/// What a gate device holds, as plain data: the revocations it loaded and every exit it recorded, so a restarted
/// device still knows who is out, which passes were used and each household's outings for the quota.
/// </summary>
/// <remarks>No key material: the gate's public keys and policy are passed to <see cref="PassGate.Restore"/>.
/// Exits are in the order the gate recorded them; revoked serials ascending.</remarks>
public sealed record PassGateState
{
    /// <summary>The gate's version; 0 in a document stored before gates had versions (restored at the lowest
    /// version its records allow).</summary>
    public long Version { get; init; }

    /// <summary>The id value of the compound whose gate this is; null (absent in documents stored before gates had
    /// compounds) for a gate placed in the whole community.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? CompoundId { get; init; }

    /// <summary>The revoked serial values loaded, ascending.</summary>
    public required IReadOnlyList<int> Revoked { get; init; }

    /// <summary>Every exit recorded, in the order recorded.</summary>
    public required IReadOnlyList<GateExitState> Exits { get; init; }

    /// <inheritdoc />
    public bool Equals(PassGateState? other) =>
        other is not null && Version == other.Version && CompoundId == other.CompoundId && Revoked.SequenceEqual(other.Revoked) && Exits.SequenceEqual(other.Exits);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Revoked.Count, Exits.Count);

    /// <summary>Counts only.</summary>
    public override string ToString() =>
        $"PassGateState v{Version}: {Revoked.Count} revoked, {Exits.Count} exits, {Exits.Count(e => !e.Returned)} out";
}
