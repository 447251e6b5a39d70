using CommunityDomain.Rostering.Engine;

namespace CommunityDomain.Tests.Rostering.Engine;

/// <summary>The counters of the bound's worker path: a tracked limit can never be passed, an untracked one never stops a step.</summary>
public sealed class BoundPathShapeTests
{
    private static CompiledRules Rules(int minMinutes) => new()
    {
        MaxPerShift = [CompiledRules.Unlimited, CompiledRules.Unlimited],
        Forbidden = new bool[4],
        Timing = [new byte[4]],
        Timing2 = [new byte[4]],
        Timing3 = [null],
        LooseTiming = new byte[4],
        Blocked = [new bool[4]],
        Blocked2 = [new bool[4]],
        ChangeDates = [],
        AnyBlocked2 = false,
        AnyOverlap2 = false,
        MinMinutes = minMinutes,
        MaxMinutes = 960,
        MaxWeekMinutes = CompiledRules.Unlimited,
        MaxConsecutive = CompiledRules.Unlimited,
        MinConsecutive = 0,
        MinDaysOff = 0,
        MaxWeekends = 1,
    };

    [Fact]
    public void Nothing_tracked_is_one_group_every_step_stays_in_it_and_may_end()
    {
        var shape = BoundPathShape.Of(Rules(0), [0, 1], [1, 2], 480, 0, 0, []);
        Assert.Equal(1, shape.Groups);
        Assert.Equal([0, 0], shape.StepTo);
        Assert.Equal([0], shape.WeekendUp);
        Assert.Equal([true], shape.Ends);
    }

    [Fact]
    public void Minutes_weekends_and_a_shift_type_are_counted_up_to_their_limits()
    {
        // Shift 0 is 480 min (1 unit), shift 1 is 960 min (2 units); at most 960 min = units 0..2; at most 1 weekend
        // (counter 0..1); shift 1 at most once (counter 0..1). Groups = 2 x 3 x 2 = 12, weekends outermost.
        var shape = BoundPathShape.Of(Rules(480), [0, 1], [1, 2], 480, 2, 3, [(1, 1)]);
        Assert.Equal(12, shape.Groups);

        int Group(int weekends, int units, int shift1) => (((weekends * 3) + units) * 2) + shift1;

        Assert.Equal(Group(0, 1, 0), shape.StepTo[(Group(0, 0, 0) * 2) + 0]);
        Assert.Equal(Group(0, 2, 1), shape.StepTo[(Group(0, 0, 0) * 2) + 1]);
        Assert.Equal(-1, shape.StepTo[(Group(0, 1, 0) * 2) + 1]); // 480 + 960 minutes passes the maximum
        Assert.Equal(-1, shape.StepTo[(Group(0, 0, 1) * 2) + 1]); // a second duty of shift 1
        Assert.Equal(Group(1, 1, 0), shape.WeekendUp[Group(0, 1, 0)]);
        Assert.Equal(-1, shape.WeekendUp[Group(1, 1, 0)]); // a second weekend
        Assert.False(shape.Ends[Group(0, 0, 0)]); // 0 minutes is below the 480-minute minimum
        Assert.True(shape.Ends[Group(1, 1, 1)]);
    }

    [Fact]
    public void Types_that_accept_the_same_predecessors_share_one_set_and_a_type_nothing_may_precede_has_none()
    {
        // Three types (row-major [first * 3 + next]): 0 may follow only 0, 1 may follow 0 or 1, 2 may follow nothing.
        var forbidden = new bool[9];
        forbidden[(1 * 3) + 0] = forbidden[(2 * 3) + 0] = forbidden[(2 * 3) + 1] = true;
        forbidden[(0 * 3) + 2] = forbidden[(1 * 3) + 2] = forbidden[(2 * 3) + 2] = true;
        var rules = RulesWithForbidden(3, forbidden);

        var sets = BoundPredecessors.Of(rules, [0, 1, 2], 3, nest: false);

        Assert.NotNull(sets);
        Assert.False(sets.Nested);
        Assert.Equal(2, sets.Count);
        Assert.Equal([0, 1, -1], sets.SetOf);
        Assert.Equal([0], sets.Members[sets.Start[0]..sets.Start[1]]);
        Assert.Equal([0, 1], sets.Members[sets.Start[1]..sets.Start[2]]);
    }

    [Fact]
    public void Nested_sets_go_smallest_first_and_keep_only_the_members_new_to_each()
    {
        // Four types: 3 may follow anything, 0 and 1 may follow 0, 1 or 2, and 2 may follow only 1: sets {1} < {0, 1, 2} <
        // {0, 1, 2, 3}, first used by types 0, 2 and 3 in that order.
        var forbidden = new bool[16];
        forbidden[(3 * 4) + 0] = forbidden[(3 * 4) + 1] = true;
        forbidden[(0 * 4) + 2] = forbidden[(2 * 4) + 2] = forbidden[(3 * 4) + 2] = true;
        var rules = RulesWithForbidden(4, forbidden);

        var sets = BoundPredecessors.Of(rules, [0, 1, 2, 3], 4);

        Assert.NotNull(sets);
        Assert.True(sets.Nested);
        Assert.Equal([1, 1, 0, 2], sets.SetOf);
        Assert.Equal([1], sets.Members[sets.Start[0]..sets.Start[1]]);
        Assert.Equal([0, 2], sets.Members[sets.Start[1]..sets.Start[2]]);
        Assert.Equal([3], sets.Members[sets.Start[2]..sets.Start[3]]);
    }

    [Fact]
    public void Sets_that_do_not_nest_stay_whole()
    {
        // Type 0 may follow only 0, type 1 only 1: {0} and {1}, neither holds the other.
        var forbidden = new bool[4];
        forbidden[(1 * 2) + 0] = forbidden[(0 * 2) + 1] = true;

        var sets = BoundPredecessors.Of(RulesWithForbidden(2, forbidden), [0, 1], 2);

        Assert.NotNull(sets);
        Assert.False(sets.Nested);
        Assert.Equal([0, 1], sets.SetOf);
        Assert.Equal([0, 1], sets.Members);
    }

    [Fact]
    public void Many_distinct_predecessor_sets_leave_the_path_to_sort()
    {
        // Ten types, type i may follow only types 0..i: ten distinct sets of 55 members in all, more than 10 x (2 + log2 10).
        var forbidden = new bool[100];
        for (var first = 0; first < 10; first++)
        {
            for (var next = 0; next < first; next++)
            {
                forbidden[(first * 10) + next] = true;
            }
        }

        var rules = RulesWithForbidden(10, forbidden);

        Assert.Null(BoundPredecessors.Of(rules, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 10));
    }

    // Rules that restrict nothing but the successions: `forbidden` (row-major [first * types + next]) both forbids and blocks.
    private static CompiledRules RulesWithForbidden(int types, bool[] forbidden) => new()
    {
        MaxPerShift = [.. Enumerable.Repeat(CompiledRules.Unlimited, types)],
        Forbidden = forbidden,
        Timing = [new byte[types * types]],
        Timing2 = [new byte[types * types]],
        Timing3 = [null],
        LooseTiming = new byte[types * types],
        Blocked = [forbidden],
        Blocked2 = [new bool[types * types]],
        ChangeDates = [],
        AnyBlocked2 = false,
        AnyOverlap2 = false,
        MinMinutes = 0,
        MaxMinutes = CompiledRules.Unlimited,
        MaxWeekMinutes = CompiledRules.Unlimited,
        MaxConsecutive = CompiledRules.Unlimited,
        MinConsecutive = 0,
        MinDaysOff = 0,
        MaxWeekends = 1,
    };
}
