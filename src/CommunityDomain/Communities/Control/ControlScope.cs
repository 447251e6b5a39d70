using System.Globalization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Control;

/// <summary>The area a control order covers: the whole community, or one compound, building, unit or household.</summary>
/// <remarks>
/// Ids convert implicitly, so <c>ControlOrderRequest.Sealed(meiyuan.Id, ...)</c> reads naturally.
/// <c>default(ControlScope)</c> has no kind and is rejected wherever a scope is required.
/// </remarks>
public readonly record struct ControlScope
{
    private ControlScope(ControlScopeKind kind, int targetId)
    {
        Kind = kind;
        TargetId = targetId;
    }

    /// <summary>What the scope covers.</summary>
    public ControlScopeKind Kind { get; }

    /// <summary>The id value of the compound, building, unit or household covered (0 for the whole community).</summary>
    public int TargetId { get; }

    /// <summary>True for <c>default(ControlScope)</c>, which covers nothing.</summary>
    public bool IsDefault => Kind == 0;

    /// <summary>The whole community.</summary>
    public static ControlScope WholeCommunity => new(ControlScopeKind.Community, 0);

    /// <summary>One compound.</summary>
    /// <param name="compound">The compound; not default.</param>
    /// <returns>The scope.</returns>
    public static ControlScope Of(Id<Compound> compound) => new(ControlScopeKind.Compound, Guard.Against.DefaultId(compound).Value);

    /// <summary>One building.</summary>
    /// <param name="building">The building; not default.</param>
    /// <returns>The scope.</returns>
    public static ControlScope Of(Id<Building> building) => new(ControlScopeKind.Building, Guard.Against.DefaultId(building).Value);

    /// <summary>One unit.</summary>
    /// <param name="unit">The unit; not default.</param>
    /// <returns>The scope.</returns>
    public static ControlScope Of(Id<Unit> unit) => new(ControlScopeKind.Unit, Guard.Against.DefaultId(unit).Value);

    /// <summary>One household.</summary>
    /// <param name="household">The household; not default.</param>
    /// <returns>The scope.</returns>
    public static ControlScope Of(Id<Household> household) => new(ControlScopeKind.Household, Guard.Against.DefaultId(household).Value);

    /// <summary>Converts a compound id to its scope.</summary>
    /// <param name="compound">The compound.</param>
    public static implicit operator ControlScope(Id<Compound> compound) => Of(compound);

    /// <summary>Converts a building id to its scope.</summary>
    /// <param name="building">The building.</param>
    public static implicit operator ControlScope(Id<Building> building) => Of(building);

    /// <summary>Converts a unit id to its scope.</summary>
    /// <param name="unit">The unit.</param>
    public static implicit operator ControlScope(Id<Unit> unit) => Of(unit);

    /// <summary>Converts a household id to its scope.</summary>
    /// <param name="household">The household.</param>
    public static implicit operator ControlScope(Id<Household> household) => Of(household);

    internal static ControlScope FromStored(ControlScopeKind kind, int targetId)
    {
        Guard.Against.InvalidInput(kind, nameof(kind), static k => Enum.IsDefined(k),
            $"Unknown scope kind; expected one of {string.Join(", ", Enum.GetNames<ControlScopeKind>())}.");

        // Cross-parameter rule (the target's range depends on the kind): no guard fits.
        var valid = kind == ControlScopeKind.Community ? targetId == 0 : targetId > 0;
        return valid ? new ControlScope(kind, targetId)
            : throw new ArgumentException($"Scope target {targetId} does not match its kind {kind}: the community takes 0, every other kind a positive id.", nameof(targetId));
    }

    /// <summary>E.g. <c>Community</c> or <c>Compound#3</c>.</summary>
    public override string ToString() => Kind == ControlScopeKind.Community
        ? "Community"
        : string.Create(CultureInfo.InvariantCulture, $"{Kind}#{TargetId}");
}
