namespace CommunityDomain.Rostering.Engine;

/// <summary>How <see cref="MasterLp.Solve"/> ended.</summary>
internal enum MasterLpStatus
{
    /// <summary>The basis is primal feasible and no column prices out: values, duals and objective are optimal.</summary>
    Optimal,

    /// <summary>
    /// No value of the columns meets every row within their bounds (only possible when some row lacks a usable slack
    /// column): the phase-1 sum of artificial values stayed positive.
    /// </summary>
    Infeasible,

    /// <summary>
    /// The pivot budget ran out (or the basis stayed numerically singular after restarts): values and duals are those of
    /// the last basis reached, not an optimum, and meet the rows and bounds only when the budget ended in phase 2 (not in
    /// phase 1 nor in the dual simplex after <see cref="MasterLp.SetBounds"/> or <see cref="MasterLp.SetRhs"/>).
    /// </summary>
    IterationLimit,

    /// <summary>
    /// A column with a negative reduced cost and no upper bound can grow without any basic value reaching a bound: the
    /// objective has no minimum (e.g. a +1 and a -1 slack on one row whose costs sum below zero).
    /// </summary>
    Unbounded,
}
