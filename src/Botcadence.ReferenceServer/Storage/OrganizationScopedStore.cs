namespace Botcadence.ReferenceServer.Storage;

/// <summary>
/// Items per organization: the one store every resource builds on. Thread-safe; another organization's id is simply
/// not found. An organization's seed items (<see cref="Seed"/>) are added the first time the store sees the
/// organization, so every new tenant starts with them.
/// </summary>
/// <param name="resourceName">The resource's name in a 404 message, e.g. <c>Workflow</c> ("Workflow wf_… was not found.").</param>
internal abstract class OrganizationScopedStore<T>(string resourceName)
    where T : class, IOrganizationScoped
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, T> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seeded = new(StringComparer.Ordinal);
    // Seed items number below every other item, so an organization's seeds are always its oldest items even when the
    // first thing that touches the organization is an Add whose sequence was taken before the seeding ran.
    private long _sequence = 1_000_000_000;
    private long _seedSequence;

    /// <summary>The resource's name in a 404 message.</summary>
    public string ResourceName { get; } = resourceName;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>The sequence for an item yielded by <see cref="Seed"/>.</summary>
    protected long NextSeedSequence() => Interlocked.Increment(ref _seedSequence);

    public T Add(T item)
    {
        lock (_gate)
        {
            EnsureSeeded(item.OrganizationId);
            _byId.Add(item.Id, item);
        }

        return item;
    }

    public T? Get(string organizationId, string id)
    {
        lock (_gate)
        {
            EnsureSeeded(organizationId);
            return _byId.TryGetValue(id, out var item) && item.OrganizationId == organizationId ? item : null;
        }
    }

    /// <summary>The item, or 404 NOT_FOUND naming it.</summary>
    public T Require(string organizationId, string id) => Get(organizationId, id) ?? throw NotFound(id);

    /// <summary>An item by id alone, in any organization (for URLs that carry no organization, such as inbound trigger webhooks).</summary>
    public T? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<T> List(string organizationId, Func<T, bool>? filter = null)
    {
        lock (_gate)
        {
            EnsureSeeded(organizationId);
            return _byId.Values
                .Where(i => i.OrganizationId == organizationId && (filter is null || filter(i)))
                .OrderByDescending(i => i.Sequence)
                .ToList();
        }
    }

    /// <summary>Atomically replaces an item with <paramref name="update"/>'s result; null if not found.</summary>
    public T? Update(string organizationId, string id, Func<T, T> update)
    {
        lock (_gate)
        {
            EnsureSeeded(organizationId);
            if (!_byId.TryGetValue(id, out var current) || current.OrganizationId != organizationId)
            {
                return null;
            }

            var updated = update(current);
            _byId[id] = updated;
            return updated;
        }
    }

    /// <summary>Atomically replaces an item with <paramref name="update"/>'s result, or 404 NOT_FOUND naming it.</summary>
    public T RequireUpdate(string organizationId, string id, Func<T, T> update) =>
        Update(organizationId, id, update) ?? throw NotFound(id);

    public bool Delete(string organizationId, string id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var current) && current.OrganizationId == organizationId && _byId.Remove(id);
        }
    }

    /// <summary>Deletes an item, or 404 NOT_FOUND naming it.</summary>
    public void RequireDelete(string organizationId, string id)
    {
        if (!Delete(organizationId, id))
        {
            throw NotFound(id);
        }
    }

    /// <summary>The items every organization starts with (none by default). Called once per organization, under the lock.</summary>
    protected virtual IEnumerable<T> Seed(string organizationId) => [];

    private ApiException NotFound(string id) => ApiException.NotFound(ResourceName, id);

    private void EnsureSeeded(string organizationId)
    {
        if (_seeded.Add(organizationId))
        {
            foreach (var item in Seed(organizationId))
            {
                _byId.Add(item.Id, item);
            }
        }
    }
}
