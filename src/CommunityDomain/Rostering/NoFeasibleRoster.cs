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
    /// <remarks>Counts in words with their plurals, no ids: which duties and rules, in names and local times, is for
    /// <see cref="Views.RosterTexts"/>.</remarks>
    protected override string English
    {
        get
        {
            var violations = Plural(Best.Score.Hard, "hard violation", "hard violations");
            if (Uncovered.Count == 0)
            {
                return $"No roster without hard violations was found; the best one still has {violations} (no duty is below its minimum).";
            }

            var duties = Plural(Uncovered.Count, "duty is", "duties are");
            return $"No roster without hard violations was found; the best one still has {violations}, and {duties} short of {Plural(Uncovered.Sum(u => u.Missing), "person", "people")} in all.";
        }
    }

    /// <inheritdoc />
    protected override string Chinese => Uncovered.Count == 0
        ? string.Create(CultureInfo.InvariantCulture, $"未找到不违反硬约束的排班；最佳方案仍有{Best.Score.Hard}处硬约束违反（没有班次低于最低人数）。")
        : string.Create(CultureInfo.InvariantCulture,
            $"未找到不违反硬约束的排班；最佳方案仍有{Best.Score.Hard}处硬约束违反，{Uncovered.Count}个班次共缺{Uncovered.Sum(u => u.Missing)}人。");

    // English's two forms (CLDR: "one" for 1 alone). Views.PluralRules holds the same rule for every culture, but the
    // Rostering folder sits below Views and may not call it (ArchitectureTests).
    private static string Plural(long n, string one, string other) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : other)}");
}
