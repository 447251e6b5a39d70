using System.Globalization;

namespace CommunityDomain.MassTesting;

/// <summary>How many samples share one tube: k-in-1 for the general population and for key groups.</summary>
/// <remarks>
/// Door-to-door households always get one tube per household, whatever its size.
/// <c>default(PoolingPolicy)</c> has sizes 0 and is rejected by <see cref="TestingSeries.StartRound"/>.
/// </remarks>
public readonly record struct PoolingPolicy
{
    /// <summary>The pool sizes the guidelines allow: 1, 5, 10 and 20.</summary>
    public static IReadOnlyList<int> AllowedSizes { get; } = [1, 5, 10, 20];

    /// <summary>Creates a policy.</summary>
    /// <param name="general">Pool size for the general population (1, 5, 10 or 20).</param>
    /// <param name="keyGroup">Pool size for key groups (1, 5, 10 or 20).</param>
    /// <exception cref="ArgumentException">A size is not allowed.</exception>
    public PoolingPolicy(int general, int keyGroup)
    {
        General = Guard.Against.InvalidInput(general, nameof(general), AllowedSizes.Contains, "Pool sizes are 1, 5, 10 or 20.");
        KeyGroup = Guard.Against.InvalidInput(keyGroup, nameof(keyGroup), AllowedSizes.Contains, "Pool sizes are 1, 5, 10 or 20.");
    }

    /// <summary>The national default: 10-in-1 for everyone, 5-in-1 for key groups.</summary>
    public static PoolingPolicy Standard => new(10, 5);

    /// <summary>Pool size for the general population.</summary>
    public int General { get; }

    /// <summary>Pool size for key groups.</summary>
    public int KeyGroup { get; }

    /// <summary>True for <c>default</c>.</summary>
    public bool IsDefault => General == 0;

    /// <summary>The pool size for a class; <see cref="PoolClass.Individual"/> is 1 and <see cref="PoolClass.Household"/> returns <see cref="int.MaxValue"/> (the tube holds the household).</summary>
    /// <param name="poolClass">The class.</param>
    /// <returns>The tube capacity.</returns>
    public int SizeFor(PoolClass poolClass) => poolClass switch
    {
        PoolClass.General => General,
        PoolClass.KeyGroup => KeyGroup,
        PoolClass.Individual => 1,
        _ => int.MaxValue,
    };

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{General}-in-1, key groups {KeyGroup}-in-1, sealed households 1 tube each");
}
