using System.Globalization;
using System.Text.Json.Serialization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Rostering.Coordination;

/// <summary>What changed for one worker: the notice they must receive.</summary>
public sealed class WorkerNotice
{
    [JsonConstructor]
    internal WorkerNotice(Id<Worker> worker, IReadOnlyList<RosterAssignment> removed, IReadOnlyList<RosterAssignment> added)
    {
        Worker = worker;
        Removed = removed;
        Added = added;
    }

    /// <summary>The worker.</summary>
    public Id<Worker> Worker { get; }

    /// <summary>Duties the worker no longer has, by date.</summary>
    public IReadOnlyList<RosterAssignment> Removed { get; }

    /// <summary>Duties the worker now has, by date.</summary>
    public IReadOnlyList<RosterAssignment> Added { get; }

    /// <summary>E.g. <c>Worker#3: cancelled 2022-08-20 D at Post#1; new 2022-08-21 N at Post#2</c>.</summary>
    public override string ToString()
    {
        static string Of(RosterAssignment a) => string.Create(CultureInfo.InvariantCulture,
            $"{a.Date:uuuu-MM-dd} {a.ShiftCode}{(a.Qualification is null ? "" : "/" + a.Qualification)} at {a.Post}");
        var parts = Removed.Select(a => "cancelled " + Of(a)).Concat(Added.Select(a => "new " + Of(a)));
        return $"{Worker}: {string.Join("; ", parts)}";
    }
}
