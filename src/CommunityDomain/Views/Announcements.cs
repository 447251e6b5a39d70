using System.Globalization;
using CommunityDomain.MassTesting.Planners;

namespace CommunityDomain.Views;

/// <summary>
/// What the loudspeaker says: a testing call in the office's language, with the building, unit, floors and the
/// site by the names the office uses (<see cref="Labels.Local"/>), e.g. "请5号楼2单元的居民现在下楼，到东方小区北广场做核酸检测，请保持一米间距。".
/// </summary>
/// <remarks>
/// The planner's own <see cref="WaveCall.Chinese"/> and <see cref="WaveCall.English"/> use the stored names as they
/// are; this text comes from the culture's resources and the labels' local names. Floors are named only when the
/// call covers part of a unit. Names only: an announcement never holds a resident's name.
/// </remarks>
public static class Announcements
{
    /// <summary>The loudspeaker text of one call.</summary>
    /// <param name="call">The call (from <see cref="WavePlanner"/>).</param>
    /// <param name="problem">The problem the call was planned for (building, unit and site names).</param>
    /// <param name="labels">Culture and local names.</param>
    /// <returns>One sentence to read out.</returns>
    /// <exception cref="ArgumentException">A parameter is null, or the call's building, unit or site is not in the problem.</exception>
    public static string Call(WaveCall call, WaveProblem problem, Labels labels)
    {
        Guard.Against.Null(call);
        Guard.Against.Null(problem);
        Guard.Against.Null(labels);
        var building = problem.Buildings.FirstOrDefault(b => b.BuildingId == call.BuildingId)
            ?? throw new ArgumentException("The call's building is not in the problem.", nameof(call));
        var site = problem.Sites.FirstOrDefault(s => s.SiteId == call.SiteId)
            ?? throw new ArgumentException("The call's site is not in the problem.", nameof(call));
        var unit = call.UnitId is { } u
            ? building.Units.FirstOrDefault(x => x.UnitId == u) ?? throw new ArgumentException("The call's unit is not in the problem.", nameof(call))
            : null;
        var l = labels;
        var unitText = unit is null ? string.Empty : l.Text("call.unit", ("unit", l.Place("unit", l.Local(unit.Name))));
        var floorsText = string.Empty;
        if (unit is not null && unit.Households.Count > 0
            && (call.FirstFloor != unit.Households.Min(h => h.Floor) || call.LastFloor != unit.Households.Max(h => h.Floor)))
        {
            floorsText = call.FirstFloor == call.LastFloor
                ? l.Text("call.floor", ("floor", call.FirstFloor.ToString(CultureInfo.InvariantCulture)))
                : l.Text("call.floors", ("first", call.FirstFloor.ToString(CultureInfo.InvariantCulture)), ("last", call.LastFloor.ToString(CultureInfo.InvariantCulture)));
        }

        return l.Text("call.text", ("building", l.Place("building", l.Local(building.Name))), ("unit", unitText), ("floors", floorsText),
            ("site", l.Local(site.Name)));
    }
}
