using System.Text.Json.Serialization;
namespace CommunityDomain.Rostering;

/// <summary>Weights of the soft preferences that are not tied to a single wish.</summary>
/// <remarks>
/// Own compound: each assignment at a post outside the worker's home compound costs
/// <see cref="OwnCompound"/>. Fairness: workers are grouped by kind and qualification set; a group of n
/// workers with minutes m_i and total M costs <c>Fairness * ((n * sum(m_i^2) - M^2) / (3600 * n))</c>
/// with integer division: the sum of squared deviations from the group mean, in hours squared, rounded
/// down. <c>default</c> weighs nothing.
/// </remarks>
public readonly record struct PreferenceWeights
{
    /// <summary>Creates the weights.</summary>
    /// <param name="ownCompound">Penalty per assignment outside the worker's home compound; zero or more.</param>
    /// <param name="fairness">Weight of the squared deviation of minutes within a group; zero or more.</param>
    /// <exception cref="ArgumentException">A weight is negative.</exception>
    [JsonConstructor]
    public PreferenceWeights(int ownCompound, int fairness)
    {
        OwnCompound = Guard.Against.Negative(ownCompound);
        Fairness = Guard.Against.Negative(fairness);
    }

    /// <summary>Penalty per assignment outside the home compound.</summary>
    public int OwnCompound { get; }

    /// <summary>Weight of the fairness term.</summary>
    public int Fairness { get; }
}
