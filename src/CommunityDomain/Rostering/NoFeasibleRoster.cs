using System.Globalization;
using System.Text.Json.Serialization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering;

/// <summary>The planner found no roster without hard violations; carries the best roster it found.</summary>
public sealed record NoFeasibleRoster : DomainError
{
    [JsonConstructor]
    internal NoFeasibleRoster(Roster best) => Best = best;

    /// <summary>The best roster found (fewest hard violations, then least penalty).</summary>
    public Roster Best { get; }

    /// <summary>The hard violations of <see cref="Best"/>, as readable score lines.</summary>
    public IReadOnlyList<ScoreItem> Violations => [.. Best.Score.Items.Where(i => i.Hard > 0)];

    /// <inheritdoc />
    public override string Code => "roster.no-feasible-roster";

    /// <inheritdoc />
    protected override string English => string.Create(CultureInfo.InvariantCulture,
        $"No roster without hard violations was found; the best one breaks {Best.Score.Hard} (first: {(Violations.Count > 0 ? Violations[0].Description : "none")}).");

    /// <inheritdoc />
    protected override string Chinese => string.Create(CultureInfo.InvariantCulture,
        $"未找到不违反硬约束的排班；最佳方案仍有 {Best.Score.Hard} 处硬约束违反。");
}
