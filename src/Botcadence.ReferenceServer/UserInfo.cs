namespace Botcadence.ReferenceServer;

/// <summary>A member created with <see cref="ReferenceServer.AddUser"/>.</summary>
/// <param name="Id">The user id (<c>usr_…</c>).</param>
/// <param name="OrganizationId">The organization.</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Role">owner, admin, member or viewer.</param>
public sealed record UserInfo(string Id, string OrganizationId, string Name, string Email, string Role);
