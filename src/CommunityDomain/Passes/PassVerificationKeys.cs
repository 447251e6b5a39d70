using System.Globalization;
using System.Security.Cryptography;

namespace CommunityDomain.Passes;

/// <summary>
/// The public keys a gate device holds, by key id: enough to verify a pass offline, never to sign one.
/// Immutable; build a new set when keys rotate or retire.
/// </summary>
public sealed class PassVerificationKeys
{
    private readonly Dictionary<PassKeyId, ECDsa> _keys;
    private readonly Dictionary<PassKeyId, byte[]> _publicKeys;

    private PassVerificationKeys(Dictionary<PassKeyId, byte[]> publicKeys)
    {
        _publicKeys = publicKeys;
        _keys = [];
        foreach (var (id, spki) in publicKeys)
        {
            var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(spki, out _);
            if (key.KeySize != 256)
            {
                key.Dispose();
                throw new CryptographicException($"{id} is not a P-256 key.");
            }

            _keys[id] = key;
        }
    }

    /// <summary>The key ids held.</summary>
    public IReadOnlyCollection<PassKeyId> Ids => _publicKeys.Keys;

    /// <summary>Builds the set from public keys (SubjectPublicKeyInfo bytes), e.g. shipped to a gate device.</summary>
    /// <param name="keys">Key ids with their public keys.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException">A key id twice or a key that is not P-256.</exception>
    public static PassVerificationKeys From(IEnumerable<(PassKeyId Id, byte[] SubjectPublicKeyInfo)> keys)
    {
        Guard.Against.Null(keys);
        var map = new Dictionary<PassKeyId, byte[]>();
        foreach (var (id, spki) in keys)
        {
            if (id == default || !map.TryAdd(id, [.. Guard.Against.Null(spki)]))
            {
                throw new ArgumentException($"{id} is default or given twice.", nameof(keys));
            }
        }

        try
        {
            return new PassVerificationKeys(map);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("A key is not a SubjectPublicKeyInfo.", nameof(keys), e);
        }
    }

    /// <summary>The public key bytes of one key, to ship to gates.</summary>
    /// <param name="id">The key id.</param>
    /// <returns>The SubjectPublicKeyInfo bytes.</returns>
    /// <exception cref="ArgumentException">An unknown key.</exception>
    public byte[] PublicKey(PassKeyId id) =>
        _publicKeys.TryGetValue(id, out var spki) ? [.. spki] : throw new ArgumentException($"{id} is not held.", nameof(id));

    /// <summary>The key ids held.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"Pass verification keys [{string.Join(", ", _publicKeys.Keys.Order().Select(k => k.Value))}]");

    internal bool TryVerify(PassKeyId id, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, out bool known)
    {
        known = _keys.TryGetValue(id, out var key);

        // Only the low-s form is a valid code: its (r, n - s) twin verifies mathematically but is refused.
        return known && LowS.IsLow(signature) && key!.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
