namespace CommunityDomain.Passes;

/// <summary>
/// The low-s rule for P-256 signatures in IEEE P1363 form (r then s, 32 bytes each, big-endian).
/// </summary>
/// <remarks>
/// ECDSA is malleable: if (r, s) verifies, so does (r, n - s). Accepting only s &lt;= n/2 gives every pass
/// exactly one valid code, so a copied code cannot be turned into a second, different-looking one. Signing
/// normalises to the low form; verifying refuses the high form before any key is used.
/// </remarks>
internal static class LowS
{
    internal const int ScalarLength = 32;

    // The order n of the P-256 group (SEC 2, section 2.4.2), big-endian.
    private static ReadOnlySpan<byte> Order =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
    ];

    // floor(n / 2), big-endian.
    private static ReadOnlySpan<byte> HalfOrder =>
    [
        0x7F, 0xFF, 0xFF, 0xFF, 0x80, 0x00, 0x00, 0x00, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xDE, 0x73, 0x7D, 0x56, 0xD3, 0x8B, 0xCF, 0x42, 0x79, 0xDC, 0xE5, 0x61, 0x7E, 0x31, 0x92, 0xA8,
    ];

    /// <summary>True when the signature is 64 bytes and its s is at most n/2.</summary>
    internal static bool IsLow(ReadOnlySpan<byte> signature) =>
        signature.Length == 2 * ScalarLength && signature[ScalarLength..].SequenceCompareTo(HalfOrder) <= 0;

    /// <summary>Replaces a high s by n - s in place (the same signature's twin); a low s is left as it is.</summary>
    internal static void Normalise(Span<byte> signature)
    {
        if (IsLow(signature))
        {
            return;
        }

        var s = signature[ScalarLength..];
        var borrow = 0;
        for (var i = ScalarLength - 1; i >= 0; i--)
        {
            var difference = Order[i] - s[i] - borrow;
            borrow = difference < 0 ? 1 : 0;
            s[i] = (byte)(difference + (borrow << 8));
        }
    }
}
