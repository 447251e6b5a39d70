using System.Globalization;
using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// One line of <c>SECTION_COVER</c>: the preferred number of staff on a shift type on a day, with the
/// penalty per missing and per surplus person.
/// </summary>
/// <remarks><c>default</c> asks for nobody on shift 0 of day 0 with zero weights.</remarks>
public readonly record struct CurtoisCover
{
    /// <summary>Creates a cover requirement.</summary>
    /// <param name="day">0-based day; non-negative.</param>
    /// <param name="shift">Shift type index; non-negative.</param>
    /// <param name="requirement">Preferred number of staff; non-negative.</param>
    /// <param name="weightUnder">Penalty per person below the requirement; non-negative.</param>
    /// <param name="weightOver">Penalty per person above the requirement; non-negative.</param>
    /// <exception cref="ArgumentException">A negative argument.</exception>
    public CurtoisCover(int day, int shift, int requirement, int weightUnder, int weightOver)
    {
        Day = Guard.Against.Negative(day);
        Shift = Guard.Against.Negative(shift);
        Requirement = Guard.Against.Negative(requirement);
        WeightUnder = Guard.Against.Negative(weightUnder);
        WeightOver = Guard.Against.Negative(weightOver);
    }

    /// <summary>0-based day.</summary>
    public int Day { get; }

    /// <summary>Shift type index in <see cref="CurtoisInstance.Shifts"/>.</summary>
    public int Shift { get; }

    /// <summary>Preferred number of staff.</summary>
    public int Requirement { get; }

    /// <summary>Penalty per person below <see cref="Requirement"/>.</summary>
    public int WeightUnder { get; }

    /// <summary>Penalty per person above <see cref="Requirement"/>.</summary>
    public int WeightOver { get; }

    /// <summary>Returns <c>day d shift s: r (under u, over o)</c> in the invariant culture.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"day {Day} shift {Shift}: {Requirement} (under {WeightUnder}, over {WeightOver})");
}
