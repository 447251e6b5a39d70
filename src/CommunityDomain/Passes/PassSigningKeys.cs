using System.Globalization;
using System.Security.Cryptography;

namespace CommunityDomain.Passes;

/// <summary>
/// The issuing office's ECDSA P-256 signing keys by id: one current key signs new passes; older keys stay
/// verifiable until retired. Private key material never leaves this object except through
/// <see cref="ExportPrivateKey"/>, and never appears in <see cref="ToString"/> or in messages.
/// </summary>
public sealed class PassSigningKeys : IDisposable
{
    private readonly SortedDictionary<PassKeyId, ECDsa> _keys = [];
    private readonly HashSet<PassKeyId> _retired = [];

    private PassSigningKeys()
    {
    }

    /// <summary>The key that signs new passes.</summary>
    public PassKeyId Current { get; private set; }

    /// <summary>Keys whose passes still verify (current and not yet retired).</summary>
    public IReadOnlyList<PassKeyId> Active => [.. _keys.Keys.Where(k => !_retired.Contains(k))];

    /// <summary>Creates a key ring with a freshly generated first key.</summary>
    /// <param name="first">The first key's id; not default.</param>
    /// <returns>The key ring.</returns>
    public static PassSigningKeys Generate(PassKeyId first)
    {
        var ring = new PassSigningKeys();
        ring.Add(first, ECDsa.Create(ECCurve.NamedCurves.nistP256));
        return ring;
    }

    /// <summary>Creates a key ring from a stored private key (PKCS#8), which becomes current.</summary>
    /// <param name="id">The key's id; not default.</param>
    /// <param name="pkcs8PrivateKey">The key in PKCS#8 form, from <see cref="ExportPrivateKey"/>.</param>
    /// <returns>The key ring.</returns>
    /// <exception cref="ArgumentException">Not a P-256 private key.</exception>
    public static PassSigningKeys Import(PassKeyId id, ReadOnlySpan<byte> pkcs8PrivateKey)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(pkcs8PrivateKey, out _);
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new ArgumentException("Not a PKCS#8 private key.", nameof(pkcs8PrivateKey), e);
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new ArgumentException("The key must be ECDSA P-256.", nameof(pkcs8PrivateKey));
        }

        var ring = new PassSigningKeys();
        ring.Add(id, key);
        return ring;
    }

    /// <summary>Generates a new key that signs from now on; the previous key stays verifiable until retired.</summary>
    /// <param name="next">The new key's id; not default, not used before.</param>
    /// <exception cref="ArgumentException">A default or already used id.</exception>
    public void Rotate(PassKeyId next)
    {
        if (_keys.ContainsKey(next))
        {
            throw new ArgumentException($"{next} was already used.", nameof(next));
        }

        Add(next, ECDsa.Create(ECCurve.NamedCurves.nistP256));
    }

    /// <summary>Retires a key: gates given fresh <see cref="VerificationKeys"/> reject its passes. The current key cannot be retired.</summary>
    /// <param name="id">The key's id.</param>
    /// <exception cref="ArgumentException">An unknown key or the current key.</exception>
    public void Retire(PassKeyId id)
    {
        if (!_keys.ContainsKey(id) || id == Current)
        {
            throw new ArgumentException($"{id} is unknown or current; rotate before retiring it.", nameof(id));
        }

        _retired.Add(id);
    }

    /// <summary>The public keys of the active keys, to load into gate devices.</summary>
    /// <returns>The verification keys.</returns>
    public PassVerificationKeys VerificationKeys() =>
        PassVerificationKeys.From(Active.Select(k => (k, _keys[k].ExportSubjectPublicKeyInfo())));

    /// <summary>Exports a private key (PKCS#8) for the host's secret store. Handle with care.</summary>
    /// <param name="id">The key's id.</param>
    /// <returns>The key bytes.</returns>
    /// <exception cref="ArgumentException">An unknown key.</exception>
    public byte[] ExportPrivateKey(PassKeyId id) =>
        _keys.TryGetValue(id, out var key) ? key.ExportPkcs8PrivateKey() : throw new ArgumentException($"{id} is unknown.", nameof(id));

    /// <summary>Key ids only: private key material is never shown.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Pass signing keys: current {Current}, active [{string.Join(", ", Active.Select(k => k.Value))}], {_retired.Count} retired (private keys not shown)");

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _keys.Clear();
    }

    internal string Sign(PassContent content)
    {
        Span<byte> bytes = stackalloc byte[PassContent.Length + 64];
        content.Write(bytes);
        var written = _keys[content.Key].SignData(
            bytes[..PassContent.Length], bytes[PassContent.Length..], HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        if (written != 64)
        {
            throw new CryptographicException("Unexpected P-256 signature length.");
        }

        LowS.Normalise(bytes[PassContent.Length..]);
        return Base32.Encode(bytes);
    }

    private void Add(PassKeyId id, ECDsa key)
    {
        if (id == default)
        {
            // Clean-up before the throw: the key was created for this keyring and nobody else will dispose it.
            key.Dispose();
            throw new ArgumentException("The key id is default.", nameof(id));
        }

        _keys.Add(id, key);
        Current = id;
    }
}
