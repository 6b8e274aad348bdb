using Botcadence.ReferenceServer.Organizations;

namespace Botcadence.ReferenceServer.ApiKeys;

/// <summary>
/// The API keys of every organization, found by their secret value (authentication) or by id within an organization
/// (management). Thread-safe.
/// </summary>
internal sealed class ApiKeyStore(OrganizationStore organizations, ServerClock clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ApiKey> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idsByValue = new(StringComparer.Ordinal);
    private long _sequence;

    public ApiKey Create(string organizationId, IEnumerable<string>? scopes, DateTimeOffset? expiresAt, string name, string? keyValue = null, string resourceMode = "ALL")
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

        if (organizations.Get(organizationId) is null)
        {
            throw new KeyNotFoundException($"Organization {organizationId} does not exist.");
        }

        var record = new ApiKey(Ids.New("key"), keyValue ?? Ids.ApiKey(), organizationId, name, scopeList, expiresAt, clock.UtcNow, null)
        {
            ResourceMode = resourceMode,
            Sequence = Interlocked.Increment(ref _sequence),
        };
        lock (_gate)
        {
            if (!_idsByValue.TryAdd(record.Key, record.Id))
            {
                throw new InvalidOperationException("An API key with this value already exists.");
            }

            _byId.Add(record.Id, record);
        }

        return record;
    }

    public void Revoke(string keyId)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(keyId, out var record))
            {
                throw new KeyNotFoundException($"API key {keyId} does not exist.");
            }

            if (record.RevokedAt is null)
            {
                _byId[keyId] = record with { RevokedAt = clock.UtcNow };
            }
        }
    }

    /// <summary>The key with this secret value (revoked or not), or null.</summary>
    public ApiKey? FindByValue(string keyValue)
    {
        lock (_gate)
        {
            return _idsByValue.TryGetValue(keyValue, out var id) ? _byId[id] : null;
        }
    }

    /// <summary>The organization's keys that are not revoked, newest first.</summary>
    public IReadOnlyList<ApiKey> ListActive(string organizationId)
    {
        lock (_gate)
        {
            return _byId.Values.Where(k => k.OrganizationId == organizationId && k.RevokedAt is null)
                .OrderByDescending(k => k.Sequence).ToList();
        }
    }

    /// <summary>A key of the organization by id (revoked or not); null for another organization's key.</summary>
    public ApiKey? Get(string organizationId, string keyId)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(keyId, out var key) && key.OrganizationId == organizationId ? key : null;
        }
    }
}
