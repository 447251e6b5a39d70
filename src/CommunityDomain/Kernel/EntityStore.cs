using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CommunityDomain.Kernel;

/// <summary>
/// Entities of one type kept in id order, where ids are 1, 2, 3... in creation order: lookup is an index,
/// enumeration is id order, and the next id is the count plus one.
/// </summary>
internal sealed class EntityStore<TEntity> : IReadOnlyList<TEntity>
    where TEntity : class
{
    private readonly List<TEntity> _items = [];

    public int Count => _items.Count;

    public Id<TEntity> NextId => new(_items.Count + 1);

    public TEntity this[int index] => _items[index];

    public TEntity this[Id<TEntity> id] => _items[id.Value - 1];

    public void Add(Id<TEntity> id, TEntity entity)
    {
        if (id.Value != _items.Count + 1)
        {
            throw new ArgumentException($"Ids must be consecutive from 1; expected {_items.Count + 1}.", nameof(id));
        }

        _items.Add(entity);
    }

    public bool TryGetValue(Id<TEntity> id, [NotNullWhen(true)] out TEntity? entity)
    {
        if (id.Value >= 1 && id.Value <= _items.Count)
        {
            entity = _items[id.Value - 1];
            return true;
        }

        entity = null;
        return false;
    }

    public bool Contains(Id<TEntity> id) => id.Value >= 1 && id.Value <= _items.Count;

    public IEnumerator<TEntity> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
