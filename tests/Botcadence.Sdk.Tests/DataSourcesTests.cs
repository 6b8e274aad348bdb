using System.Text.Json.Nodes;
using Botcadence.ReferenceServer;

namespace Botcadence.Sdk.Tests;

/// <summary>Every Data sources operation through the SDK against the in-process reference server.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class DataSourcesTests
{
    private static readonly DataSourceColumnInfo[] Columns =
    [
        new("title", "text", Required: true), new("pages", "number"), new("available", "boolean"), new("published", "date"),
    ];

    [Test]
    public async Task Seeded_data_sources_have_typed_columns()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;

        var sources = await client.DataSources.ListAsync().ToListAsync();

        var customers = sources.Single(d => d.Name == "Customers");
        Assert.That(sources.Select(d => d.Name), Is.EquivalentTo(new[] { "Customers", "Products" }));
        Assert.That(customers.Columns.Select(c => c.Type), Is.EqualTo(new[]
        {
            DataSourceColumnType.Text, DataSourceColumnType.Text, DataSourceColumnType.Number, DataSourceColumnType.Boolean, DataSourceColumnType.Date,
        }));
        Assert.That(customers.Columns.Single(c => c.Name == "email").Required, Is.True);
        Assert.That(customers.RecordCount, Is.Zero);
        Assert.That(customers.Id, Does.StartWith("ds_"));
    }

    [Test]
    public async Task Records_are_created_updated_and_listed_across_three_cursor_pages()
    {
        var (client, org, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var ds = ServerFixture.Server.CreateDataSource(org.Id, "Books", Columns);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var record = await client.DataSources.CreateRecordAsync(ds.Id, new JsonObject { ["title"] = $"Book {i}", ["pages"] = 100 + i, ["available"] = true, ["published"] = "2026-01-0" + (i + 1) }.ToElement());
            ids.Add(record.Id);
        }

        var updated = await client.DataSources.UpdateRecordAsync(ds.Id, ids[0], new JsonObject { ["pages"] = 321, ["available"] = null }.ToElement());

        Assert.That(updated.Values.GetProperty("pages").GetInt32(), Is.EqualTo(321));
        Assert.That(updated.Values.GetProperty("title").GetString(), Is.EqualTo("Book 0"));
        Assert.That(updated.Values.TryGetProperty("available", out _), Is.False, "null removes an optional value");
        Assert.That(updated.DataSourceId, Is.EqualTo(ds.Id));
        Assert.That(updated.UpdatedAt, Is.GreaterThanOrEqualTo(updated.CreatedAt));
        await PagingAssert.ThreePagesAndResumeAsync(client.DataSources.ListRecordsAsync(ds.Id), r => r.Id, Enumerable.Reverse(ids).ToList());
        var onePerPage = await client.DataSources.ListRecordsAsync(ds.Id, new DataSourceRecordListOptions { PageSize = 1 }).AsPages().ToListAsync();
        Assert.That(onePerPage, Has.Count.EqualTo(5));
        Assert.That(onePerPage.All(p => p.TotalCount is null), Is.True, "cursor style has no total");
        var listed = (await client.DataSources.ListAsync().ToListAsync()).Single(d => d.Id == ds.Id);
        Assert.That(listed.RecordCount, Is.EqualTo(5));
    }

    [Test]
    public async Task Data_source_lists_page_across_three_pages()
    {
        var (client, org, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var seeded = (await client.DataSources.ListAsync().ToListAsync()).Select(d => d.Id).ToList();
        var a = ServerFixture.Server.CreateDataSource(org.Id, "A", Columns).Id;
        var b = ServerFixture.Server.CreateDataSource(org.Id, "B", Columns).Id;
        var c = ServerFixture.Server.CreateDataSource(org.Id, "C", Columns).Id;

        await PagingAssert.ThreePagesAndResumeAsync(client.DataSources.ListAsync(), d => d.Id, [c, b, a, .. seeded]);
        Assert.That(await client.DataSources.ListAsync(new DataSourceListOptions { PageSize = 5 }).AsPages().ToListAsync(), Has.Count.EqualTo(1));
    }

    // A value of the wrong JSON type is 400 INVALID_REQUEST; a well-formed but invalid value is 422 VALIDATION_ERROR.
    [TestCase("pages", "\"many\"", "INVALID_REQUEST")]
    [TestCase("available", "1", "INVALID_REQUEST")]
    [TestCase("published", "\"not a date\"", "VALIDATION_ERROR")]
    [TestCase("unknown", "\"x\"", "VALIDATION_ERROR")]
    public async Task A_wrong_value_is_a_validation_error_naming_the_column(string column, string valueJson, string code)
    {
        var (client, org, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var ds = ServerFixture.Server.CreateDataSource(org.Id, "Books", Columns);
        var values = new JsonObject { ["title"] = "t", [column] = JsonNode.Parse(valueJson) }.ToElement();
        var record = await client.DataSources.CreateRecordAsync(ds.Id, new JsonObject { ["title"] = "ok" }.ToElement());

        var onCreate = await Assert.ThrowsAsync<BotCadenceValidationException>(async () => await client.DataSources.CreateRecordAsync(ds.Id, values));
        var onUpdate = await Assert.ThrowsAsync<BotCadenceValidationException>(async () =>
            await client.DataSources.UpdateRecordAsync(ds.Id, record.Id, new JsonObject { [column] = JsonNode.Parse(valueJson) }.ToElement()));

        Assert.That(onCreate!.Field, Is.EqualTo("values." + column));
        Assert.That(onCreate.Code, Is.EqualTo(new ErrorCode(code)));
        Assert.That(onUpdate!.Field, Is.EqualTo("values." + column));
    }

    [Test]
    public async Task A_missing_or_removed_required_column_is_a_validation_error()
    {
        var (client, org, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var ds = ServerFixture.Server.CreateDataSource(org.Id, "Books", Columns);
        var record = await client.DataSources.CreateRecordAsync(ds.Id, new JsonObject { ["title"] = "ok" }.ToElement());

        var missing = await Assert.ThrowsAsync<BotCadenceValidationException>(async () => await client.DataSources.CreateRecordAsync(ds.Id, new JsonObject { ["pages"] = 1 }.ToElement()));
        var removed = await Assert.ThrowsAsync<BotCadenceValidationException>(async () =>
            await client.DataSources.UpdateRecordAsync(ds.Id, record.Id, new JsonObject { ["title"] = null }.ToElement()));

        Assert.That(missing!.Field, Is.EqualTo("values.title"));
        Assert.That(removed!.Field, Is.EqualTo("values.title"));
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(async () => await client.DataSources.UpdateRecordAsync(ds.Id, "rec_missing", new JsonObject().ToElement()));
    }
}

/// <summary>Data sources operations for the matrix.</summary>
public sealed class DataSourcesMatrix : IOperationMatrix
{
    public async Task<IReadOnlyList<OperationCase>> ArrangeAsync(IBotCadenceClient owner)
    {
        var ds = (await owner.DataSources.ListAsync().ToListAsync()).Single(d => d.Name == "Products").Id;
        var record = await owner.DataSources.CreateRecordAsync(ds, new JsonObject { ["sku"] = "A-1", ["price"] = 9.5 }.ToElement());
        return
        [
            new("DataSources.List", "data-sources:read", false, true, c => OperationMatrixTests.FirstPageAsync(c.DataSources.ListAsync())),
            new("DataSources.ListRecords", "data-sources:read", true, true, c => OperationMatrixTests.FirstPageAsync(c.DataSources.ListRecordsAsync(ds))),
            new("DataSources.CreateRecord", "data-sources:write", true, false, c => c.DataSources.CreateRecordAsync(ds, new JsonObject { ["sku"] = "B-2", ["price"] = 1 }.ToElement())),
            new("DataSources.UpdateRecord", "data-sources:write", true, false, c => c.DataSources.UpdateRecordAsync(ds, record.Id, new JsonObject { ["price"] = 2 }.ToElement())),
        ];
    }
}
