using System.Globalization;
using CommunityDomain.Kernel;

namespace CommunityDomain.Communities.Incidents;

/// <summary>What an incident's repair cost, in yuan (CNY), and who bore it.</summary>
/// <remarks>
/// <see cref="BorneBy"/> is a party or role ("the two repairing residents", "property company"), never a
/// resident's name. <c>default(IncidentCost)</c> is a zero cost borne by nobody in particular
/// (<see cref="BorneBy"/> reads <c>"unknown"</c>).
/// </remarks>
public readonly record struct IncidentCost
{
    /// <summary>The currency every amount is in.</summary>
    public const string Currency = "CNY";

    /// <summary>Creates a cost.</summary>
    /// <param name="yuan">The amount in yuan; zero or more, at most two decimal places (fen).</param>
    /// <param name="borneBy">Who paid: a party or role; not blank.</param>
    /// <exception cref="ArgumentException">The amount is negative or finer than a fen, or the payer is blank.</exception>
    public IncidentCost(decimal yuan, string borneBy)
    {
        Guard.Against.Negative(yuan);
        Guard.Against.InvalidInput(yuan, nameof(yuan), static y => decimal.Round(y, 2) == y, "An amount in yuan has at most two decimal places.");
        Yuan = yuan;
        BorneByOrNull = Guard.Against.Blank(borneBy).Trim();
    }

    /// <summary>The amount in yuan.</summary>
    public decimal Yuan { get; }

    /// <summary>Who paid (a party or role), or <c>"unknown"</c> for <c>default</c>.</summary>
    public string BorneBy => BorneByOrNull ?? "unknown";

    private string? BorneByOrNull { get; }

    /// <summary>E.g. <c>120.00 CNY borne by the repairing residents</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Yuan:0.00} {Currency} borne by {BorneBy}");
}
