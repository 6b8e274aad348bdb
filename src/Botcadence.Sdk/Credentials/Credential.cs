using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>A stored secret. Its value is write-only: the service never returns it.</summary>
public sealed class Credential : BotCadenceResult
{
    /// <summary>The credential's id (opaque, e.g. <c>cred_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The display name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The kind of secret.</summary>
    [JsonInclude] public CredentialType Type { get; internal set; }

    /// <summary>When it was created.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }
}

/// <summary>A new credential. <see cref="ToString"/> never shows <see cref="Value"/>.</summary>
public sealed class CredentialCreateOptions
{
    /// <summary>The display name (required, 1–200 characters).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The kind of secret (required).</summary>
    public CredentialType Type { get; set; } = CredentialType.ApiKey;

    /// <summary>The secret itself (required). Sent once; it can never be read back.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>Describes the options without the secret.</summary>
    /// <returns>The name and type.</returns>
    public override string ToString() => $"Credential '{Name}' ({Type}), value hidden";
}

/// <summary>Filters for listing credentials.</summary>
public sealed class CredentialListOptions
{
    /// <summary>Only credentials of this type.</summary>
    public CredentialType? Type { get; set; }

    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}
