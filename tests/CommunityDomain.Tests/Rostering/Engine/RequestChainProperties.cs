using CommunityDomain.Rostering.Engine.Search;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>
/// The ejection chain from a shift request (<see cref="RequestChainMove"/>) over the same planted and lockdown-shaped
/// problems as <see cref="EjectionChainProperties"/>: after every chain, accepted or undone by the walk's hard-first late
/// acceptance, the evaluator's score equals the independent checker's; an undone chain leaves the assignment exactly as
/// it was; an accepted one never adds a hard violation; and a chain changes only the rows of the distinct workers it
/// names, its first one taking a date-slot it was allowed on and cheaper for it than its choice before (a request granted).
/// </summary>
[Properties(Arbitrary = new[] { typeof(RosterCaseArbitraries) }, MaxTest = 40)]
public sealed class RequestChainProperties
{
    [Property]
    public void After_every_chain_accepted_or_undone_the_score_equals_the_independent_checkers(RosterCase c, int seed) =>
        ChainWalk.ScoreEqualsTheCheckers<RequestChainMove>(c.Problem, seed);

    [Property]
    public void An_undone_chain_leaves_the_assignment_exactly_as_before(RosterCase c, int seed) =>
        ChainWalk.UndoRestoresTheAssignment<RequestChainMove>(c.Problem, seed);

    [Property]
    public void A_chain_accepted_under_hard_first_acceptance_never_adds_a_hard_violation(RosterCase c, int seed) =>
        ChainWalk.AcceptedAddsNoHardViolation<RequestChainMove>(c.Problem, seed);

    [Property]
    public void A_chain_changes_only_its_distinct_workers_rows_and_its_first_grants_a_cheaper_duty(RosterCase c, int seed)
    {
        var p = c.Problem.Compiled;
        ChainWalk.Walk<RequestChainMove>(c.Problem, seed, (before, ev, _, move) =>
        {
            var named = ChainWalk.ChangesOnlyItsNamedRows(p, before, ev, move.Workers, SearchTuning.EjectionChainLinks);
            if (named.Length > 0)
            {
                var first = named[0];
                Assert.Contains(Enumerable.Range(0, p.Days), d =>
                {
                    var (was, now) = (before[p.WorkerDay(first, d)], ev.Assign[p.WorkerDay(first, d)]);
                    return now >= 0 && now != was && p.Allowed[p.ChoiceIndex(first, d, now + 1)]
                        && p.ChoiceSoft[p.ChoiceIndex(first, d, now + 1)] < p.ChoiceSoft[p.ChoiceIndex(first, d, was + 1)];
                });
            }
        }, acceptAll: true);
    }

    [Fact]
    public void Only_guided_walks_draw_the_request_chain()
    {
        // Index 11 is the request chain, 12 the guided block swaps that pay for it.
        foreach (var longHorizon in new[] { false, true })
        {
            var guided = WindowRuinProperties.Ranges(SearchEngine.ShareEnds(guided: true, longHorizon, shortHorizon: true));
            var blind = WindowRuinProperties.Ranges(SearchEngine.ShareEnds(guided: false, longHorizon, shortHorizon: true));
            Assert.Equal(SearchTuning.RequestChainPerMille, guided[11]);
            Assert.Equal(0, blind[11]);
            Assert.Equal(1000, guided.Sum());
        }
    }
}
