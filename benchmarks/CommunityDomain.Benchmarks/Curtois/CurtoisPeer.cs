namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// A reference solver run beside the planner by <c>curtois --peer</c> (the CP-SAT model of
/// <c>Peer/CpSatPeer.cs</c>): a roster when it found one, and a proven lower bound on the objective.
/// </summary>
/// <param name="instance">The instance.</param>
/// <param name="timeLimit">The wall time it may use, model building included.</param>
/// <param name="seed">The seed of its own randomness.</param>
/// <param name="cancellationToken">Stops it early; it then returns what it has.</param>
/// <returns>What the peer found.</returns>
public delegate CurtoisPeerResult CurtoisPeer(CurtoisInstance instance, TimeSpan timeLimit, int seed, CancellationToken cancellationToken);

/// <summary>What a <see cref="CurtoisPeer"/> found.</summary>
/// <param name="Name">A short name for reports, e.g. <c>cp-sat</c>.</param>
/// <param name="Status">The solver's status word, e.g. <c>OPTIMAL</c>, <c>FEASIBLE</c>, <c>UNKNOWN</c>.</param>
/// <param name="Solution">The roster, or null when none was found in time.</param>
/// <param name="SolverObjective">The objective as the peer's own model computes it, or null without a roster.</param>
/// <param name="Bound">A proven lower bound on the objective of every roster without hard violations, or null.</param>
public sealed record CurtoisPeerResult(string Name, string Status, CurtoisSolution? Solution, long? SolverObjective, long? Bound);
