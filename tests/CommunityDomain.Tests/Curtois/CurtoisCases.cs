using System.Globalization;
using CommunityDomain.Benchmarks.Curtois;

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
    public static Arbitrary<CurtoisCase> Cases() =>
        (from days in Gen.Choose(1, 16)
         from shifts in Gen.Choose(1, 3)
         from staff in Gen.Choose(1, 4)
         from seed in Gen.Choose(0, int.MaxValue)
         select Build(days, shifts, staff, seed)).ToArbitrary();

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
