using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.MassTesting;

/// <summary>A sample tube: k-in-1 at a site, or one household at the door.</summary>
public sealed class Tube
{
    private readonly List<Id<Resident>> _members = [];
    private readonly List<Instant> _sampledAt = [];

    internal Tube(TubeBarcode barcode, PoolClass poolClass, int capacity, Id<SamplingSite>? site, Id<Household>? household)
    {
        Barcode = barcode;
        PoolClass = poolClass;
        Capacity = capacity;
        Site = site;
        Household = household;
    }

    /// <summary>The barcode.</summary>
    public TubeBarcode Barcode { get; }

    /// <summary>The pooling class.</summary>
    public PoolClass PoolClass { get; }

    /// <summary>How many samples it may hold (k); a household tube holds its household.</summary>
    public int Capacity { get; }

    /// <summary>The site, for a site tube.</summary>
    public Id<SamplingSite>? Site { get; }

    /// <summary>The household, for a door-to-door tube.</summary>
    public Id<Household>? Household { get; }

    /// <summary>The sampled residents, in sampling order.</summary>
    public IReadOnlyList<Id<Resident>> Members => _members;

    /// <summary>When each member was sampled, in <see cref="Members"/> order (never decreasing: a sample dated before the tube's previous one is refused).</summary>
    public IReadOnlyList<Instant> SampledAt => _sampledAt;

    /// <summary>When its latest sample was taken, or null while empty.</summary>
    public Instant? LastSampleAt => _sampledAt.Count == 0 ? null : _sampledAt[^1];

    /// <summary>When it closed, if it has.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>True once closed.</summary>
    public bool IsClosed => ClosedAt.HasValue;

    /// <summary>The lab result.</summary>
    public TubeResult Result { get; private set; }

    /// <summary>When the result was recorded.</summary>
    public Instant? ResultAt { get; private set; }

    internal void Add(Id<Resident> resident, Instant at)
    {
        _members.Add(resident);
        _sampledAt.Add(at);
    }

    internal void Close(Instant at) => ClosedAt = at;

    internal void Report(TubeResult result, Instant at)
    {
        Result = result;
        ResultAt = at;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Tube {Barcode} {_members.Count}/{(Capacity == int.MaxValue ? _members.Count : Capacity)} {Result}");
}
