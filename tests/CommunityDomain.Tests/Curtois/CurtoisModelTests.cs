using CommunityDomain.Benchmarks.Curtois;

namespace CommunityDomain.Tests.Curtois;

public sealed class CurtoisModelTests
{
    private static readonly CurtoisShift D = new("D", 480, []);
    private static readonly CurtoisStaff A = new("A", [1], 1000, 0, 5, 1, 1, 1, []);

    private static IEnumerable<CurtoisCover> FullCover(int days) => Enumerable.Range(0, days).Select(d => new CurtoisCover(d, 0, 1, 100, 1));

    [Fact]
    public void Constructor_consistent_parts_build_an_instance()
    {
        var instance = new CurtoisInstance("x", 2, [D], [A], [], [], FullCover(2));

        Assert.Equal("x (2 days, 1 staff, 1 shift types)", instance.ToString());
        Assert.Equal(0, instance.StaffIndex("A"));
        Assert.Equal(-1, instance.ShiftIndex("E"));
    }

    [Fact]
    public void Constructor_missing_cover_pair_throws_naming_cover()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CurtoisInstance("x", 2, [D], [A], [], [], FullCover(1)));

        Assert.Equal("cover", ex.ParamName);
        Assert.Contains("day 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_duplicate_cover_pair_throws()
    {
        Assert.Equal("cover", Assert.Throws<ArgumentException>(() => new CurtoisInstance("x", 1, [D], [A], [], [], FullCover(1).Concat(FullCover(1)))).ParamName);
    }

    [Fact]
    public void Constructor_duplicate_shift_id_or_bad_cannot_follow_index_throws_naming_shifts()
    {
        Assert.Equal("shifts", Assert.Throws<ArgumentException>(() => new CurtoisInstance("x", 1, [D, D], [A], [], [], FullCover(1))).ParamName);
        Assert.Equal("shifts", Assert.Throws<ArgumentException>(() => new CurtoisInstance("x", 1, [new CurtoisShift("D", 480, [3])], [A], [], [], FullCover(1))).ParamName);
    }

    [Fact]
    public void Constructor_staff_with_wrong_maxima_count_or_day_off_outside_horizon_throws_naming_staff()
    {
        var twoMaxima = new CurtoisStaff("A", [1, 1], 1000, 0, 5, 1, 1, 1, []);
        var lateDayOff = new CurtoisStaff("A", [1], 1000, 0, 5, 1, 1, 1, [5]);

        Assert.Equal("staff", Assert.Throws<ArgumentException>(() => new CurtoisInstance("x", 1, [D], [twoMaxima], [], [], FullCover(1))).ParamName);
        Assert.Equal("staff", Assert.Throws<ArgumentException>(() => new CurtoisInstance("x", 1, [D], [lateDayOff], [], [], FullCover(1))).ParamName);
    }

    [Fact]
    public void Constructor_request_out_of_range_throws_naming_its_list()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CurtoisInstance("x", 1, [D], [A], [new CurtoisRequest(1, 0, 0, 1)], [], FullCover(1)));

        Assert.Equal("onRequests", ex.ParamName);
    }

    [Fact]
    public void Value_records_reject_negative_fields_and_duplicate_lists()
    {
        Assert.Equal("weight", Assert.Throws<ArgumentException>(() => new CurtoisRequest(0, 0, 0, -1)).ParamName);
        Assert.Equal("requirement", Assert.Throws<ArgumentException>(() => new CurtoisCover(0, 0, -1, 100, 1)).ParamName);
        Assert.Equal("cannotFollow", Assert.Throws<ArgumentException>(() => new CurtoisShift("D", 480, [0, 0])).ParamName);
        Assert.Equal("daysOff", Assert.Throws<ArgumentException>(() => new CurtoisStaff("A", [1], 1, 0, 1, 1, 1, 1, [2, 2])).ParamName);
        Assert.Equal("lengthMinutes", Assert.Throws<ArgumentException>(() => new CurtoisShift("D", 0, [])).ParamName);
    }

    [Fact]
    public void Solution_copies_its_input_and_With_leaves_the_original_unchanged()
    {
        var cells = new[,] { { 0, -1 } };
        var solution = new CurtoisSolution(cells);
        cells[0, 0] = -1;

        var changed = solution.With(0, 1, 0);

        Assert.Equal(0, solution[0, 0]);
        Assert.Equal(-1, solution[0, 1]);
        Assert.Equal(new[,] { { 0, 0 } }, changed.ToArray());
    }

    [Fact]
    public void Solution_rejects_values_below_off()
    {
        Assert.Equal("assignments", Assert.Throws<ArgumentException>(() => new CurtoisSolution(new[,] { { -2 } })).ParamName);
    }

    [Fact]
    public void Rules_check_rejects_a_row_of_the_wrong_length()
    {
        var instance = new CurtoisInstance("x", 2, [D], [A], [], [], FullCover(2));

        Assert.Equal("row", Assert.Throws<ArgumentException>(() => CurtoisRules.CheckAll(instance, 0, new[] { 0 })).ParamName);
        Assert.Equal("row", Assert.Throws<ArgumentException>(() => CurtoisRules.CheckAll(instance, 0, new[] { 0, 1 })).ParamName);
    }

    [Fact]
    public void Violation_ToString_names_rule_employee_and_days()
    {
        var v = new CurtoisViolation(CurtoisRule.DaysOff, 0, "A", 3, 3, "shift D on a required day off");

        Assert.Equal("DaysOff, employee A, day 3: shift D on a required day off", v.ToString());
        Assert.Equal("lastDay", Assert.Throws<ArgumentException>(() => new CurtoisViolation(CurtoisRule.DaysOff, 0, "A", -1, 3, "x")).ParamName);
    }
}
