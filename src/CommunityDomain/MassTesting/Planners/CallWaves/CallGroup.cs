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

    private static CallGroup Make(BuildingLoad building, UnitLoad? unit, HouseholdLoad[] homes, ServiceTimes times)
    {
        int people = 0, first = int.MaxValue, last = int.MinValue;
        long work = 0;
        foreach (var h in homes)
        {
            people += h.People;
            first = Math.Min(first, h.Floor);
            last = Math.Max(last, h.Floor);
            work += (h.QrCode * times.QrCode.BclCompatibleTicks) + (h.Typed * times.Typed.BclCompatibleTicks) + (h.Assisted * times.Assisted.BclCompatibleTicks);
        }

        return new CallGroup(building, unit, first, last, homes, people, work);
    }
}
