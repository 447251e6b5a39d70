namespace CommunityDomain.Kernel;

/// <summary>Base of the library's aggregates: a version for optimistic concurrency and pending events.</summary>
/// <remarks>
/// A successful command that changes state increments <see cref="Version"/> by exactly one and queues
/// its events; a command that fails or changes nothing leaves both untouched.
/// </remarks>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _events = [];

    /// <summary>Creates an aggregate at a given version (0 for a new one, the stored one when rebuilt).</summary>
    /// <param name="version">The starting version; not negative.</param>
    protected AggregateRoot(long version) => Version = Guard.Against.Negative(version);

    /// <summary>Incremented once per state-changing command; the host compares it to detect lost updates.</summary>
    public long Version { get; private set; }

    /// <summary>The events raised since the last <see cref="DequeueEvents"/>, oldest first.</summary>
    public IReadOnlyList<IDomainEvent> PendingEvents => _events;

    /// <summary>Returns the pending events, oldest first, and clears them.</summary>
    /// <returns>The events raised since the previous call.</returns>
    public IReadOnlyList<IDomainEvent> DequeueEvents()
    {
        var events = _events.ToArray();
        _events.Clear();
        return events;
    }

    /// <summary>Increments the version and returns the new value, for the event being raised.</summary>
    /// <returns>The new version.</returns>
    protected long NextVersion() => ++Version;

    /// <summary>Queues an event raised by the command that just changed state.</summary>
    /// <param name="domainEvent">The event.</param>
    protected void Raise(IDomainEvent domainEvent) => _events.Add(domainEvent);
}
