using System.Globalization;

using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>A compound's call-wave plan: per-site loudspeaker schedules, the expected finish, a lower bound and the gap.</summary>
/// <param name="Start">When calls may begin.</param>
/// <param name="Sites">Each site's plan.</param>
/// <param name="ExpectedFinish">When the last person is served.</param>
/// <param name="LowerBound">No plan of this problem finishes earlier: <see cref="WaveLowerBound.Of"/>, or the proven optimum of a tiny compound that the planner searched exactly.</param>
public sealed record WavePlan(Instant Start, IReadOnlyList<SitePlan> Sites, Instant ExpectedFinish, Instant LowerBound)
{
    /// <summary>Every call of every site, by time then site.</summary>
    public IReadOnlyList<WaveCall> Schedule => [.. Sites.SelectMany(s => s.Calls).OrderBy(c => c.At).ThenBy(c => c.SiteId)];

    /// <summary>Replays every site's calls over time (see <see cref="SitePlan.Replay"/>).</summary>
    /// <param name="problem">The problem the plan is for.</param>
    /// <returns>Each site's replay, in <see cref="Sites"/> order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> is null.</exception>
    public IReadOnlyList<SiteReplay> Replay(WaveProblem problem)
    {
        Guard.Against.Null(problem);
        return [.. Sites.Select(s => SiteReplay.Of(problem, s))];
    }

    /// <summary>How far the finish is above the bound.</summary>
    public Duration Gap => ExpectedFinish - LowerBound;

    /// <summary>The gap relative to the bound's duration from the start (0 when the bound is the start).</summary>
    public double GapRatio => LowerBound > Start ? Gap / (LowerBound - Start) : 0;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Sites.Sum(s => s.Calls.Count)} calls, finish {LocalTimeText.Utc(ExpectedFinish)}, bound {LocalTimeText.Utc(LowerBound)}, gap {100 * GapRatio:0.00}%");
}
