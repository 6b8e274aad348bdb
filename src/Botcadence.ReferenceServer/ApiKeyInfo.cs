namespace Botcadence.ReferenceServer;

/// <summary>An API key of the reference server.</summary>
/// <param name="Id">The key's id (<c>key_…</c>), used to revoke it.</param>
/// <param name="Key">The secret value to send as <c>Authorization: Bearer</c>.</param>
/// <param name="OrganizationId">The organization the key acts for.</param>
/// <param name="Scopes">The scopes granted; <c>*</c> means all.</param>
/// <param name="ExpiresAt">When the key expires, or null.</param>
public sealed record ApiKeyInfo(string Id, string Key, string OrganizationId, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt);
