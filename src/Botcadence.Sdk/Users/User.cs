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
}
