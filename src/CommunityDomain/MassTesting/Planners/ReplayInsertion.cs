namespace CommunityDomain.MassTesting.Planners;

/// <summary>
/// A second starting assignment, built by the replay itself: groups in call order (slowest per person first), each to
/// the site whose replayed finish with it is earliest (list scheduling on the queue model). Unlike the distance-and-share
/// assignment it sees each site's walk-down and station count at the moment a group is placed, so an elder's household
/// goes to the site that finishes it soonest rather than the nearest one with room (issue 15's nine-household case).
/// </summary>
internal static class ReplayInsertion
{
    /// <summary>Assigns the groups, or returns null when placing them would replay more than <paramref name="budget"/>
    /// person-station steps (large compounds keep the first assignment alone). Groups are placed, and each site calls them,
    /// in <paramref name="order"/> (<see cref="CallGroup.CompareCallOrder"/> when null).</summary>
    public static List<CallGroup>[]? Assign(SiteSpec[] sites, List<CallGroup> groups, SiteQueue queue, long budget, CancellationToken cancellationToken,
        Comparison<CallGroup>? order = null)
    {
        var ordered = groups.ToList();
        ordered.Sort(order ?? CallGroup.CompareCallOrder);
        var result = new List<CallGroup>[sites.Length];
        var finish = new long[sites.Length];
        var people = new long[sites.Length];
        for (var s = 0; s < sites.Length; s++)
        {
            result[s] = [];
        }

        long spent = 0;
        foreach (var group in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var choice = -1;
            var best = long.MaxValue;
            for (var s = 0; s < sites.Length; s++)
            {
                spent += WaveImprovement.Cost(sites[s], people[s] + group.People);
                if (spent > budget)
                {
                    return null;
                }

                // The group is last in call order so far: it goes at the end of the site's calls.
                result[s].Add(group);
                var here = queue.Run(sites[s], result[s]);
                result[s].RemoveAt(result[s].Count - 1);

                // Earliest finish with it; on a tie the site that was finishing earlier, then the lower id.
                if (choice < 0 || here < best || (here == best && finish[s] < finish[choice]))
                {
                    best = here;
                    choice = s;
                }
            }

            result[choice].Add(group);
            finish[choice] = best;
            people[choice] += group.People;
        }

        return result;
    }
}
