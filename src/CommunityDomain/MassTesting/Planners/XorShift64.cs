namespace CommunityDomain.MassTesting.Planners;

/// <summary>
/// The household searches' fixed-seed generator (xorshift64): the same problem always gives the same plan, and a draw
/// costs no allocation. Mutable: keep it in a non-readonly field.
/// </summary>
internal struct XorShift64(ulong seed)
{
    private ulong _state = seed | 1;

    /// <summary>A draw in [0, <paramref name="bound"/>); <paramref name="bound"/> must be positive.</summary>
    public int Next(int bound)
    {
        _state ^= _state << 13;
        _state ^= _state >> 7;
        _state ^= _state << 17;
        return (int)(_state % (ulong)bound);
    }
}
