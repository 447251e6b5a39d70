namespace CommunityDomain.MassTesting.Planners;

/// <summary>Households called together: a whole building, a unit, or a band of a unit's floors.</summary>
internal sealed record CallGroup(BuildingLoad Building, UnitLoad? Unit, int FirstFloor, int LastFloor, HouseholdLoad[] Households, int People, long Work)
{
    /// <summary>
    /// Splits buildings into groups of at most <paramref name="limit"/> people (or one household, if larger):
    /// the whole building when it fits, else each unit, else bands of whole floors of a unit.
    /// </summary>
    public static List<CallGroup> Form(IReadOnlyList<BuildingLoad> buildings, int limit, ServiceTimes times)
    {
        var groups = new List<CallGroup>();
        foreach (var building in buildings.OrderBy(b => b.BuildingId))
        {
            var all = building.Units.OrderBy(u => u.UnitId).SelectMany(u => Ordered(u.Households)).ToArray();
            if (all.Length == 0)
            {
                continue;
            }

            if (building.People <= limit)
            {
                groups.Add(Make(building, null, all, times));
                continue;
            }

            foreach (var unit in building.Units.OrderBy(u => u.UnitId))
            {
                var homes = Ordered(unit.Households);
                if (homes.Length == 0)
                {
                    continue;
                }

                if (unit.People <= limit)
                {
                    groups.Add(Make(building, unit, homes, times));
                    continue;
                }

                Bands(building, unit, homes, limit, times, groups);
            }
        }

        return groups;
    }

    private static HouseholdLoad[] Ordered(IReadOnlyList<HouseholdLoad> households) =>
        [.. households.OrderBy(h => h.Floor).ThenBy(h => h.HouseholdId)];

    private static void Bands(BuildingLoad building, UnitLoad unit, HouseholdLoad[] homes, int limit, ServiceTimes times, List<CallGroup> groups)
    {
        var start = 0;
        var people = 0;
        for (var i = 0; i < homes.Length; i++)
        {
            // Cut at a floor boundary when the band is full; cut inside a floor only when one floor alone is over the limit.
            if (people + homes[i].People > limit && i > start)
            {
                var cut = i;
                while (cut > start && homes[cut - 1].Floor == homes[i].Floor)
                {
                    cut--;
                }

                cut = cut == start ? i : cut;
                groups.Add(Make(building, unit, homes[start..cut], times));
                start = cut;
                people = 0;
                for (var j = start; j < i; j++)
                {
                    people += homes[j].People;
                }

                if (people + homes[i].People > limit)
                {
                    groups.Add(Make(building, unit, homes[start..i], times));
                    start = i;
                    people = 0;
                }
            }

            people += homes[i].People;
        }

        groups.Add(Make(building, unit, homes[start..], times));
    }

    /// <summary>
    /// Two or more smaller calls covering this one's households: a whole building by unit, a unit by halves of its
    /// households in floor order (by people). Empty when the group is one household.
    /// </summary>
    public IReadOnlyList<CallGroup> Split(ServiceTimes times)
    {
        if (Households.Length < 2)
        {
            return [];
        }

        var homes = Ordered(Households);
        var unit = Unit;
        if (unit is null)
        {
            var units = Building.Units.Where(u => u.Households.Count > 0).OrderBy(u => u.UnitId).ToArray();
            if (units.Length > 1)
            {
                return [.. units.Select(u => Make(Building, u, Ordered(u.Households), times))];
            }

            unit = units[0];
        }

        var half = 0;
        var people = 0;
        while (half < homes.Length - 1 && 2 * (people + homes[half].People) <= People)
        {
            people += homes[half++].People;
        }

        half = Math.Max(1, half);
        return [Make(Building, unit, homes[..half], times), Make(Building, unit, homes[half..], times)];
    }

    /// <summary>A group of the given households of one unit (or of the whole building when <paramref name="unit"/> is null).</summary>
    public static CallGroup Of(BuildingLoad building, UnitLoad? unit, HouseholdLoad[] homes, ServiceTimes times) => Make(building, unit, homes, times);

    /// <summary>The order a site calls its groups in: slowest per person first (elders need not wait for the end, and the
    /// last people served are quick ones), then by building, unit, floor and household for determinism.</summary>
    public static int CompareCallOrder(CallGroup x, CallGroup y)
    {
        var bySlowness = ((double)y.Work / y.People).CompareTo((double)x.Work / x.People);
        if (bySlowness != 0)
        {
            return bySlowness;
        }

        var byBuilding = x.Building.BuildingId.CompareTo(y.Building.BuildingId);
        if (byBuilding != 0)
        {
            return byBuilding;
        }

        var byUnit = (x.Unit?.UnitId ?? 0).CompareTo(y.Unit?.UnitId ?? 0);
        return byUnit != 0 ? byUnit : x.Households[0].HouseholdId.CompareTo(y.Households[0].HouseholdId);
    }

    /// <summary>
    /// One-household calls, longest single service first (then the slowest per person), as the households within one call
    /// are ordered: the order that lets a site start its elders and typed residents in its first round, with the quick QR
    /// residents of the same households after them (issue 15's many-station compounds: a site of 127 stations finished at
    /// 100 s with calls by floor, 80 s in this order).
    /// </summary>
    public static Comparison<CallGroup> LongestFirst(ServiceTimes times) => (x, y) => CompareLongestFirst(x, y, times);

    private static int CompareLongestFirst(CallGroup x, CallGroup y, ServiceTimes times)
    {
        var byLongest = Longest(y.Households[0], times).CompareTo(Longest(x.Households[0], times));
        if (byLongest != 0)
        {
            return byLongest;
        }

        var bySlowness = ((double)y.Work / y.People).CompareTo((double)x.Work / x.People);
        if (bySlowness != 0)
        {
            return bySlowness;
        }

        var byBuilding = x.Building.BuildingId.CompareTo(y.Building.BuildingId);
        return byBuilding != 0 ? byBuilding : x.Households[0].HouseholdId.CompareTo(y.Households[0].HouseholdId);
    }

    private static CallGroup Make(BuildingLoad building, UnitLoad? unit, HouseholdLoad[] homes, ServiceTimes times)
    {
        // Within a call, households with the longest single service come first, so a site's last people are quick ones.
        homes = [.. homes.OrderByDescending(h => Longest(h, times)).ThenByDescending(h => HouseholdWork(h, times) / (double)h.People).ThenBy(h => h.Floor).ThenBy(h => h.HouseholdId)];
        int people = 0, first = int.MaxValue, last = int.MinValue;
        long work = 0;
        foreach (var h in homes)
        {
            people += h.People;
            first = Math.Min(first, h.Floor);
            last = Math.Max(last, h.Floor);
            work += HouseholdWork(h, times);
        }

        return new CallGroup(building, unit, first, last, homes, people, work);
    }

    private static long HouseholdWork(HouseholdLoad h, ServiceTimes times) =>
        (h.QrCode * times.QrCode.BclCompatibleTicks) + (h.Typed * times.Typed.BclCompatibleTicks) + (h.Assisted * times.Assisted.BclCompatibleTicks);

    private static long Longest(HouseholdLoad h, ServiceTimes times) => Math.Max(h.QrCode > 0 ? times.QrCode.BclCompatibleTicks : 0,
        Math.Max(h.Typed > 0 ? times.Typed.BclCompatibleTicks : 0, h.Assisted > 0 ? times.Assisted.BclCompatibleTicks : 0));
}
