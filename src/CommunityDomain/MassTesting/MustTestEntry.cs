using CommunityDomain.Communities;
using CommunityDomain.Communities.Identity;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting;

/// <summary>One resident on a round's must-test list: where they live, what the round expects of them, shown only masked.</summary>
public sealed class MustTestEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="resident">The resident.</param>
    /// <param name="household">Their household.</param>
    /// <param name="compound">Their compound.</param>
    /// <param name="building">Their building.</param>
    /// <param name="unit">Their unit.</param>
    /// <param name="maskedName">The masked name (never the clear name).</param>
    /// <param name="disposition">What the round expects.</param>
    /// <param name="intake">How long their registration takes.</param>
    /// <param name="keyGroup">True for a key group (smaller pools).</param>
    /// <param name="exemptReason">The reason, required when <paramref name="disposition"/> is <see cref="Disposition.Exempt"/>.</param>
    public MustTestEntry(Id<Resident> resident, Id<Household> household, Id<Compound> compound, Id<Building> building, Id<Unit> unit,
        string maskedName, Disposition disposition, Intake intake, bool keyGroup = false, string? exemptReason = null)
    {
        Resident = Guard.Against.DefaultId(resident);
        Household = Guard.Against.DefaultId(household);
        Compound = Guard.Against.DefaultId(compound);
        Building = Guard.Against.DefaultId(building);
        Unit = Guard.Against.DefaultId(unit);
        MaskedName = Masking.PersonName(Guard.Against.Blank(maskedName)); // masked again: never trust the look of a label
        Disposition = Guard.Against.EnumOutOfRange(disposition);
        Intake = Guard.Against.EnumOutOfRange(intake);
        KeyGroup = keyGroup;
        ExemptReason = disposition == Disposition.Exempt
            ? Guard.Against.Blank(exemptReason).Trim()
            : exemptReason is null ? null : throw new ArgumentException("Only an exempt entry has a reason.", nameof(exemptReason));
    }

    /// <summary>The resident.</summary>
    public Id<Resident> Resident { get; }

    /// <summary>Their household.</summary>
    public Id<Household> Household { get; }

    /// <summary>Their compound.</summary>
    public Id<Compound> Compound { get; }

    /// <summary>Their building.</summary>
    public Id<Building> Building { get; }

    /// <summary>Their unit.</summary>
    public Id<Unit> Unit { get; }

    /// <summary>The masked name, for the call-again list.</summary>
    public string MaskedName { get; }

    /// <summary>What the round expects of them.</summary>
    public Disposition Disposition { get; }

    /// <summary>How long their registration takes.</summary>
    public Intake Intake { get; }

    /// <summary>True for a key group.</summary>
    public bool KeyGroup { get; }

    /// <summary>Why they are exempt, if they are.</summary>
    public string? ExemptReason { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{MaskedName} ({Resident}, {Disposition})";
}
