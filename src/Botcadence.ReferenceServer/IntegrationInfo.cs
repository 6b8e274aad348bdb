namespace Botcadence.ReferenceServer;

/// <summary>An integration created with <see cref="ReferenceServer.AddIntegration"/>.</summary>
/// <param name="Id">The integration id (<c>intg_…</c>).</param>
/// <param name="OrganizationId">The organization.</param>
/// <param name="Provider">The provider key.</param>
/// <param name="Status">connected, error or disconnected.</param>
public sealed record IntegrationInfo(string Id, string OrganizationId, string Provider, string Status);
