using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>An API key of the organization.</summary>
public sealed class ApiKey : BotCadenceResult
{
    /// <summary>The key's id (opaque, e.g. <c>key_…</c>); use it to revoke the key.</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The display name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The full key: set only on the result of <see cref="IApiKeysClient.CreateAsync"/>, and never again. Store it securely.</summary>
    [JsonInclude] public string? PlainKey { get; internal set; }

    /// <summary>A recognisable, harmless form of the key, e.g. <c>sk_test_...a1b2</c>.</summary>
    [JsonInclude] public string? KeyPrefix { get; internal set; }

    /// <summary>The scopes the key holds (<c>*</c> is every scope).</summary>
    [JsonInclude] public IReadOnlyList<string> Scopes { get; internal set; } = [];

    /// <summary>Which resources the key may reach.</summary>
    [JsonInclude] public ApiKeyResourceMode ResourceMode { get; internal set; }

    /// <summary>When it expires, or null.</summary>
    [JsonInclude] public DateTimeOffset? ExpiresAt { get; internal set; }

    /// <summary>When it was created.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }

    /// <summary>Describes the key without its secret.</summary>
    /// <returns>The id, name and prefix.</returns>
    public override string ToString() => $"{Id} '{Name}' ({KeyPrefix})";
}

/// <summary>A new API key.</summary>
public sealed class ApiKeyCreateOptions
{
    /// <summary>The display name (required, 1–200 characters).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The scopes (required, at least one), e.g. <c>runs:read</c>. An unknown scope is 422 UNPROCESSABLE naming <c>scopes[i]</c>.</summary>
    public IList<string> Scopes { get; set; } = [];

    /// <summary>When the key expires (must be in the future); never when null.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Which resources the key may reach; the service defaults to <see cref="ApiKeyResourceMode.All"/>.</summary>
    public ApiKeyResourceMode? ResourceMode { get; set; }
}

/// <summary>Page size for listing API keys.</summary>
public sealed class ApiKeyListOptions
{
    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}
