using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace CityHost;

/// <summary>
/// The city's grain storage, standing in for the database of a real deployment: one row per grain state
/// with an ETag, shared by every silo and outliving them. Rows are serialized bytes, never live objects,
/// so a grain only gets back what was written.
/// </summary>
/// <remarks>
/// Orleans' own in-memory provider (<c>AddMemoryGrainStorage</c>) keeps state in storage grains on the
/// silos themselves, so it loses the state of every grain whose storage grain was on a lost silo: right
/// for unit tests, wrong for a test of losing a silo. A real city uses a provider whose data outlives
/// the silos, e.g. Microsoft.Orleans.Persistence.AdoNet (PostgreSQL, SQL Server, MySQL), .AzureStorage or
/// .Redis, with the same ETag semantics as here.
/// </remarks>
public sealed class CityStore
{
    /// <summary>The provider name grains use in <c>[PersistentState(..., CityStore.Name)]</c>.</summary>
    public const string Name = "city";

    private readonly ConcurrentDictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _version;

    /// <summary>Rows stored.</summary>
    public int Count => _rows.Count;

    /// <summary>Bytes stored over all rows.</summary>
    public long Bytes => _rows.Values.Sum(r => (long)r.Data.Length);

    /// <summary>Writes that were refused because the caller's ETag was stale.</summary>
    public int Conflicts { get; private set; }

    internal bool TryRead(string key, out Row row) => _rows.TryGetValue(key, out row!);

    /// <summary>Reads a grain's stored state straight from its row, without the grain: null when there is no row.</summary>
    /// <param name="serializer">An Orleans serializer that knows <typeparamref name="T"/>.</param>
    /// <param name="grain">The grain.</param>
    /// <param name="stateName">The state's name in <c>[PersistentState(name, ...)]</c>.</param>
    public T? Peek<T>(Serializer serializer, GrainId grain, string stateName)
        where T : class =>
        _rows.TryGetValue(CityGrainStorage.Key(stateName, grain), out var row) ? serializer.Deserialize<T>(row.Data) : null;

    /// <summary>Replaces a row if <paramref name="expectedETag"/> is the stored one (null: no row yet); returns the new ETag.</summary>
    internal string Write(string key, string? expectedETag, byte[]? data)
    {
        lock (_gate)
        {
            _rows.TryGetValue(key, out var current);
            if (!string.Equals(current?.ETag, expectedETag, StringComparison.Ordinal))
            {
                Conflicts++;
                throw new InconsistentStateException($"The stored state of {key} changed since it was read.", current?.ETag, expectedETag);
            }

            var etag = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (data is null)
            {
                _rows.TryRemove(key, out _);
            }
            else
            {
                _rows[key] = new Row(data, etag);
            }

            return etag;
        }
    }

    internal sealed record Row(byte[] Data, string ETag);
}

/// <summary>The <see cref="IGrainStorage"/> over the <see cref="CityStore"/>, with Orleans' own serializer.</summary>
/// <param name="store">The shared store.</param>
/// <param name="serializer">The silo's serializer.</param>
public sealed class CityGrainStorage(CityStore store, Serializer serializer) : IGrainStorage
{
    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (store.TryRead(Key(stateName, grainId), out var row))
        {
            grainState.State = serializer.Deserialize<T>(row.Data);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = store.Write(Key(stateName, grainId), grainState.ETag, serializer.SerializeToArray(grainState.State));
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        store.Write(Key(stateName, grainId), grainState.ETag, null);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    internal static string Key(string stateName, GrainId grainId) => $"{grainId}/{stateName}";
}
