namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// A lower bound as the benchmark command's <c>--check</c> sees it: no roster of the instance without hard violations
/// has a lower objective.
/// </summary>
/// <param name="instance">The instance.</param>
/// <param name="upper">The objective of a roster of the instance without hard violations (the checked one), which may
/// steer the bound; null when none is known.</param>
/// <param name="cancellationToken">Stops early (e.g. Ctrl+C); the bound so far is still valid.</param>
/// <returns>The bound, or null when none is proven.</returns>
/// <exception cref="NotSupportedException">The bound's model cannot take the instance.</exception>
public delegate long? CurtoisBound(CurtoisInstance instance, long? upper, CancellationToken cancellationToken);
