namespace Botcadence.ReferenceServer;

/// <summary>A column for <see cref="ReferenceServer.CreateDataSource"/>.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">text, number, boolean or date.</param>
/// <param name="Required">Whether every record must have a value.</param>
public sealed record DataSourceColumnInfo(string Name, string Type, bool Required = false);
