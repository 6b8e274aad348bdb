namespace Botcadence.ReferenceServer.DataSources;

/// <summary>Data sources per organization; every organization starts with "Customers" and "Products".</summary>
internal sealed class DataSourceStore(ServerClock clock) : OrganizationScopedStore<DataSource>("Data source")
{
    public DataSource Create(string organizationId, string name, string? description, IReadOnlyList<DataSourceColumn> columns) =>
        Add(new DataSource(Ids.New("ds"), organizationId, NextSequence(), name, description, columns, clock.UtcNow));

    protected override IEnumerable<DataSource> Seed(string organizationId)
    {
        var now = clock.UtcNow;
        yield return new DataSource(Ids.New("ds"), organizationId, NextSeedSequence(), "Products", "The product catalogue.",
        [
            new("sku", "text", true), new("price", "number", true), new("in_stock", "boolean", false),
        ], now);
        yield return new DataSource(Ids.New("ds"), organizationId, NextSeedSequence(), "Customers", "Customers and their lifetime value.",
        [
            new("name", "text", true), new("email", "text", true), new("lifetime_value", "number", false),
            new("active", "boolean", false), new("signed_up", "date", false),
        ], now);
    }
}
