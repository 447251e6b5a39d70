namespace CommunityDomain.Passes;

/// <summary>RFC 4648 base 32 without padding: upper-case letters and digits 2-7, all in QR alphanumeric mode.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[((data.Length * 8) + 4) / 5];
        int buffer = 0, bits = 0, at = 0;
        foreach (var b in data)
        {
            buffer = ((buffer << 8) | b) & 0xFFFF;
            bits += 8;
            while (bits >= 5)
            {
                chars[at++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[at++] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars, 0, at);
    }

    /// <summary>Decodes into <paramref name="into"/>; false on a bad character, a wrong length or non-zero padding bits.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> into)
    {
        if (text.Length != ((into.Length * 8) + 4) / 5)
        {
            return false;
        }

        int buffer = 0, bits = 0, at = 0;
        foreach (var c in text)
        {
            var v = c switch
            {
                >= 'A' and <= 'Z' => c - 'A',
                >= '2' and <= '7' => c - '2' + 26,
                _ => -1,
            };
            if (v < 0)
            {
                return false;
            }

            buffer = ((buffer << 5) | v) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                into[at++] = unchecked((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        // Leftover bits must be zero, so every byte string has exactly one code.
        return (buffer & ((1 << bits) - 1)) == 0;
    }
}
