
namespace Botcadence.ReferenceServer.Organizations;

/// <summary>An organization (tenant).</summary>
internal sealed record Organization(string Id, string Name, string Plan, int? RateLimitPerMinute, DateTimeOffset CreatedAt);

/// <summary>An API key, as stored (a snapshot: the store replaces records, never mutates them).</summary>
internal sealed record ApiKeyRecord(
    string Id,
    string Key,
    string OrganizationId,
    string Name,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>ALL, or SELECTED (a subset of templates and folders; seed 002).</summary>
    public string ResourceMode { get; init; } = "ALL";

    /// <summary>Creation order: newest-first lists sort on it (timestamps tie within a millisecond).</summary>
    public long Sequence { get; init; }

    /// <summary>True for a session token (<c>sess_…</c>): it holds every scope and alone may manage API keys.</summary>
    public bool IsSession { get; init; }
}

/// <summary>Organizations and their API keys. Thread-safe.</summary>
internal sealed class OrganizationStore(ServerClock clock)
{
    public const string DefaultOrganizationId = "org_default";

    private readonly Lock gate = new();
    private long keySequence;
    private readonly Dictionary<string, Organization> organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApiKeyRecord> keysById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> keyIdsByValue = new(StringComparer.Ordinal);

    public Organization CreateOrganization(string name, string plan, int? rateLimitPerMinute, string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(plan);
        if (!Plans.All.Contains(plan))
        {
            throw new ArgumentException($"Unknown plan '{plan}'. Known plans: {string.Join(", ", Plans.All)}.", nameof(plan));
        }

        if (rateLimitPerMinute is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rateLimitPerMinute), "The rate limit must be positive.");
        }

        var org = new Organization(id ?? Ids.New("org"), name, plan, rateLimitPerMinute, clock.UtcNow);
        lock (gate)
        {
            if (!organizations.TryAdd(org.Id, org))
            {
                throw new InvalidOperationException($"Organization {org.Id} already exists.");
            }
        }

        return org;
    }

    public Organization? Get(string organizationId)
    {
        lock (gate)
        {
            return organizations.GetValueOrDefault(organizationId);
        }
    }

    public ApiKeyRecord CreateApiKey(string organizationId, IEnumerable<string>? scopes, DateTimeOffset? expiresAt, string name, string? keyValue = null, string resourceMode = "ALL")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        ArgumentNullException.ThrowIfNull(name);
        var scopeList = scopes is null ? [Security.Scopes.All] : scopes.ToArray();
        foreach (var scope in scopeList)
        {
            if (!Security.Scopes.IsKnown(scope))
            {
                throw new ArgumentException($"Unknown scope '{scope}'.", nameof(scopes));
            }
        }

        if (keyValue is not null && string.IsNullOrWhiteSpace(keyValue))
        {
            throw new ArgumentException("The key value must not be blank.", nameof(keyValue));
        }

        var record = new ApiKeyRecord(Ids.New("key"), keyValue ?? Ids.ApiKey(), organizationId, name, scopeList, expiresAt, clock.UtcNow, null)
        {
            ResourceMode = resourceMode,
            Sequence = Interlocked.Increment(ref keySequence),
        };
        lock (gate)
        {
            if (!organizations.ContainsKey(organizationId))
            {
                throw new KeyNotFoundException($"Organization {organizationId} does not exist.");
            }

            if (!keyIdsByValue.TryAdd(record.Key, record.Id))
            {
                throw new InvalidOperationException("An API key with this value already exists.");
            }

            keysById.Add(record.Id, record);
        }

        return record;
    }

    public void Revoke(string keyId)
    {
        lock (gate)
        {
            if (!keysById.TryGetValue(keyId, out var record))
            {
                throw new KeyNotFoundException($"API key {keyId} does not exist.");
            }

            if (record.RevokedAt is null)
            {
                keysById[keyId] = record with { RevokedAt = clock.UtcNow };
            }
        }
    }

    public ApiKeyRecord? FindKey(string keyValue)
    {
        lock (gate)
        {
            return keyIdsByValue.TryGetValue(keyValue, out var id) ? keysById[id] : null;
        }
    }

    /// <summary>The organization's keys that are not revoked, newest first.</summary>
    public IReadOnlyList<ApiKeyRecord> ListActiveKeys(string organizationId)
    {
        lock (gate)
        {
            return keysById.Values.Where(k => k.OrganizationId == organizationId && k.RevokedAt is null)
                .OrderByDescending(k => k.Sequence).ToList();
        }
    }

    /// <summary>A key of the organization by id (revoked or not); null for another organization's key.</summary>
    public ApiKeyRecord? GetKey(string organizationId, string keyId)
    {
        lock (gate)
        {
            return keysById.TryGetValue(keyId, out var key) && key.OrganizationId == organizationId ? key : null;
        }
    }
}
