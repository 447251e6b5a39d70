using System.Globalization;

namespace CommunityDomain.Passes;

/// <summary>
/// Who may hold a pass and on what terms: a quota per household per period, a maximum time out, how long a
/// pass stays valid, and optionally a negative test within some hours. Sealed households never get a pass.
/// </summary>
public sealed class PassPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="passesPerPeriod">Passes one household may hold per period; positive.</param>
    /// <param name="period">The quota period, e.g. 2 days; positive, whole minutes.</param>
    /// <param name="maxTimeOut">How long a holder may stay out, e.g. 2 hours; positive, at most 18 hours.</param>
    /// <param name="validity">How long after its start a pass may be used to go out; positive, at most 45 days.</param>
    /// <param name="negativeTestWithin">When set, a negative test taken within this long before the pass starts is required.</param>
    /// <exception cref="ArgumentException">A value out of range.</exception>
    public PassPolicy(int passesPerPeriod, Duration period, Duration maxTimeOut, Duration validity, Duration? negativeTestWithin = null)
    {
        PassesPerPeriod = Guard.Against.NegativeOrZero(passesPerPeriod);
        Period = Guard.Against.InvalidInput(period, nameof(period), static p => p > Duration.Zero, "The period must be positive.");
        MaxTimeOut = Guard.Against.InvalidInput(maxTimeOut, nameof(maxTimeOut), static t => t > Duration.Zero && t <= Duration.FromHours(18),
            "The time out must be positive and at most 18 hours.");
        Validity = Guard.Against.InvalidInput(validity, nameof(validity), static v => v > Duration.Zero && v <= Duration.FromDays(45),
            "The validity must be positive and at most 45 days.");
        NegativeTestWithin = Guard.Against.InvalidInput(negativeTestWithin, nameof(negativeTestWithin), static w => w is not { } h || h > Duration.Zero,
            "The test window must be positive (or null for no test).");
    }

    /// <summary>The published Harbin rule of April 2022: one person per household every 2 days, at most 2 hours out, a negative test within 48 hours; passes valid for a day.</summary>
    public static PassPolicy OnePersonEveryTwoDays { get; } = new(1, Duration.FromDays(2), Duration.FromHours(2), Duration.FromDays(1), Duration.FromHours(48));

    /// <summary>Passes one household may hold per period.</summary>
    public int PassesPerPeriod { get; }

    /// <summary>The quota period.</summary>
    public Duration Period { get; }

    /// <summary>How long a holder may stay out.</summary>
    public Duration MaxTimeOut { get; }

    /// <summary>How long after its start a pass may be used to go out.</summary>
    public Duration Validity { get; }

    /// <summary>When set, the negative test window.</summary>
    public Duration? NegativeTestWithin { get; }

    /// <summary>The policy in one line.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{PassesPerPeriod} pass(es) per household per {Period.TotalHours:0.#} h, out at most {MaxTimeOut.TotalMinutes:0} min, valid {Validity.TotalHours:0.#} h{(NegativeTestWithin is { } h ? $", negative test within {h.TotalHours:0.#} h" : string.Empty)}");
}
