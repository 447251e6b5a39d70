namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// A solver as the benchmark command sees it: returns a roster for the instance within the time limit.
/// </summary>
/// <param name="instance">The instance to roster.</param>
/// <param name="timeLimit">The wall time the solver may use; it should return by then.</param>
/// <param name="seed">The seed for any randomness; the same seed should give the same roster.</param>
/// <param name="cancellationToken">Cancelled when the time limit has passed (or the caller gave up); the
/// solver should then return its best roster so far promptly.</param>
/// <returns>A roster shaped for the instance.</returns>
public delegate CurtoisSolution CurtoisSolve(CurtoisInstance instance, TimeSpan timeLimit, int seed, CancellationToken cancellationToken);
