namespace Botcadence.ReferenceServer;

/// <summary>A data source created with <see cref="ReferenceServer.CreateDataSource"/>.</summary>
/// <param name="Id">The data source id (<c>ds_…</c>).</param>
/// <param name="OrganizationId">The organization.</param>
/// <param name="Name">Display name.</param>
public sealed record DataSourceInfo(string Id, string OrganizationId, string Name);
