using CommunityDomain.Benchmarks.CommunityProblems;
using CommunityDomain.Benchmarks.Curtois;
using CommunityDomain.Tests.Curtois;
using CommunityDomain.Tests.Generators;
using FsCheck.Xunit;

namespace CommunityDomain.Tests.CommunityProblems;

public sealed class CommunityInstanceGeneratorTests
{
    /// <summary>Shapes from the degenerate (one worker, one week, two shift types) to district size; a failing shape
    /// shrinks towards the degenerate one (<see cref="Shrink"/>).</summary>
    public static class Shapes
    {
        public static Arbitrary<CommunityShape> Shape() => Arb.From(
            from workers in Gen.Frequency((3, Gen.Choose(1, 40)), (1, Gen.Choose(41, 400)))
            from weeks in Gen.Choose(1, 4)
            from types in Gen.Frequency((2, Gen.Choose(2, 20)), (1, Gen.Choose(21, 130)))
            from seed in Gen.Choose(int.MinValue, int.MaxValue)
            from tightness in Gen.Elements(0.1, 0.5, 0.9, 1.0, 1.5, 2.0)
            select new CommunityShape(workers, 7 * weeks, types, seed, tightness),
            Shrink);

        /// <summary>Fewer workers (towards one), weeks (towards one) or shift types (towards two), one at a time through
        /// <see cref="ScriptShrinkers.Towards"/>; the seed and tightness stay, so a counterexample keeps its draw.</summary>
        public static IEnumerable<CommunityShape> Shrink(CommunityShape s) =>
            ScriptShrinkers.Towards(s.Workers, 1).Select(w => new CommunityShape(w, s.Days, s.ShiftTypes, s.Seed, s.Tightness))
                .Concat(ScriptShrinkers.Towards(s.Days / 7, 1).Select(weeks => new CommunityShape(s.Workers, 7 * weeks, s.ShiftTypes, s.Seed, s.Tightness)))
                .Concat(ScriptShrinkers.Towards(s.ShiftTypes, 2).Select(t => new CommunityShape(s.Workers, s.Days, t, s.Seed, s.Tightness)));
    }

    [Fact]
    public void A_shape_failing_on_three_workers_and_four_shift_types_shrinks_to_one_week_of_exactly_that()
    {
        // A stand-in for a failing property that needs three workers and four shift types to go wrong.
        static bool Fails(CommunityShape s) => s.Workers >= 3 && s.ShiftTypes >= 4;
        var shape = new CommunityShape(400, 28, 130, seed: 17, tightness: 1.5);
        shape = ScriptShrinkers.Greedy(shape, Shapes.Shrink, Fails);

        Assert.Equal((3, 7, 4, 17, 1.5), (shape.Workers, shape.Days, shape.ShiftTypes, shape.Seed, shape.Tightness));
        Assert.Empty(Shapes.Shrink(new CommunityShape(1, 7, 2, seed: 17)));
    }

    [Property(Arbitrary = new[] { typeof(Shapes) }, MaxTest = 40)]
    public void Same_shape_and_seed_give_the_same_file(CommunityShape shape)
    {
        var first = CurtoisWriter.ToText(CommunityInstanceGenerator.Create(shape));
        var second = CurtoisWriter.ToText(CommunityInstanceGenerator.Create(new CommunityShape(shape.Workers, shape.Days, shape.ShiftTypes, shape.Seed, shape.Tightness)));

        Assert.Equal(first, second);
    }

    [Property(Arbitrary = new[] { typeof(Shapes) }, MaxTest = 40)]
    public void Instance_has_the_asked_size_and_parses_back_from_its_file(CommunityShape shape)
    {
        var instance = CommunityInstanceGenerator.Create(shape);

        Assert.Equal(shape.Workers, instance.Staff.Count);
        Assert.Equal(shape.Days, instance.Days);
        Assert.Equal(shape.ShiftTypes, instance.Shifts.Count);
        Assert.All(instance.Staff, s => Assert.True(s.MinTotalMinutes <= s.MaxTotalMinutes, s.Id));
        CurtoisWriterTests.AssertSame(instance, CurtoisParser.Parse(CurtoisWriter.ToText(instance), instance.Name));
    }

    [Property(Arbitrary = new[] { typeof(Shapes) }, MaxTest = 40)]
    public void Confined_workers_may_work_only_in_their_own_sealed_compound(CommunityShape shape)
    {
        var g = CommunityInstanceGenerator.Generate(shape);

        Assert.NotEmpty(g.SealedCompounds);
        for (var e = 0; e < g.Workers.Count; e++)
        {
            var w = g.Workers[e];
            Assert.Equal(w.Kind != CommunityWorkerKind.Staff && g.SealedCompounds.Contains(w.Home), w.Confined);
            if (w.Confined)
            {
                var allowed = Enumerable.Range(0, g.Instance.Shifts.Count).Where(t => g.Instance.Staff[e].MaxShifts[t] > 0);
                Assert.All(allowed, t => Assert.Equal(w.Home, g.ShiftCompound[t]));
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(Shapes) }, MaxTest = 40)]
    public void Only_qualified_workers_may_work_swab_sites_the_clinic_and_nights(CommunityShape shape)
    {
        var g = CommunityInstanceGenerator.Generate(shape);

        for (var e = 0; e < g.Workers.Count; e++)
        {
            var w = g.Workers[e];
            for (var t = 0; t < g.Instance.Shifts.Count; t++)
            {
                if (g.Instance.Staff[e].MaxShifts[t] == 0)
                {
                    continue;
                }

                var id = g.Instance.Shifts[t].Id;
                var post = id == "md" ? "md" : id[^1..];
                var ok = post switch
                {
                    "S" => w.Kind == CommunityWorkerKind.Medical || (w.Kind == CommunityWorkerKind.Volunteer && w.Swabber),
                    "md" => w.Kind == CommunityWorkerKind.Medical,
                    "N" => w.Kind == CommunityWorkerKind.Staff || (w.Kind == CommunityWorkerKind.Volunteer && w.Nights),
                    "A" or "B" => w.Kind == CommunityWorkerKind.Volunteer,
                    _ => w.Kind != CommunityWorkerKind.Medical,
                };
                Assert.True(ok, $"{w} may work {id}");
            }
        }
    }

    [Fact]
    public void Cannot_follow_lists_keep_eleven_hours_of_rest()
    {
        var instance = CommunityInstanceGenerator.Create(new CommunityShape(10, 7, 8, seed: 3));
        int T(string id) => instance.ShiftIndex(id);

        // Night 22:00-06:00 leaves less than 11 h before anything but another night (22:00 next day: 16 h).
        Assert.Equal(new[] { "c01E", "c01L", "c01S", "c01P", "c01A", "c01B", "md" },
            instance.Shifts[T("c01N")].CannotFollow.Select(n => instance.Shifts[n].Id).Order(StringComparer.Ordinal).ToArray()
                .OrderBy(id => Array.IndexOf(new[] { "c01E", "c01L", "c01S", "c01P", "c01A", "c01B", "md" }, id)).ToArray());
        // Late 14:00-22:00: 8 h before a 06:00 start, 10 h before 08:00, 11 h before the 09:00 clinic.
        Assert.True(instance.CannotFollow(T("c01L"), T("c01E")));
        Assert.True(instance.CannotFollow(T("c01L"), T("c01P")));
        Assert.False(instance.CannotFollow(T("c01L"), T("md")));
        // Early 06:00-14:00 leaves 16 h: anything may follow.
        Assert.Empty(instance.Shifts[T("c01E")].CannotFollow);
    }

    [Theory]
    [InlineData(0, 14, 43, "workers")]
    [InlineData(10, 10, 43, "days")]
    [InlineData(10, 0, 43, "days")]
    [InlineData(10, 14, 1, "shiftTypes")]
    public void Shape_rejects_out_of_range_arguments_naming_them(int workers, int days, int types, string parameter)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new CommunityShape(workers, days, types, seed: 1));

        Assert.Equal(parameter, ex.ParamName);
    }

    [Theory]
    [InlineData(300, 43)]
    [InlineData(600, 85)]
    [InlineData(1000, 120)]
    [InlineData(20, 43)]
    public void Default_shift_types_grow_with_workers_from_43_to_120(int workers, int types) =>
        Assert.Equal(types, CommunityInstanceGenerator.DefaultShiftTypes(workers));
}
