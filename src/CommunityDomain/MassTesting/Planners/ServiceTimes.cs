using System.Globalization;
using System.Text.Json.Serialization;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>How long a station spends on one person, by intake (registration plus swab).</summary>
/// <remarks><c>default(ServiceTimes)</c> has zero times and is rejected by <see cref="WaveProblem"/>.</remarks>
public readonly record struct ServiceTimes
{
    /// <summary>Creates service times; each is at least a millisecond and at most an hour.</summary>
    /// <remarks>The planner's queue model counts in 100 ns ticks; a shorter time would be a zero-length service, and a
    /// station would then serve a whole queue in one instant.</remarks>
    /// <param name="qrCode">A pre-registered QR code is scanned.</param>
    /// <param name="typed">Details are typed in.</param>
    /// <param name="assisted">An elderly resident is helped.</param>
    [JsonConstructor]
    public ServiceTimes(Duration qrCode, Duration typed, Duration assisted)
    {
        QrCode = Check(qrCode, nameof(qrCode));
        Typed = Check(typed, nameof(typed));
        Assisted = Check(assisted, nameof(assisted));
    }

    /// <summary>Typical figures: 20 s scanned, 40 s typed, 60 s assisted.</summary>
    public static ServiceTimes Typical => new(Duration.FromSeconds(20), Duration.FromSeconds(40), Duration.FromSeconds(60));

    /// <summary>Time for a QR-code resident.</summary>
    public Duration QrCode { get; }

    /// <summary>Time for a typed-in resident.</summary>
    public Duration Typed { get; }

    /// <summary>Time for an assisted resident.</summary>
    public Duration Assisted { get; }

    /// <summary>True for <c>default</c>.</summary>
    public bool IsDefault => QrCode == Duration.Zero;

    /// <summary>The time for an intake.</summary>
    /// <param name="intake">The intake.</param>
    /// <returns>The time.</returns>
    /// <exception cref="System.ComponentModel.InvalidEnumArgumentException"><paramref name="intake"/> is not a defined <see cref="Intake"/>.</exception>
    public Duration For(Intake intake) => Guard.Against.EnumOutOfRange(intake) switch
    {
        Intake.QrCode => QrCode,
        Intake.Typed => Typed,
        _ => Assisted,
    };

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"QR {QrCode.TotalSeconds:0.#} s, typed {Typed.TotalSeconds:0.#} s, assisted {Assisted.TotalSeconds:0.#} s");

    private static Duration Check(Duration value, string name) =>
        Guard.Against.InvalidInput(value, name, static v => v >= Duration.FromMilliseconds(1) && v <= Duration.FromHours(1), "A service time is between a millisecond and an hour.");
}
