using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.Rostering;

namespace CommunityDomain.Tests.Generators;

/// <summary>
/// Shrinkers for the roster generators: they never change what a seed generates (FsCheck calls them only after a
/// failure), and each candidate is strictly smaller (fewer workers, demands, wishes or pins), so shrinking ends.
/// </summary>
public static class RosterShrinkers
{
    /// <summary>
    /// Smaller planted problems that keep the planted roster breaking no hard rule: a worker leaves with their planted
    /// duties (each demand they covered asks for that many fewer, its minimum and maximum following), unused empty
    /// demands go, then wishes, then pins. The horizon is kept: every worker's rules are derived from the whole of it.
    /// </summary>
    public static IEnumerable<PlantedProblem> ShrinkPlanted(PlantedProblem g)
    {
        var p = g.Problem;
        for (var i = p.Workers.Count - 1; i >= 0 && p.Workers.Count > 1; i--)
        {
            yield return WithoutWorker(g, p.Workers[i].Id);
        }

        var used = g.Planted.Select(Key).ToHashSet();
        var unused = p.Demands.Where(d => d.Required == 0 && !used.Contains(Key(d))).ToList();
        if (unused.Count > 0)
        {
            yield return g with { Problem = Rebuild(p, p.Demands.Except(unused), p.Workers, p.Wishes, p.Pins) };
        }

        if (p.Wishes.Count > 0)
        {
            yield return g with { Problem = Rebuild(p, p.Demands, p.Workers, [], p.Pins) };
        }

        if (p.Pins.Count > 0)
        {
            yield return g with { Problem = Rebuild(p, p.Demands, p.Workers, p.Wishes, []) };
        }
    }

    /// <summary>Smaller lockdown problems of the same shape and seed: <see cref="Smaller"/>'s.</summary>
    public static IEnumerable<LockdownProblem> ShrinkLockdown(LockdownProblem g) => Smaller(g.Problem).Select(p => g with { Problem = p });

    /// <summary>
    /// Smaller problems of any shape (pins and wishes follow the workers, dates and demands that stay): one worker
    /// fewer, half the demands, half the horizon, no wishes, no pins, one demand fewer (below 16). Used where the
    /// problem need not stay feasible (lockdown problems, the lower bound's tiny problems).
    /// </summary>
    public static IEnumerable<RosterProblem> Smaller(RosterProblem p)
    {
        if (p.Workers.Count > 0)
        {
            yield return Rebuild(p, p.Demands, p.Workers.Take(p.Workers.Count - 1), p.Wishes, p.Pins);
        }

        if (p.Demands.Count > 1)
        {
            yield return Rebuild(p, p.Demands.Take(p.Demands.Count / 2), p.Workers, p.Wishes, p.Pins);
        }

        if (p.Horizon.Length > 1)
        {
            var half = new DateInterval(p.Horizon.Start, p.Horizon.Start.PlusDays((p.Horizon.Length / 2) - 1));
            yield return Rebuild(p, p.Demands.Where(d => half.Contains(d.Date)), p.Workers, p.Wishes, p.Pins, half);
        }

        if (p.Wishes.Count > 0)
        {
            yield return Rebuild(p, p.Demands, p.Workers, [], p.Pins);
        }

        if (p.Pins.Count > 0)
        {
            yield return Rebuild(p, p.Demands, p.Workers, p.Wishes, []);
        }

        if (p.Demands.Count is > 1 and < 16)
        {
            yield return Rebuild(p, p.Demands.Take(p.Demands.Count - 1), p.Workers, p.Wishes, p.Pins);
        }
    }

    private static PlantedProblem WithoutWorker(PlantedProblem g, Id<Worker> worker)
    {
        var p = g.Problem;
        var gone = g.Planted.Where(a => a.Worker == worker).GroupBy(Key).ToDictionary(x => x.Key, x => x.Count());
        var demands = p.Demands.Select(d => gone.TryGetValue(Key(d), out var n) ? Less(d, n) : d);
        return new PlantedProblem(
            g.Seed,
            Rebuild(p, demands, p.Workers.Where(w => w.Id != worker), p.Wishes.Where(w => w.Worker != worker), p.Pins.Where(a => a.Worker != worker)),
            [.. g.Planted.Where(a => a.Worker != worker)]);
    }

    private static Demand Less(Demand d, int n) =>
        new(d.Post, d.Compound, d.Date, d.ShiftCode, d.Required - n, d.UnderWeight, d.OverWeight,
            minimum: d.Minimum is { } min ? Math.Min(min, d.Required - n) : null,
            qualification: d.Qualification,
            maximum: d.Maximum is { } max ? max - n : null);

    private static (Id<Post>, LocalDate, string, string?) Key(Demand d) => (d.Post, d.Date, d.ShiftCode, d.Qualification);

    private static (Id<Post>, LocalDate, string, string?) Key(RosterAssignment a) => (a.Post, a.Date, a.ShiftCode, a.Qualification);

    /// <summary>The problem with these items; wishes and pins of workers, dates or demands that are gone go too.</summary>
    private static RosterProblem Rebuild(
        RosterProblem p, IEnumerable<Demand> demands, IEnumerable<Worker> workers, IEnumerable<ShiftWish> wishes, IEnumerable<RosterAssignment> pins,
        DateInterval? horizon = null)
    {
        var kept = demands.ToList();
        var people = workers.ToList();
        var keys = kept.Select(Key).ToHashSet();
        var ids = people.Select(w => w.Id).ToHashSet();
        var within = horizon ?? p.Horizon;
        return RosterProblem.Create(within, p.Shifts, kept, people, p.DefaultRules,
            wishes: wishes.Where(w => ids.Contains(w.Worker) && within.Contains(w.Date)),
            pins: pins.Where(a => ids.Contains(a.Worker) && keys.Contains(Key(a))),
            weights: p.Weights);
    }
}
