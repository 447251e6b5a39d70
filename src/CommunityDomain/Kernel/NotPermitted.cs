using System.Globalization;

namespace CommunityDomain.Kernel;

/// <summary>The actor's role may not run this kind of command, or may not run it at this place. Nothing changed.</summary>
/// <param name="Account">The actor's account name (never a resident's data).</param>
/// <param name="Role">The actor's role.</param>
/// <param name="Area">The actor's area.</param>
/// <param name="Needed">The permission the command needs.</param>
/// <param name="OutsideArea">True when the role has the permission but the target lies outside the actor's area.</param>
public sealed record NotPermitted(string Account, Role Role, Area Area, Permission Needed, bool OutsideArea) : DomainError
{
    /// <inheritdoc />
    public override string Code => OutsideArea ? "kernel.outside-area" : "kernel.not-permitted";

    /// <inheritdoc />
    protected override string English => OutsideArea
        ? string.Create(CultureInfo.InvariantCulture, $"{Account} ({RoleText.English(Role)}, {Area}) may not act outside their area ({RoleText.English(Needed)}).")
        : string.Create(CultureInfo.InvariantCulture, $"{Account} ({RoleText.English(Role)}) may not {RoleText.English(Needed)}.");

    /// <inheritdoc />
    protected override string Chinese => OutsideArea
        ? string.Create(CultureInfo.InvariantCulture, $"{Account}（{RoleText.Chinese(Role)}，{Area.Chinese}）不能在其负责范围以外{RoleText.Chinese(Needed)}。")
        : string.Create(CultureInfo.InvariantCulture, $"{Account}（{RoleText.Chinese(Role)}）无权{RoleText.Chinese(Needed)}。");
}
