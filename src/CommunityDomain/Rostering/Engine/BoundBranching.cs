namespace CommunityDomain.Rostering.Engine;

/// <summary>
/// A small Lagrangian branch and bound over the <see cref="LagrangianBound"/>: on problems small enough for its work
/// budget it raises the bound past the relaxation's own limit (the column LP's optimum, which no prices can pass:
/// Instance1 558 of 607).
/// </summary>
/// <remarks>
/// A node restricts one worker's choice on one date: the choice taken (every other choice of that worker and date
/// closed) or the choice closed. The two children partition the parent's rosters, so the lowest bound over the open
/// nodes is a valid bound on every roster. Each child runs one ascent from its parent's best prices, and its bound is
/// at least its parent's (a subset's optimum is never lower). The node branched next is the open one with the lowest
/// bound (ties: the earlier made), on the choice whose averaged use over the node's ascent
/// (<see cref="LagrangianBound.NodeBound.Use"/>) is nearest one half. A node whose bound rounds up to the roster's score
/// holds nothing better and is dropped; a node the relaxation proves empty too; a node without a fractional choice
/// stays as it is. The result is the lowest of the open nodes' bounds and the roster's score, so it never passes an
/// optimum, whatever score the caller gives as the roster's. Children's ascents run on one thread (the problems are
/// small). Source: Fisher (1981), "The Lagrangian relaxation method
/// for solving integer programming problems", Management Science 27(1), section 6 (branch and bound).
/// </remarks>
internal static class BoundBranching
{
    // The whole tree's path work (LagrangianBound.CostPerIteration x iterations), at most this many nodes and these
    // iterations per node: Instance1 (2,128 per iteration) gets 140 nodes, instances 2-12 none (their bound already
    // reaches 95 %). Instance1 toward 607 (bound17, docs/rostering.md), nodes evaluated -> bound: 64 -> 577, 128 -> 595,
    // 256 -> 601 at 100 iterations a node; 50 iterations a node gave 567 at 256 nodes, 30 gave 561.
    private const long BranchWork = 30_000_000;
    private const int MaxNodes = 256;
    // Fewer nodes rarely move the bound and cost as much as many iterations of the root: with at least 8, Instance5
    // (1,140 -> 1,141 toward 1,143, 6 s -> 19 s CPU) and Instance8 (1,283 both, 3 s -> 17 s) branched too.
    private const int MinNodes = 64;
    private const int NodeIterations = 100;

    // A count or use this near a whole number is not worth a branch (the averages of the paths are never exact).
    private const double Fractional = 0.01;

    /// <summary>Whether <paramref name="p"/> is small enough for the branch and bound's work budget.</summary>
    public static bool Fits(CompiledProblem p) => Nodes(p) >= MinNodes;

    /// <summary>
    /// The lowest bound over the open nodes once the node budget is spent (or <paramref name="stop"/> says so), at most
    /// <paramref name="upper"/>; at least the root's value.
    /// </summary>
    /// <param name="p">The problem (the root).</param>
    /// <param name="root">The root's ascent: its value, prices and averaged choices.</param>
    /// <param name="upper">The soft score of a hard-valid roster (the incumbent that prunes).</param>
    /// <param name="stop">Asked before each node; true ends the search with the bound so far.</param>
    public static double Raise(CompiledProblem p, LagrangianBound.NodeBound root, long upper, Func<bool> stop)
    {
        var open = new PriorityQueue<Node, (double Bound, int Made)>();
        var made = 0;
        open.Enqueue(new Node(null, p, root), (root.Value, made++));

        // The lowest bound of the nodes left as they are (no fractional choice), and the roster's score.
        var settled = (double)upper;
        for (var budget = Nodes(p); budget > 0 && open.Count > 0 && !stop();)
        {
            var node = open.Dequeue();
            if (LagrangianBound.RoundUp(node.Bound.Value) >= settled)
            {
                // Every open node is at least as high: nothing below the settled bound is left.
                open.Enqueue(node, (node.Bound.Value, -1));
                break;
            }

            var branch = Branching(node.Problem, node.Bound.Use);
            if (branch is null)
            {
                settled = Math.Min(settled, node.Bound.Value);
                continue;
            }

            foreach (var fix in branch.Value.Children(node.Fixes))
            {
                var restricted = Restrict(p, fix);
                var child = LagrangianBound.Ascend(restricted, node.Bound.Prices, upper, NodeIterations, stop);
                budget--;
                if (child is null)
                {
                    continue; // the relaxation proves the child empty
                }

                var value = Math.Max(child.Value, node.Bound.Value);
                if (LagrangianBound.RoundUp(value) < upper)
                {
                    open.Enqueue(new Node(fix, restricted, child with { Value = value }), (value, made++));
                }
            }
        }

        return Math.Max(root.Value, open.TryPeek(out var lowest, out _) ? Math.Min(settled, lowest.Bound.Value) : settled);
    }

    /// <summary>Nodes the budget allows on <paramref name="p"/> (each child's ascent counts as one).</summary>
    private static int Nodes(CompiledProblem p) =>
        (int)Math.Min(MaxNodes, BranchWork / (LagrangianBound.CostPerIteration(p) * NodeIterations));

    /// <summary>
    /// What to branch on: the demand whose averaged count (the sum of its choice's averaged use over the workers) is
    /// furthest from a whole number (a split inside the node's range), else the choice whose averaged use is nearest one half (lowest index on a tie);
    /// null when every count and use is near a whole number.
    /// </summary>
    /// <remarks>
    /// Counts first: a demand's count splits the rosters far more evenly than one worker's choice. An LP branch and bound
    /// on Instance1's column LP (GLOP, the 785 enumerated schedules) reached 95 % of 607 after 81 nodes branching on the
    /// most fractional worker-date and after 5 branching on the most fractional day's count (606.5 after them).
    /// </remarks>
    private static Branch? Branching(CompiledProblem p, double[] use)
    {
        var count = new double[p.Days * p.SlotCount];
        for (var w = 0; w < p.WorkerCount; w++)
        {
            for (var d = 0; d < p.Days; d++)
            {
                for (var s = 0; s < p.SlotCount; s++)
                {
                    count[p.DaySlot(d, s)] += use[p.ChoiceIndex(w, d, s + 1)];
                }
            }
        }

        var nearest = 0.5 - Fractional;
        Branch? branch = null;
        for (var i = 0; i < count.Length; i++)
        {
            // Only a split inside the node's range: an averaged count outside it (the paths are priced, not bound, by
            // the range) would give one child equal to the node and one empty, again and again.
            var floor = Math.Floor(count[i]);
            var distance = Math.Abs(count[i] - floor - 0.5);
            if (p.Required[i] >= 0 && distance < nearest && floor >= p.Minimum[i] && floor < p.Maximum[i])
            {
                nearest = distance;
                branch = new Branch(FixKind.AtMost, i, (int)Math.Floor(count[i]));
            }
        }

        if (branch is not null)
        {
            return branch;
        }

        for (var i = 0; i < use.Length; i++)
        {
            var distance = Math.Abs(use[i] - 0.5);
            if (p.Allowed[i] && distance < nearest)
            {
                nearest = distance;
                branch = new Branch(FixKind.Close, i, 0);
            }
        }

        return branch;
    }

    /// <summary>The root problem with the node's fixes applied to its allowed choices and demand ranges.</summary>
    internal static CompiledProblem Restrict(CompiledProblem p, Fix? fix)
    {
        var allowed = (bool[])p.Allowed.Clone();
        var minimum = (int[])p.Minimum.Clone();
        var maximum = (int[])p.Maximum.Clone();
        for (var f = fix; f is not null; f = f.Parent)
        {
            switch (f.Kind)
            {
                case FixKind.Take:
                    Take(allowed, p.Choices, f.Index);
                    break;
                case FixKind.Close:
                    allowed[f.Index] = false;
                    break;
                case FixKind.AtMost:
                    maximum[f.Index] = Math.Min(maximum[f.Index], f.Value);
                    break;
                default:
                    minimum[f.Index] = Math.Max(minimum[f.Index], f.Value);
                    break;
            }
        }

        return p.Restricted(allowed, minimum, maximum);
    }

    /// <summary>
    /// Takes choice cell <paramref name="index"/> (<see cref="CompiledProblem.ChoiceIndex"/>) in <paramref name="allowed"/>:
    /// every other choice of that worker and date is closed (<paramref name="choices"/>: <see cref="CompiledProblem.Choices"/>).
    /// </summary>
    internal static void Take(bool[] allowed, int choices, int index)
    {
        var first = index - (index % choices);
        for (var c = first; c < first + choices; c++)
        {
            allowed[c] &= c == index;
        }
    }

    /// <summary>A restriction: a choice cell (<see cref="CompiledProblem.ChoiceIndex"/>) taken or closed, or a demand's (<see cref="CompiledProblem.DaySlot"/>) count at most or at least its value.</summary>
    internal enum FixKind
    {
        Take,
        Close,
        AtMost,
        AtLeast,
    }

    /// <summary>A branching: choice <see cref="Index"/> closed or taken, or demand <see cref="Index"/>'s count at most <see cref="Value"/> or above it.</summary>
    private readonly record struct Branch(FixKind Kind, int Index, int Value)
    {
        /// <summary>The two children's last fixes: together they keep every roster of the parent (<paramref name="parent"/>: the parent's fixes).</summary>
        public Fix[] Children(Fix? parent) => Kind == FixKind.AtMost
            ? [new Fix(FixKind.AtMost, Index, Value, parent), new Fix(FixKind.AtLeast, Index, Value + 1, parent)]
            : [new Fix(FixKind.Take, Index, 0, parent), new Fix(FixKind.Close, Index, 0, parent)];
    }

    /// <summary>One restriction on the way from the root (see <see cref="FixKind"/>).</summary>
    internal sealed record Fix(FixKind Kind, int Index, int Value, Fix? Parent);

    /// <summary>An open node: its restrictions (null at the root), its restricted problem and its ascent.</summary>
    private sealed record Node(Fix? Fixes, CompiledProblem Problem, LagrangianBound.NodeBound Bound);
}
