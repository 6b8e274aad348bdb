namespace Botcadence.ReferenceServer.Storage;

/// <summary>An item that belongs to one organization, ordered by a store-wide sequence.</summary>
internal interface IOrganizationScoped
{
    string Id { get; }

    string OrganizationId { get; }

    long Sequence { get; }
}

/// <summary>
/// Items per organization. Thread-safe; another organization's id is simply not found. An organization's seed items
/// (<see cref="Seed"/>) are added the first time the store sees the organization, so every new tenant starts with them.
/// </summary>
internal abstract class OrganizationScopedStore<T>
    where T : class, IOrganizationScoped
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, T> byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> seeded = new(StringComparer.Ordinal);
    // Seed items number below every other item, so an organization's seeds are always its oldest items even when the
    // first thing that touches the organization is an Add whose sequence was taken before the seeding ran.
    private long sequence = 1_000_000_000;
    private long seedSequence;

    public long NextSequence() => Interlocked.Increment(ref sequence);

    /// <summary>The sequence for an item yielded by <see cref="Seed"/>.</summary>
    protected long NextSeedSequence() => Interlocked.Increment(ref seedSequence);

    public T Add(T item)
    {
        lock (gate)
        {
            EnsureSeeded(item.OrganizationId);
            byId.Add(item.Id, item);
        }

        return item;
    }

    public T? Get(string organizationId, string id)
    {
        lock (gate)
        {
            EnsureSeeded(organizationId);
            return byId.TryGetValue(id, out var item) && item.OrganizationId == organizationId ? item : null;
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<T> List(string organizationId, Func<T, bool>? filter = null)
    {
        lock (gate)
        {
            EnsureSeeded(organizationId);
            return byId.Values
                .Where(i => i.OrganizationId == organizationId && (filter is null || filter(i)))
                .OrderByDescending(i => i.Sequence)
                .ToList();
        }
    }

    /// <summary>Atomically replaces an item with <paramref name="update"/>'s result; null if not found.</summary>
    public T? Update(string organizationId, string id, Func<T, T> update)
    {
        lock (gate)
        {
            EnsureSeeded(organizationId);
            if (!byId.TryGetValue(id, out var current) || current.OrganizationId != organizationId)
            {
                return null;
            }

            var updated = update(current);
            byId[id] = updated;
            return updated;
        }
    }

    public bool Delete(string organizationId, string id)
    {
        lock (gate)
        {
            return byId.TryGetValue(id, out var current) && current.OrganizationId == organizationId && byId.Remove(id);
        }
    }

    /// <summary>The items every organization starts with (none by default). Called once per organization, under the lock.</summary>
    protected virtual IEnumerable<T> Seed(string organizationId) => [];

    private void EnsureSeeded(string organizationId)
    {
        if (seeded.Add(organizationId))
        {
            foreach (var item in Seed(organizationId))
            {
                byId.Add(item.Id, item);
            }
        }
    }
}
