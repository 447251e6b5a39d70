using CommunityDomain.Rostering;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// A roster problem with the roster a coordinator published for it, from either world: a problem planted around a
/// valid roster (<see cref="PlantedProblem"/>, the roster breaks no hard rule) or a lockdown-shaped problem
/// (<see cref="LockdownProblem"/>: understaffed, infeasible, rule-breaking pins, day-long duties, long horizons) with
/// the planner's best roster for it (<see cref="LockdownRosterGenerators.Published"/>). A guarantee that must hold in
/// both worlds is one property over this case (issue 17: one property per guarantee, not a planted/lockdown pair).
/// </summary>
public sealed class RosterCase
{
    private readonly Lazy<IReadOnlyList<RosterAssignment>> _roster;

    private RosterCase(PlantedProblem? planted, LockdownProblem? lockdown)
    {
        Planted = planted;
        Lockdown = lockdown;
        Problem = planted?.Problem ?? lockdown!.Problem;
        _roster = new(() => planted?.Planted ?? LockdownRosterGenerators.Published(lockdown!));
    }

    /// <summary>The planted problem, or null for a lockdown case.</summary>
    public PlantedProblem? Planted { get; }

    /// <summary>The lockdown problem, or null for a planted case.</summary>
    public LockdownProblem? Lockdown { get; }

    /// <summary>The problem.</summary>
    public RosterProblem Problem { get; }

    /// <summary>The published roster: the planted one, or the planner's best after a few hundred moves (computed once, on first use).</summary>
    public IReadOnlyList<RosterAssignment> Roster => _roster.Value;

    public static RosterCase Of(PlantedProblem g) => new(g, null);

    public static RosterCase Of(LockdownProblem g) => new(null, g);

    /// <summary>
    /// The case as lines a test can paste back into <see cref="Parse"/>: <c>planted seed 12: ...</c> or <c>lockdown
    /// Understaffed seed 12: ...</c>, then the problem (and the planted roster) as <see cref="RosterText"/> lines.
    /// </summary>
    public override string ToString() => Planted?.ToString() ?? Lockdown!.ToString();

    /// <summary>
    /// Rebuilds a case from <see cref="ToString"/>'s text: the header names the world and the seed (a lockdown case's
    /// published roster is the planner's, from that seed), the lines the problem and the planted roster.
    /// </summary>
    public static RosterCase Parse(string text)
    {
        var header = text[..text.IndexOf(':', StringComparison.Ordinal)].Split(' ');
        var seed = int.Parse(header[^1], System.Globalization.CultureInfo.InvariantCulture);
        var (problem, planted) = RosterText.Read(text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
        return header[0] == "planted"
            ? Of(new PlantedProblem(seed, problem, planted))
            : Of(new LockdownProblem(seed, Enum.Parse<LockdownShape>(header[1]), problem));
    }
}

/// <summary>
/// <see cref="RosterCase"/>s: two planted cases to one lockdown case (a lockdown roster costs a planner run, and the
/// folded pairs ran about that share of each before); each shrinks with its own world's shrinker and stays in it.
/// </summary>
public static class RosterCaseArbitraries
{
    public static Arbitrary<RosterCase> Cases() => Arb.From(
        Gen.Frequency(
            (2, RosterGenerators.Planted().Generator.Select(RosterCase.Of)),
            (1, LockdownRosterGenerators.Lockdown().Generator.Select(RosterCase.Of))),
        Shrink);

    public static IEnumerable<RosterCase> Shrink(RosterCase c) =>
        c.Planted is { } planted
            ? RosterShrinkers.ShrinkPlanted(planted).Select(RosterCase.Of)
            : RosterShrinkers.ShrinkLockdown(c.Lockdown!).Select(RosterCase.Of);
}

/// <summary>
/// Lockdown <see cref="RosterCase"/>s for the long-horizon moves: half a long horizon (60-119 or 365 dates, fewer
/// volunteers than duties, tight rules), the rest understaffed, over-demanded, with pins that break rules, or mixed.
/// Shrinks as <see cref="RosterCaseArbitraries"/> does.
/// </summary>
public static class LongRosterCaseArbitraries
{
    private static readonly LockdownShape[] Shapes =
        [LockdownShape.LongHorizon, LockdownShape.LongHorizon, LockdownShape.LongHorizon, LockdownShape.LongHorizon,
            LockdownShape.Understaffed, LockdownShape.OverDemanded, LockdownShape.PinsThatBreakRules, LockdownShape.Mixed];

    public static Arbitrary<RosterCase> Cases() => Arb.From(
        Gen.Elements(Shapes).SelectMany(shape => Gen.Choose(0, int.MaxValue - 1).Select(seed => RosterCase.Of(LockdownRosterGenerators.Create(seed, shape)))),
        RosterCaseArbitraries.Shrink);
}
