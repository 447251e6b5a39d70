using System.Globalization;
using System.Text.Json.Serialization;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering.Coordination;

namespace CommunityDomain.Rostering;

/// <summary>
/// The planner found no roster without hard violations; carries the best roster it found and, for every
/// demand it leaves below its minimum, why each worker did not cover it.
/// </summary>
public sealed record NoFeasibleRoster : DomainError
{
    [JsonConstructor]
    internal NoFeasibleRoster(Roster best, IReadOnlyList<UncoveredDuty>? uncovered = null)
    {
        Best = best;
        Uncovered = uncovered ?? [];
    }

    /// <summary>The best roster found (fewest hard violations, then least penalty).</summary>
    public Roster Best { get; }

    /// <summary>
    /// The demands <see cref="Best"/> leaves below their hard minimum, in date order, each with one
    /// <see cref="ShortfallReason"/> per worker not on it (already on a duty that date, or the hard rules adding
    /// them would break); empty when only other rules are broken. Each duty's reasons are worked out when
    /// first read (O(workers x days) per duty, thread-safe), so the plan returns within its time limit.
    /// </summary>
    public IReadOnlyList<UncoveredDuty> Uncovered { get; }

    /// <summary>The hard violations of <see cref="Best"/>, as readable score lines.</summary>
    public IReadOnlyList<ScoreItem> Violations => [.. Best.Score.Items.Where(i => i.Hard > 0)];

    /// <inheritdoc />
    public override string Code => "roster.no-feasible-roster";

    /// <inheritdoc />
    protected override string English => string.Create(CultureInfo.InvariantCulture,
        $"No roster without hard violations was found; the best one breaks {Best.Score.Hard} and leaves {Uncovered.Sum(u => u.Missing)} people missing on {Uncovered.Count} duties (first: {(Violations.Count > 0 ? Violations[0].Description : "none")}).");

    /// <inheritdoc />
    protected override string Chinese => string.Create(CultureInfo.InvariantCulture,
        $"未找到不违反硬约束的排班；最佳方案仍有 {Best.Score.Hard} 处硬约束违反，{Uncovered.Count} 个班次共缺 {Uncovered.Sum(u => u.Missing)} 人。");
}
