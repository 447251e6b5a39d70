using System.Globalization;

namespace CommunityDomain.Communities;

/// <summary>How long personal data of residents who moved out is kept (PIPL 2021: delete or anonymise once the purpose is over).</summary>
/// <remarks><c>default(RetentionPolicy)</c> keeps nothing after moving out (0 days).</remarks>
public readonly record struct RetentionPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="daysAfterMovingOut">Whole days personal data is kept after a resident moved out; 0 to 3650.</param>
    /// <exception cref="ArgumentException">Out of range.</exception>
    public RetentionPolicy(int daysAfterMovingOut) =>
        DaysAfterMovingOut = Guard.Against.OutOfRange(daysAfterMovingOut, nameof(daysAfterMovingOut), 0, 3650, "Data is kept 0 to 3650 days after moving out.");

    /// <summary>Whole days (of 24 hours) personal data is kept after moving out.</summary>
    public int DaysAfterMovingOut { get; }

    /// <summary>True when a resident who moved out at <paramref name="movedOutAt"/> is due for erasure at <paramref name="at"/>.</summary>
    /// <param name="movedOutAt">When they moved out.</param>
    /// <param name="at">The instant the policy is applied.</param>
    /// <returns>Whether more than the kept days have passed.</returns>
    public bool IsDue(Instant movedOutAt, Instant at) => at - movedOutAt > Duration.FromDays(DaysAfterMovingOut);

    /// <summary>E.g. <c>keep 30 day(s) after moving out</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"keep {DaysAfterMovingOut} day(s) after moving out");
}
