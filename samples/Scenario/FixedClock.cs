namespace Pubai;

/// <summary>A clock the scenario sets by hand, so the events it stamps are reproducible.</summary>
/// <param name="now">The instant the clock reads until it is set again.</param>
public sealed class FixedClock(Instant now) : IClock
{
    /// <summary>The instant the clock reads.</summary>
    public Instant Now { get; set; } = now;

    /// <inheritdoc />
    public Instant GetCurrentInstant() => Now;
}
