using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>A compound's call-wave problem: its sites, its buildings' must-test households and the service times.</summary>
public sealed class WaveProblem
{
    /// <summary>Creates a problem; rejects duplicate ids and households too large for a site's queue.</summary>
    /// <param name="start">When calls may begin (05:00); before the year 8000, so every planned time stays within NodaTime's range.</param>
    /// <param name="serviceTimes">Service time per intake.</param>
    /// <param name="sites">The compound's sites (at least one).</param>
    /// <param name="buildings">The buildings; at most <see cref="MaxPeople"/> people in all.</param>
    /// <exception cref="ArgumentException">A start in or after the year 8000, default service times, no sites, a null site or building, repeated ids,
    /// a household larger than the smallest queue, or more than <see cref="MaxPeople"/> people.</exception>
    public WaveProblem(Instant start, ServiceTimes serviceTimes, IReadOnlyList<SiteSpec> sites, IReadOnlyList<BuildingLoad> buildings)
    {
        // Bounds keep every plan representable: 10 million people at an hour each on one station is ~1,141 years.
        Start = Guard.Against.InvalidInput(start, nameof(start), static s => s < LatestStart, "The start is in or after the year 8000.");
        ServiceTimes = Guard.Against.InvalidInput(serviceTimes, nameof(serviceTimes), static t => !t.IsDefault, "Service times are default.");
        Sites = Guard.Against.InvalidInput(Guard.Against.NullItems(sites), nameof(sites), static s => s.Count > 0, "A compound needs at least one site.");
        Buildings = Guard.Against.NullItems(buildings);
        Guard.Against.InvalidInput(sites, nameof(sites), static s => s.Select(x => x.SiteId).Distinct().Count() == s.Count, "Site ids repeat.");
        Guard.Against.InvalidInput(buildings, nameof(buildings), static b => b.Select(x => x.BuildingId).Distinct().Count() == b.Count, "Building ids repeat.");

        var seen = new HashSet<int>();
        long people = 0;
        var smallestQueue = sites.Min(s => s.QueueCapacity);
        foreach (var household in buildings.SelectMany(b => b.Units).SelectMany(u => u.Households))
        {
            if (!seen.Add(household.HouseholdId))
            {
                throw new ArgumentException($"Household {household.HouseholdId} is listed twice.", nameof(buildings));
            }

            if (household.People > smallestQueue)
            {
                throw new ArgumentException($"Household {household.HouseholdId} ({household.People} people) does not fit a queue of {smallestQueue}.", nameof(buildings));
            }

            people += household.People;
        }

        People = (int)Guard.Against.InvalidInput(people, nameof(buildings), static p => p <= MaxPeople, $"More than {MaxPeople} people in one problem.");
    }

    /// <summary>The most people one problem may hold (a city district): 10,000,000.</summary>
    public const int MaxPeople = 10_000_000;

    private static readonly Instant LatestStart = Instant.FromUtc(8000, 1, 1, 0, 0);

    /// <summary>When calls may begin.</summary>
    public Instant Start { get; }

    /// <summary>Service time per intake.</summary>
    public ServiceTimes ServiceTimes { get; }

    /// <summary>The sites.</summary>
    public IReadOnlyList<SiteSpec> Sites { get; }

    /// <summary>The buildings.</summary>
    public IReadOnlyList<BuildingLoad> Buildings { get; }

    /// <summary>People to test.</summary>
    public int People { get; }
}
