using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>A member of the organization. Use the id to assign runs and tasks.</summary>
public sealed class User : BotCadenceResult
{
    /// <summary>The user's id (opaque, e.g. <c>usr_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The display name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The e-mail address.</summary>
    [JsonInclude] public string Email { get; internal set; } = string.Empty;

    /// <summary>The role in the organization.</summary>
    [JsonInclude] public UserRole Role { get; internal set; }

    /// <summary>When the member joined.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }
}

/// <summary>Filters for listing members.</summary>
public sealed class UserListOptions
{
    /// <summary>Only members with this role.</summary>
    public UserRole? Role { get; set; }

    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}
