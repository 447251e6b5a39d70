namespace CommunityDomain.Supplies.Delivery;

// A max segment tree over the rooms of runs in opening order that grows by doubling: finds the first run at or after
// a position whose room is at least a load, in O(log runs). A removed run has room -1.
internal sealed class RoomTree
{
    private long[] _max = [long.MinValue, long.MinValue];
    private int _leaves = 1;

    public int Count { get; private set; }

    public void Add(long room)
    {
        if (Count == _leaves)
        {
            var old = _max;
            _leaves *= 2;
            _max = new long[2 * _leaves];
            Array.Fill(_max, long.MinValue);
            Array.Copy(old, old.Length / 2, _max, _leaves, old.Length / 2);
            for (var i = _leaves - 1; i >= 1; i--)
            {
                _max[i] = Math.Max(_max[2 * i], _max[(2 * i) + 1]);
            }
        }

        Count++;
        Set(Count - 1, room);
    }

    public void Set(int slot, long room)
    {
        var i = slot + _leaves;
        _max[i] = room;
        for (i /= 2; i >= 1; i /= 2)
        {
            _max[i] = Math.Max(_max[2 * i], _max[(2 * i) + 1]);
        }
    }

    public int FindFirst(int from, long atLeast) => from >= Count ? -1 : Find(1, 0, _leaves, from, atLeast);

    private int Find(int node, int low, int high, int from, long atLeast)
    {
        if (high <= from || _max[node] < atLeast)
        {
            return -1;
        }

        if (high - low == 1)
        {
            return low < Count ? low : -1;
        }

        var middle = (low + high) / 2;
        var left = Find(2 * node, low, middle, from, atLeast);
        return left >= 0 ? left : Find((2 * node) + 1, middle, high, from, atLeast);
    }
}
