using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;

namespace CommunityDomain.Tests.Rostering;

/// <summary>A tiny fixed problem builder for rule examples: one post, shifts D (08:00, 8 h) and N (22:00, 12 h, overlapping the next D), a week from Monday 2024-01-01.</summary>
internal static class RosterExamples
{
    public static readonly Id<Post> Gate = new(1);
    public static readonly Id<Post> Far = new(2);
    public static readonly Id<Compound> Home = new(1);
    public static readonly Id<Compound> Other = new(2);
    public static readonly LocalDate Monday = new(2024, 1, 1);
    public static readonly ShiftDefinition Day = new("D", new LocalTime(8, 0), Duration.FromHours(8));
    public static readonly ShiftDefinition Night = new("N", new LocalTime(22, 0), Duration.FromHours(12));

    /// <summary>The examples' demands take extra people (at one soft point each) so single rules can be shown alone.</summary>
    public const int Open = 10;

    public static Id<Worker> W(int i) => new(i);

    public static RosterAssignment A(int worker, int day, string code = "D", Id<Post>? post = null, string? qual = null) =>
        new(W(worker), Monday.PlusDays(day), post ?? Gate, code, qual);

    public static List<Demand> Demands(int days = 7, int required = 0, string? qual = null, int? minimum = null) =>
        [.. Enumerable.Range(0, days).SelectMany(d => new[]
        {
            new Demand(Gate, Home, Monday.PlusDays(d), "D", required, 100, 1, minimum, qual, maximum: Open),
            new Demand(Gate, Home, Monday.PlusDays(d), "N", 0, 100, 1, maximum: Open),
            new Demand(Far, Other, Monday.PlusDays(d), "D", 0, 100, 1, maximum: Open),
        })];

    public static RosterProblem Problem(
        IEnumerable<Worker>? workers = null,
        WorkRules? rules = null,
        List<Demand>? demands = null,
        IEnumerable<ShiftWish>? wishes = null,
        IEnumerable<RosterAssignment>? pins = null,
        PreferenceWeights? weights = null,
        int days = 7) =>
        RosterProblem.Create(
            new DateInterval(Monday, Monday.PlusDays(days - 1)),
            [Day, Night],
            demands ?? Demands(days),
            workers ?? [new Worker(W(1), WorkerKind.Staff, Home), new Worker(W(2), WorkerKind.Staff, Home)],
            rules,
            wishes: wishes,
            pins: pins,
            weights: weights);

    public static ScorePart Part(Roster roster, RuleKind rule) => roster.Score.ByRule.GetValueOrDefault(rule);
}
