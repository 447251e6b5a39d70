using System.Diagnostics;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>
/// The planner's first-come-first-served multi-station queue, in ticks from the start. Starts are decided
/// lazily: a person leaves the queue only when the planner needs room, which is safe because nobody arrives
/// between the planner's decisions.
/// </summary>
internal sealed class SiteQueue(ServiceTimes times)
{
    private readonly long _qr = times.QrCode.BclCompatibleTicks;
    private readonly long _typed = times.Typed.BclCompatibleTicks;
    private readonly long _assisted = times.Assisted.BclCompatibleTicks;
    private long[] _free = [];
    private long[] _arrival = [];
    private long[] _service = [];
    private int _head;
    private int _count;
    private int _capacity;

    /// <summary>A QR-code service, in ticks.</summary>
    public long QrCode => _qr;

    /// <summary>A typed-in service, in ticks.</summary>
    public long Typed => _typed;

    /// <summary>An assisted service, in ticks.</summary>
    public long Assisted => _assisted;

    /// <summary>When set, every person started is recorded (arrival, start, end, station) in the order they arrived, for
    /// <see cref="SitePlan.Replay"/>. Null in the planner's search.</summary>
    public List<(long Arrival, long Start, long End, int Station)>? Trace { get; init; }

    /// <summary>Empties the queue for a site of <paramref name="stations"/> stations whose markers hold
    /// <paramref name="capacity"/> people. The waiting line grows with the people who actually wait (doubling, never past
    /// the capacity), so a queue of 1,000,000 markers costs no more than the people called.</summary>
    public void Reset(int stations, int capacity)
    {
        if (_free.Length != stations)
        {
            _free = new long[stations];
        }
        else
        {
            Array.Clear(_free);
        }

        _capacity = capacity;
        _head = 0;
        _count = 0;
    }

    /// <summary>Starts people until at most <paramref name="room"/> wait; returns the last start's time (0 if none started).</summary>
    public long ServeUntilAtMost(int room)
    {
        long last = 0;
        while (_count > room)
        {
            last = StartNext();
        }

        return last;
    }

    /// <summary>Starts everyone; returns the last service end.</summary>
    public long ServeAll()
    {
        while (_count > 0)
        {
            StartNext();
        }

        var end = 0L;
        foreach (var f in _free)
        {
            end = Math.Max(end, f);
        }

        return end;
    }

    /// <summary>
    /// Plays a site's groups in order, each landing at the earliest moment the queue has room for it (and no earlier
    /// than the previous one, nor the walk-down delay); returns the last service end (0 for no groups). Landing times
    /// go to <paramref name="arrivals"/> when given. Earliest landing is optimal for a given order: earlier arrivals
    /// never delay a first-come-first-served start, so they never delay the room a later group waits for.
    /// </summary>
    public long Run(SiteSpec site, IReadOnlyList<CallGroup> groups, long[]? arrivals = null)
    {
        Reset(site.Stations, site.QueueCapacity);
        var lastArrival = site.WalkDown.BclCompatibleTicks;
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var arrival = Math.Max(lastArrival, ServeUntilAtMost(site.QueueCapacity - group.People));
            foreach (var h in group.Households)
            {
                Arrive(arrival, h);
            }

            lastArrival = arrival;
            if (arrivals is not null)
            {
                arrivals[g] = arrival;
            }
        }

        return Math.Max(0, ServeAll());
    }

    public void Arrive(long at, HouseholdLoad household)
    {
        Push(at, _assisted, household.Assisted);
        Push(at, _typed, household.Typed);
        Push(at, _qr, household.QrCode);
    }

    private void Push(long at, long service, int people)
    {
        for (var i = 0; i < people; i++)
        {
            Debug.Assert(_count < _capacity, "the planner never lets the queue exceed its capacity");
            if (_count == _arrival.Length)
            {
                Grow();
            }

            var slot = (_head + _count) % _arrival.Length;
            _arrival[slot] = at;
            _service[slot] = service;
            _count++;
        }
    }

    // Doubles the waiting line (at least 16, at most the capacity), keeping the people waiting in their order.
    private void Grow()
    {
        var size = (int)Math.Min(Math.Max(16L, 2L * _arrival.Length), Math.Max(_capacity, _count + 1L));
        var arrival = new long[size];
        var service = new long[size];
        for (var i = 0; i < _count; i++)
        {
            var slot = (_head + i) % _arrival.Length;
            arrival[i] = _arrival[slot];
            service[i] = _service[slot];
        }

        (_arrival, _service, _head) = (arrival, service, 0);
    }

    private long StartNext()
    {
        var best = 0;
        for (var s = 1; s < _free.Length; s++)
        {
            if (_free[s] < _free[best])
            {
                best = s;
            }
        }

        var start = Math.Max(_free[best], _arrival[_head]);
        _free[best] = start + _service[_head];
        Trace?.Add((_arrival[_head], start, start + _service[_head], best));
        _head = (_head + 1) % _arrival.Length;
        _count--;
        return start;
    }
}
