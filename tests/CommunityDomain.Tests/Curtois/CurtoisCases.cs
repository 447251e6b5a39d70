using System.Globalization;
using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Tests.Generators;

namespace CommunityDomain.Tests.Curtois;

/// <summary>
/// A small random instance, a random roster for it and one (employee, day, shift) whose employee is off that
/// day while the shift is under-covered.
/// </summary>
public sealed record CurtoisCase(CurtoisInstance Instance, CurtoisSolution Solution, int Employee, int Day, int Shift)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Instance} target employee {Employee} day {Day} shift {Shift}");
}

/// <summary>FsCheck arbitraries for the Curtois harness.</summary>
public static class CurtoisArbitraries
{
    /// <summary>
    /// Sizes come from FsCheck; the contents from a generated seed, so a reported counterexample (sizes and
    /// seed) rebuilds exactly with <see cref="Build"/>.
    /// </summary>
    public static Arbitrary<CurtoisCase> Cases() => Arb.From(
        from days in Gen.Choose(1, 16)
        from shifts in Gen.Choose(1, 3)
        from staff in Gen.Choose(1, 4)
        from seed in Gen.Choose(0, int.MaxValue)
        select Build(days, shifts, staff, seed),
        Shrink);

    /// <summary>
    /// Smaller cases that keep the case's promise (the target employee is off on the target day, whose target shift is
    /// under-covered): one employee, one day or one shift type fewer (never the target's; the rest renumbered, a cell
    /// of a removed shift type becomes a day off), then fewer shift-on and shift-off requests
    /// (<see cref="ScriptShrinkers.Fewer{T}"/>). Ends on one employee, one day and one shift type without requests.
    /// </summary>
    public static IEnumerable<CurtoisCase> Shrink(CurtoisCase c)
    {
        var instance = c.Instance;
        for (var e = 0; e < instance.Staff.Count; e++)
        {
            if (e != c.Employee)
            {
                yield return Without(c, employee: e);
            }
        }

        for (var d = instance.Days - 1; d >= 0; d--)
        {
            if (d != c.Day)
            {
                yield return Without(c, day: d);
            }
        }

        for (var t = 0; t < instance.Shifts.Count; t++)
        {
            if (t != c.Shift)
            {
                yield return Without(c, shift: t);
            }
        }

        foreach (var on in ScriptShrinkers.Fewer(instance.OnRequests.ToArray()))
        {
            yield return c with { Instance = new CurtoisInstance(instance.Name, instance.Days, instance.Shifts, instance.Staff, on, instance.OffRequests, instance.Cover) };
        }

        foreach (var off in ScriptShrinkers.Fewer(instance.OffRequests.ToArray()))
        {
            yield return c with { Instance = new CurtoisInstance(instance.Name, instance.Days, instance.Shifts, instance.Staff, instance.OnRequests, off, instance.Cover) };
        }
    }

    /// <summary>The case without one employee, day or shift type (-1: keep all), indexes above it moved down by one.</summary>
    private static CurtoisCase Without(CurtoisCase c, int employee = -1, int day = -1, int shift = -1)
    {
        // An index after removing `removed`: -1 when it was the removed one (or was -1, a day off), else moved down past it.
        static int Map(int index, int removed) => index == removed ? -1 : removed >= 0 && index > removed ? index - 1 : index;
        var i = c.Instance;
        var shifts = i.Shifts.Where((_, t) => t != shift)
            .Select(s => new CurtoisShift(s.Id, s.LengthMinutes, s.CannotFollow.Select(x => Map(x, shift)).Where(x => x >= 0)));
        var staff = i.Staff.Where((_, e) => e != employee)
            .Select(s => new CurtoisStaff(s.Id, s.MaxShifts.Where((_, t) => t != shift), s.MaxTotalMinutes, s.MinTotalMinutes, s.MaxConsecutiveShifts,
                s.MinConsecutiveShifts, s.MinConsecutiveDaysOff, s.MaxWeekends, s.DaysOff.Select(d => Map(d, day)).Where(d => d >= 0)));
        IEnumerable<CurtoisRequest> Requests(IEnumerable<CurtoisRequest> requests) => requests
            .Where(r => r.Employee != employee && r.Day != day && r.Shift != shift)
            .Select(r => new CurtoisRequest(Map(r.Employee, employee), Map(r.Day, day), Map(r.Shift, shift), r.Weight));
        var cover = i.Cover.Where(x => x.Day != day && x.Shift != shift)
            .Select(x => new CurtoisCover(Map(x.Day, day), Map(x.Shift, shift), x.Requirement, x.WeightUnder, x.WeightOver));

        var days = day >= 0 ? i.Days - 1 : i.Days;
        var cells = new int[employee >= 0 ? i.Staff.Count - 1 : i.Staff.Count, days];
        for (var e = 0; e < i.Staff.Count; e++)
        {
            for (var d = 0; d < i.Days; d++)
            {
                if (e != employee && d != day)
                {
                    cells[Map(e, employee), Map(d, day)] = Map(c.Solution[e, d], shift);
                }
            }
        }

        var smaller = new CurtoisInstance(i.Name, days, shifts, staff, Requests(i.OnRequests), Requests(i.OffRequests), cover);
        return new CurtoisCase(smaller, new CurtoisSolution(cells), Map(c.Employee, employee), Map(c.Day, day), Map(c.Shift, shift));
    }

    public static CurtoisCase Build(int days, int shiftCount, int staffCount, int seed)
    {
        var random = new Random(seed);
        var shifts = Enumerable.Range(0, shiftCount).Select(t => new CurtoisShift(
            "S" + t.ToString(CultureInfo.InvariantCulture),
            random.Next(1, 4) * 240,
            Enumerable.Range(0, shiftCount).Where(_ => random.Next(3) == 0))).ToArray();
        var staff = Enumerable.Range(0, staffCount).Select(e => new CurtoisStaff(
            "E" + e.ToString(CultureInfo.InvariantCulture),
            Enumerable.Range(0, shiftCount).Select(_ => random.Next(0, days + 1)),
            random.Next(0, (days * 720) + 1),
            random.Next(0, (days * 480) + 1),
            random.Next(0, days + 1),
            random.Next(0, 5),
            random.Next(0, 5),
            random.Next(0, 4),
            Enumerable.Range(0, days).Where(_ => random.Next(6) == 0))).ToArray();
        CurtoisRequest Request() => new(random.Next(staffCount), random.Next(days), random.Next(shiftCount), random.Next(0, 4));
        var on = Enumerable.Range(0, random.Next(0, 12)).Select(_ => Request()).ToArray();
        var off = Enumerable.Range(0, random.Next(0, 12)).Select(_ => Request()).ToArray();

        var cells = new int[staffCount, days];
        for (var e = 0; e < staffCount; e++)
        {
            for (var d = 0; d < days; d++)
            {
                cells[e, d] = random.Next(3) == 0 ? CurtoisSolution.Off : random.Next(-1, shiftCount);
            }
        }

        var (employee, day, shift) = (random.Next(staffCount), random.Next(days), random.Next(shiftCount));
        cells[employee, day] = CurtoisSolution.Off;
        var cover = new List<CurtoisCover>();
        for (var d = 0; d < days; d++)
        {
            for (var t = 0; t < shiftCount; t++)
            {
                var n = Enumerable.Range(0, staffCount).Count(e => cells[e, d] == t);
                var requirement = Math.Max(0, n + random.Next(-2, 4));
                if (d == day && t == shift)
                {
                    requirement = n + random.Next(1, 3);
                }

                cover.Add(new CurtoisCover(d, t, requirement, random.Next(0, 101), random.Next(0, 6)));
            }
        }

        var instance = new CurtoisInstance("random", days, shifts, staff, on, off, cover.OrderBy(_ => random.Next()));
        return new CurtoisCase(instance, new CurtoisSolution(cells), employee, day, shift);
    }
}
