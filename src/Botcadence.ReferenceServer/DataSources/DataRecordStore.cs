namespace Botcadence.ReferenceServer.DataSources;

/// <summary>Records of every data source.</summary>
internal sealed class DataRecordStore() : OrganizationScopedStore<DataRecord>("Record");
