using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Errors;

/// <summary>A compound, building, unit or post name is already used where it must be unique.</summary>
/// <param name="What">What kind of thing was being named (English, e.g. <c>compound</c>).</param>
/// <param name="Name">The name that is taken (a place name, never personal data).</param>
public sealed record NameTaken(string What, string Name) : DomainError
{
    /// <inheritdoc />
    public override string Code => "community.name-taken";

    /// <inheritdoc />
    protected override string English => $"A {What} named '{Name}' already exists here.";

    /// <inheritdoc />
    protected override string Chinese => $"此处已存在名为“{Name}”的{EntityNames.Chinese(What)}。";
}
