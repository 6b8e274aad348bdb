namespace Botcadence.ReferenceServer;

/// <summary>An agent created with <see cref="ReferenceServer.AddAgent"/>.</summary>
/// <param name="Id">The agent id (<c>agt_…</c>).</param>
/// <param name="OrganizationId">The organization.</param>
/// <param name="Name">Display name.</param>
/// <param name="Status">online, offline or busy.</param>
public sealed record AgentInfo(string Id, string OrganizationId, string Name, string Status);
