using System.Buffers.Binary;
using System.Globalization;
using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Passes;

/// <summary>What a pass code says: serial, household id, validity window and maximum time out. No personal data.</summary>
/// <param name="Serial">The pass's serial.</param>
/// <param name="Household">The household's id (an internal number, not a name or address).</param>
/// <param name="ValidFrom">From when the pass may be used (whole minutes).</param>
/// <param name="ValidUntil">Until when it may be used to go out (whole minutes).</param>
/// <param name="MaxTimeOut">How long the holder may stay out (whole minutes).</param>
/// <param name="Key">The id of the key that signed it.</param>
public readonly record struct PassContent(PassSerial Serial, Id<Household> Household, Instant ValidFrom, Instant ValidUntil, Duration MaxTimeOut, PassKeyId Key)
{
    internal const int Length = 19;
    private const byte Version = 1;

    /// <summary>True when the pass may be used to go out at <paramref name="at"/>.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>Whether <paramref name="at"/> is within [ValidFrom, ValidUntil).</returns>
    public bool IsValidAt(Instant at) => at >= ValidFrom && at < ValidUntil;

    /// <summary>The content in one line (ids and times only).</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Serial} for {Household}, {LocalTimeText.Utc(ValidFrom)} to {LocalTimeText.Utc(ValidUntil)}, out at most {MaxTimeOut.TotalMinutes:0} min, {Key}");

    internal void Write(Span<byte> into)
    {
        into[0] = Version;
        BinaryPrimitives.WriteUInt16BigEndian(into[1..], (ushort)Key.Value);
        BinaryPrimitives.WriteInt32BigEndian(into[3..], Serial.Value);
        BinaryPrimitives.WriteInt32BigEndian(into[7..], Household.Value);
        BinaryPrimitives.WriteUInt32BigEndian(into[11..], checked((uint)(ValidFrom.ToUnixTimeSeconds() / 60)));
        BinaryPrimitives.WriteUInt16BigEndian(into[15..], checked((ushort)(ValidUntil - ValidFrom).TotalMinutes));
        BinaryPrimitives.WriteUInt16BigEndian(into[17..], checked((ushort)MaxTimeOut.TotalMinutes));
    }

    internal static PassContent? Read(ReadOnlySpan<byte> from)
    {
        if (from.Length != Length || from[0] != Version)
        {
            return null;
        }

        var key = BinaryPrimitives.ReadUInt16BigEndian(from[1..]);
        var serial = BinaryPrimitives.ReadInt32BigEndian(from[3..]);
        var household = BinaryPrimitives.ReadInt32BigEndian(from[7..]);
        // Reject starts beyond NodaTime's range before building an Instant from them.
        if (key == 0 || serial <= 0 || household <= 0 || BinaryPrimitives.ReadUInt32BigEndian(from[11..]) > 3_000_000_000u)
        {
            return null;
        }

        var start = Instant.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(from[11..]) * 60L);
        return new PassContent(
            new PassSerial(serial),
            new Id<Household>(household),
            start,
            start + Duration.FromMinutes(BinaryPrimitives.ReadUInt16BigEndian(from[15..])),
            Duration.FromMinutes(BinaryPrimitives.ReadUInt16BigEndian(from[17..])),
            new PassKeyId(key));
    }
}
