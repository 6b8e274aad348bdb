using System.Collections.Concurrent;
using Botcadence.ReferenceServer.Organizations;

namespace Botcadence.ReferenceServer.ApiKeys;

/// <summary>
/// Session tokens (<c>sess_…</c>): what the dashboard authenticates with. A session acts for one organization, holds
/// every scope, and is the only credential the API-key endpoints accept. Thread-safe.
/// </summary>
internal sealed class SessionStore(OrganizationStore organizations, ServerClock clock)
{
    private readonly ConcurrentDictionary<string, ApiKey> _byToken = new(StringComparer.Ordinal);

    public string Create(string organizationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        if (organizations.Get(organizationId) is null)
        {
            throw new KeyNotFoundException($"Organization {organizationId} does not exist.");
        }

        var token = "sess_" + Ids.Hex(24);
        _byToken[token] = new ApiKey(Ids.New("sess"), token, organizationId, "session", [Scopes.All], null, clock.UtcNow, null)
        {
            IsSession = true,
        };
        return token;
    }

    /// <summary>The session as a caller credential, or null.</summary>
    public ApiKey? Find(string token) => _byToken.GetValueOrDefault(token);
}
