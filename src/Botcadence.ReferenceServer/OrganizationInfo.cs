namespace Botcadence.ReferenceServer;

/// <summary>An organization (tenant) of the reference server.</summary>
/// <param name="Id">The organization id, e.g. <c>org_default</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Plan">The plan: free, starter, pro, business or enterprise.</param>
public sealed record OrganizationInfo(string Id, string Name, string Plan);
