using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.ApiKeys;

/// <summary>An API key (or a session token), as stored: a snapshot; the store replaces records, never mutates them.</summary>
internal sealed record ApiKey(
    string Id,
    string Key,
    string OrganizationId,
    string Name,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public static readonly IReadOnlyList<string> ResourceModes = ["ALL", "SELECTED"];

    /// <summary>ALL, or SELECTED (a subset of templates and folders; seed 002).</summary>
    public string ResourceMode { get; init; } = "ALL";

    /// <summary>Creation order: newest-first lists sort on it (timestamps tie within a millisecond).</summary>
    public long Sequence { get; init; }

    /// <summary>True for a session token (<c>sess_…</c>): it holds every scope and alone may manage API keys.</summary>
    public bool IsSession { get; init; }

    /// <summary>The wire shape; the plain key only on creation.</summary>
    public JsonObject ToJson(bool includePlainKey)
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
        };
        if (includePlainKey)
        {
            json["plain_key"] = Key;
        }

        json["key_prefix"] = Key[..Math.Min(8, Key.Length)] + "..." + Key[^4..];
        json["scopes"] = new JsonArray([.. Scopes.Select(s => (JsonNode)s)]);
        json["resource_mode"] = ResourceMode;
        json["expires_at"] = JsonResponse.Time(ExpiresAt);
        json["created_at"] = JsonResponse.Time(CreatedAt);
        return json;
    }
}
