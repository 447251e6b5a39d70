using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Planners;

namespace CommunityDomain.Views;

/// <summary>
/// What the loudspeaker says: a testing call in the office's language, with the building, unit, floors and the
/// site by the names the office uses (<see cref="Labels.Local"/>), e.g. "请5号楼2单元的居民现在下楼，到东方小区北广场做核酸检测，请保持一米间距。".
/// </summary>
/// <remarks>
/// The planner's own <see cref="WaveCall.Chinese"/> and <see cref="WaveCall.English"/> use the stored names as they
/// are; this text comes from the culture's resources and the labels' local names. Floors are named only when the
/// call covers part of a unit, and rooms (up to <see cref="MostRoomsNamed"/>, else "only the households on the list") when it holds
/// only some households of its floors, so nobody else comes down into a queue sized for the call. Names only: an announcement never holds a resident's name. The call names no compound: it
/// is read out on its own compound's loudspeaker, where "3号楼" is that compound's; a text that lists calls of several
/// compounds together uses the overload with the compound, which names the building with it ("东方小区3号楼").
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
        return Text(call, problem, labels, null);
    }

    /// <summary>
    /// The call as read outside its compound (the office's list of every compound's calls, a log read at the community
    /// office): the building with its compound ("请东方小区3号楼的居民现在下楼……" / "Residents of Dongfang › Building 3: ..."),
    /// since every compound can have a building 3. Read out on the compound's own loudspeaker, <see cref="Call(WaveCall, WaveProblem, Labels)"/>
    /// is enough.
    /// </summary>
    /// <param name="call">The call (from <see cref="WavePlanner"/>).</param>
    /// <param name="problem">The problem the call was planned for (building, unit and site names).</param>
    /// <param name="labels">Culture and local names, with the compound's name (<see cref="Labels.For"/>).</param>
    /// <param name="compound">The compound the call's buildings stand in.</param>
    /// <returns>One sentence.</returns>
    /// <exception cref="ArgumentException">A parameter is null or <paramref name="compound"/> is the default id, or the call's building, unit or site is not in the problem.</exception>
    public static string Call(WaveCall call, WaveProblem problem, Labels labels, Id<Compound> compound)
    {
        Guard.Against.Null(call);
        Guard.Against.Null(problem);
        Guard.Against.Null(labels);
        Guard.Against.DefaultId(compound);
        return Text(call, problem, labels, compound);
    }

    private static string Text(WaveCall call, WaveProblem problem, Labels labels, Id<Compound>? compound)
    {
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

        var buildingText = l.Place("building", l.Local(building.Name));
        floorsText += Households(call, unit, l);
        if (compound is { } c)
        {
            buildingText = l.Text("call.in-compound", ("compound", l.Compound(c)), ("building", buildingText));
        }

        // Site names show as the office writes them ("North square"); the sentence itself always starts with a capital.
        return l.Sentence(l.Text("call.text", ("building", buildingText), ("unit", unitText), ("floors", floorsText),
            ("site", l.Local(site.Name))));
    }

    /// <summary>Most rooms a call names one by one; a longer list is read as a count, and the staff call at each door.</summary>
    public const int MostRoomsNamed = 8;

    // A call that holds only some households of its floors must not send the whole floor down (the queue is sized for the
    // call): it names their rooms, or, when the labels do not know them or there are too many to read out, says only the
    // households on the list should come.
    private static string Households(WaveCall call, UnitLoad? unit, Labels l)
    {
        var onFloors = unit?.Households.Count(h => h.Floor >= call.FirstFloor && h.Floor <= call.LastFloor) ?? 0;
        if (unit is null || onFloors <= call.Households.Count)
        {
            return string.Empty;
        }

        var doors = call.Households.Select(h => l.Door(new Id<Household>(h.HouseholdId))).ToArray();
        return doors.Length <= MostRoomsNamed && doors.All(d => d is not null)
            ? l.Text("call.rooms", ("rooms", l.List(doors!)))
            : l.Text("call.listed", ("households", l.Count(call.Households.Count, "households")));
    }
}
