using System.Text.Json.Serialization;
using CommunityDomain.Kernel;
namespace CommunityDomain.Rostering;

/// <summary>A hard rule: a worker who works shift <see cref="First"/> on a date may not work <see cref="Next"/> the next date.</summary>
/// <remarks><c>default(ForbiddenSuccession)</c> has no codes and is rejected by <see cref="WorkRules"/>.</remarks>
public readonly record struct ForbiddenSuccession
{
    /// <summary>Creates the rule.</summary>
    /// <param name="first">The shift code worked on a date.</param>
    /// <param name="next">The shift code that may not follow on the next date.</param>
    /// <exception cref="ArgumentException">A code is blank.</exception>
    [JsonConstructor]
    public ForbiddenSuccession(string first, string next)
    {
        First = Guard.Against.Blank(first);
        Next = Guard.Against.Blank(next);
    }

    /// <summary>The shift worked on a date.</summary>
    public string First { get; }

    /// <summary>The shift that may not be worked on the next date.</summary>
    public string Next { get; }

    /// <summary>E.g. <c>N -/-> D</c>.</summary>
    public override string ToString() => $"{First} -/-> {Next}";
}
