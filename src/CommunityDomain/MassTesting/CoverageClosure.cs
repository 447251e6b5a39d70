using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting;

/// <summary>
/// Who is accounted for in a building, compound or round:
/// <c>Tested + Exempt + Away + DoorToDoorPending + Missing.Count = Listed</c>.
/// <see cref="Missing"/> is the "call again" list.
/// </summary>
/// <param name="Listed">Entries on the must-test list in this scope.</param>
/// <param name="Tested">Sampled (at a site or at the door).</param>
/// <param name="Exempt">Exempt.</param>
/// <param name="Away">Away.</param>
/// <param name="DoorToDoorPending">Still to sample at the door.</param>
/// <param name="Missing">Walk-ins not yet sampled: who to call again, with masked names.</param>
/// <param name="Exemptions">Who is exempt and why, in must-test list order (<c>Exemptions.Count = Exempt</c>).</param>
public sealed record CoverageClosure(int Listed, int Tested, int Exempt, int Away, int DoorToDoorPending, IReadOnlyList<MissingResident> Missing,
    IReadOnlyList<ExemptResident> Exemptions)
{
    /// <summary>True when nobody is missing and no door-to-door sample is pending: "not one person missed".</summary>
    public bool IsComplete => Missing.Count == 0 && DoorToDoorPending == 0;

    /// <summary>The counts only (no names, no reasons).</summary>
    /// <returns>The identity with its figures.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"listed {Listed} = tested {Tested} + exempt {Exempt} + away {Away} + door-to-door pending {DoorToDoorPending} + missing {Missing.Count}");
}

/// <summary>A walk-in resident not yet sampled, as the call-again list shows them.</summary>
/// <param name="Resident">The resident.</param>
/// <param name="Building">Their building.</param>
/// <param name="Unit">Their unit.</param>
/// <param name="MaskedName">The masked name.</param>
public sealed record MissingResident(Id<Resident> Resident, Id<Building> Building, Id<Unit> Unit, string MaskedName)
{
    /// <summary>
    /// Ids only, e.g. <c>Resident#5 in Building#2, Unit#3, not yet sampled</c>: the masked name is for the call-again
    /// list a person reads (through the views), not for logs.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Resident} in {Building}, {Unit}, not yet sampled";
}

/// <summary>An exempt resident as the closure and the inspector see them: where they live, masked, and why.</summary>
/// <param name="Resident">The resident.</param>
/// <param name="Building">Their building.</param>
/// <param name="Unit">Their unit.</param>
/// <param name="MaskedName">The masked name.</param>
/// <param name="Reason">Why they are exempt.</param>
public sealed record ExemptResident(Id<Resident> Resident, Id<Building> Building, Id<Unit> Unit, string MaskedName, string Reason)
{
    /// <summary>The resident's id and masked name; the reason (which may be about health) is left out.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{MaskedName} ({Resident}, exempt)";
}
