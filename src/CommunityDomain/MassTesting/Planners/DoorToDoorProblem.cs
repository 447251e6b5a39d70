using CommunityDomain.Communities;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>Door-to-door sampling: households to visit, teams, and how long things take.</summary>
public sealed class DoorToDoorProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="depot">Where teams start and return (the site or gate).</param>
    /// <param name="teams">Teams (at least 1).</param>
    /// <param name="perHousehold">Time at each door (knock, don protection, seal the tube); not negative.</param>
    /// <param name="perPerson">Time per person swabbed; positive.</param>
    /// <param name="metresPerSecond">Walking speed including stairs (positive).</param>
    /// <param name="visits">The households; each household once.</param>
    /// <exception cref="ArgumentException">A value out of range, a household twice, a building in two places, or a job longer than
    /// <see cref="MaxEstimate"/> for one team (walking to and back from every building plus every door and swab).</exception>
    public DoorToDoorProblem(Position depot, int teams, Duration perHousehold, Duration perPerson, double metresPerSecond, IReadOnlyList<DoorVisit> visits)
    {
        Depot = depot;
        Teams = Guard.Against.OutOfRange(teams, nameof(teams), 1, 10_000, "1 to 10,000 teams go door to door.");
        PerHousehold = Guard.Against.InvalidInput(perHousehold, nameof(perHousehold), static d => d >= Duration.Zero, "The time per household is not negative.");
        PerPerson = Guard.Against.InvalidInput(perPerson, nameof(perPerson), static d => d > Duration.Zero, "The time per person is positive.");
        MetresPerSecond = Guard.Against.InvalidInput(metresPerSecond, nameof(metresPerSecond), static v => double.IsFinite(v) && v > 0, "The walking speed is positive.");
        Visits = Guard.Against.InvalidInput(Guard.Against.Null(visits), nameof(visits), static v => v.Select(x => x.HouseholdId).Distinct().Count() == v.Count,
            "A household is listed twice.");
        Guard.Against.InvalidInput(visits, nameof(visits), static v => v.GroupBy(x => x.BuildingId).All(g => g.Select(x => x.Position).Distinct().Count() == 1),
            "A building's visits disagree on its position.");

        // Every route's estimate is at most one team's whole job (by the triangle inequality), so bounding the
        // job keeps every estimate a representable Duration, whatever the coordinates and speeds.
        var job = visits.Sum(v => PerHousehold.TotalSeconds + (v.People * PerPerson.TotalSeconds))
            + visits.GroupBy(v => v.BuildingId).Sum(g => 2 * depot.DistanceTo(g.First().Position) / MetresPerSecond);
        if (!(job <= MaxEstimate.TotalSeconds))
        {
            throw new ArgumentException($"One team would need more than {MaxEstimate.TotalDays:0} days for these visits; check the units of distances, speed and times.", nameof(visits));
        }
    }

    /// <summary>The longest whole job (one team visiting everyone) a problem may describe: 10 years.</summary>
    public static Duration MaxEstimate { get; } = Duration.FromDays(3653);

    /// <summary>Where teams start and return.</summary>
    public Position Depot { get; }

    /// <summary>Teams.</summary>
    public int Teams { get; }

    /// <summary>Time at each door.</summary>
    public Duration PerHousehold { get; }

    /// <summary>Time per person.</summary>
    public Duration PerPerson { get; }

    /// <summary>Walking speed.</summary>
    public double MetresPerSecond { get; }

    /// <summary>The households to visit.</summary>
    public IReadOnlyList<DoorVisit> Visits { get; }
}
