using System.Text.Json.Serialization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering;

/// <summary>A roster's score with its breakdown; every breakdown adds up exactly to the totals.</summary>
/// <remarks>
/// <see cref="ByRule"/> sums to the totals. <see cref="ByWorker"/>, <see cref="ByPostDay"/> and
/// <see cref="Unattributed"/> (fairness) together sum to the totals.
/// </remarks>
public sealed class RosterScore
{
    [JsonConstructor]
    internal RosterScore(IReadOnlyList<ScoreItem> items)
    {
        Items = items;
        Total = items.Aggregate(default(ScorePart), (acc, i) => acc + new ScorePart(i.Hard, i.Soft));
        ByRule = Sum(items, i => i.Rule);
        ByWorker = Sum(items.Where(i => i.Worker is not null), i => i.Worker!.Value);
        ByPostDay = Sum(items.Where(i => i.Worker is null && i.Post is not null), i => (i.Post!.Value, i.Date!.Value));
        Unattributed = items.Where(i => i.Worker is null && i.Post is null)
            .Aggregate(default(ScorePart), (acc, i) => acc + new ScorePart(i.Hard, i.Soft));
    }

    /// <summary>Total hard violation amount; zero for a feasible roster.</summary>
    public int Hard => Total.Hard;

    /// <summary>Total soft penalty.</summary>
    public long Soft => Total.Soft;

    /// <summary>Hard and soft together.</summary>
    public ScorePart Total { get; }

    /// <summary>True when no hard rule is broken.</summary>
    public bool IsFeasible => Total.Hard == 0;

    /// <summary>Every non-zero score line.</summary>
    public IReadOnlyList<ScoreItem> Items { get; }

    /// <summary>Totals per rule (only rules with a non-zero line).</summary>
    public IReadOnlyDictionary<RuleKind, ScorePart> ByRule { get; }

    /// <summary>Totals per worker (worker rules and wishes).</summary>
    public IReadOnlyDictionary<Id<Worker>, ScorePart> ByWorker { get; }

    /// <summary>Totals per post and date (cover rules).</summary>
    public IReadOnlyDictionary<(Id<Post> Post, LocalDate Date), ScorePart> ByPostDay { get; }

    /// <summary>The part attributed to neither a worker nor a post-date (fairness).</summary>
    public ScorePart Unattributed { get; }

    /// <summary>E.g. <c>0hard/607soft</c>.</summary>
    public override string ToString() => Total.ToString();

    private static Dictionary<TKey, ScorePart> Sum<TKey>(IEnumerable<ScoreItem> items, Func<ScoreItem, TKey> key)
        where TKey : notnull
    {
        var result = new Dictionary<TKey, ScorePart>();
        foreach (var i in items)
        {
            var k = key(i);
            result[k] = result.GetValueOrDefault(k) + new ScorePart(i.Hard, i.Soft);
        }

        return result;
    }
}
