using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Errors;

/// <summary>A command named an entity that the community does not hold.</summary>
/// <typeparam name="TEntity">The kind of entity that was not found.</typeparam>
/// <param name="Id">The id that was not found.</param>
public sealed record NotFound<TEntity>(Id<TEntity> Id) : DomainError
{
    /// <inheritdoc />
    public override string Code => "community.not-found";

    /// <inheritdoc />
    protected override string English => $"No {EntityNames.English(typeof(TEntity))} with id {Id.Value} exists in this community.";

    /// <inheritdoc />
    protected override string Chinese => $"本社区不存在编号为 {Id.Value} 的{EntityNames.Chinese(typeof(TEntity))}。";
}
