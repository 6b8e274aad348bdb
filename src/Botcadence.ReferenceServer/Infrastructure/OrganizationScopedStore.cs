namespace Botcadence.ReferenceServer.Infrastructure;

/// <summary>An item kept per organization, ordered by a monotonically increasing sequence.</summary>
internal interface IOrganizationScoped
{
    string Id { get; }

    string OrganizationId { get; }

    long Sequence { get; }
}

/// <summary>
/// A thread-safe, organization-scoped in-memory collection (the pattern of <c>WorkflowStore</c>): another
/// organization's id is simply not found.
/// </summary>
internal class OrganizationScopedStore<T>
    where T : class, IOrganizationScoped
{
    private readonly Dictionary<string, T> byId = new(StringComparer.Ordinal);
    private long sequence;

    protected Lock Gate { get; } = new();

    public long NextSequence() => Interlocked.Increment(ref sequence);

    public void Add(T item)
    {
        lock (Gate)
        {
            byId.Add(item.Id, item);
        }
    }

    public T? Get(string organizationId, string id)
    {
        lock (Gate)
        {
            return byId.TryGetValue(id, out var item) && item.OrganizationId == organizationId ? item : null;
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<T> List(string organizationId, Func<T, bool> filter)
    {
        lock (Gate)
        {
            return byId.Values
                .Where(i => i.OrganizationId == organizationId && filter(i))
                .OrderByDescending(i => i.Sequence)
                .ToList();
        }
    }

    /// <summary>Atomically replaces an item with <paramref name="update"/>'s result (which may throw to refuse); null if not found.</summary>
    public T? Update(string organizationId, string id, Func<T, T> update)
    {
        lock (Gate)
        {
            if (!byId.TryGetValue(id, out var current) || current.OrganizationId != organizationId)
            {
                return null;
            }

            var updated = update(current);
            byId[id] = updated;
            return updated;
        }
    }

    public bool Remove(string organizationId, string id)
    {
        lock (Gate)
        {
            return byId.TryGetValue(id, out var current) && current.OrganizationId == organizationId && byId.Remove(id);
        }
    }
}
