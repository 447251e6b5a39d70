namespace CommunityDomain.Passes.State;

/// <summary>
/// Everything a pass office holds, as plain data: what a host stores, and what
/// <see cref="PassOffice.Restore"/> rebuilds the office from.
/// </summary>
/// <remarks>
/// Never holds key material: the host keeps the signing keys in its own secret store and hands them to
/// <see cref="PassOffice.Restore"/>. Passes are in serial order and revoked serials ascending. Two states are
/// equal when every list holds equal items in the same order.
/// </remarks>
public sealed record PassOfficeState
{
    /// <summary>The aggregate's version.</summary>
    public required long Version { get; init; }

    /// <summary>The policy.</summary>
    public required PassPolicyState Policy { get; init; }

    /// <summary>Every pass issued, in serial order (serials 1, 2, ...).</summary>
    public required IReadOnlyList<IssuedPassState> Issued { get; init; }

    /// <summary>The revoked serial values, ascending.</summary>
    public required IReadOnlyList<int> Revoked { get; init; }

    /// <summary>The serial value the next pass gets (one more than the passes issued).</summary>
    public required int NextSerial { get; init; }

    /// <inheritdoc />
    public bool Equals(PassOfficeState? other) =>
        other is not null
        && Version == other.Version
        && Policy == other.Policy
        && NextSerial == other.NextSerial
        && Issued.SequenceEqual(other.Issued)
        && Revoked.SequenceEqual(other.Revoked);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Policy, NextSerial, Issued.Count, Revoked.Count);

    /// <summary>Version and counts.</summary>
    public override string ToString() =>
        $"PassOfficeState v{Version}: {Issued.Count} issued, {Revoked.Count} revoked, next serial {NextSerial}";
}
