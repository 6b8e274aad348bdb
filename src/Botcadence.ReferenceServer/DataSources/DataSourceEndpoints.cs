using System.Text.Json;
using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.DataSources;

/// <summary>/v1/data-sources routes.</summary>
internal static class DataSourceEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/data-sources");
        group.MapGet("", List).RequireScope(Scopes.DataSourcesRead);
        group.MapGet("/{dataSourceId}/records", ListRecords).RequireScope(Scopes.DataSourcesRead);
        group.MapPost("/{dataSourceId}/records", CreateRecordAsync).RequireScope(Scopes.DataSourcesWrite);
        group.MapPatch("/{dataSourceId}/records/{recordId}", UpdateRecordAsync).RequireScope(Scopes.DataSourcesWrite);
    }

    private static IResult List(HttpContext context, DataSourceStore store, DataRecordStore records)
    {
        var (page, perPage) = Pagination.PageParams(context);
        var organizationId = context.Caller().OrganizationId;
        var items = store.List(organizationId);
        return ApiResults.Ok(Pagination.Page(items, page, perPage, d => d.ToJson(records.List(organizationId, r => r.DataSourceId == d.Id).Count)));
    }

    private static IResult ListRecords(HttpContext context, string dataSourceId, DataSourceStore store, DataRecordStore records)
    {
        var source = store.Require(context.Caller().OrganizationId, dataSourceId);
        var (before, limit) = Pagination.CursorParams(context);
        var items = records.List(source.OrganizationId, r => r.DataSourceId == source.Id);
        return ApiResults.Ok(Pagination.Cursor(items, r => r.Sequence, before, limit, r => r.ToJson()));
    }

    private static async Task<IResult> CreateRecordAsync(HttpContext context, string dataSourceId, DataSourceStore store, DataRecordStore records, ServerClock clock)
    {
        var source = store.Require(context.Caller().OrganizationId, dataSourceId);
        var body = (await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false))!;
        var values = ReadValues(body, source, partial: false);
        var now = clock.UtcNow;
        var record = records.Add(new DataRecord(Ids.New("rec"), source.OrganizationId, records.NextSequence(), source.Id, values, now, now));
        return ApiResults.Created(record.ToJson(), $"/v1/data-sources/{source.Id}/records/{record.Id}");
    }

    private static async Task<IResult> UpdateRecordAsync(HttpContext context, string dataSourceId, string recordId, DataSourceStore store, DataRecordStore records, ServerClock clock)
    {
        var source = store.Require(context.Caller().OrganizationId, dataSourceId);
        var existing = records.Get(source.OrganizationId, recordId);
        if (existing is null || existing.DataSourceId != source.Id)
        {
            throw ApiException.NotFound("Record", recordId);
        }

        var body = (await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false))!;
        var changes = ReadValues(body, source, partial: true);
        var updated = records.RequireUpdate(source.OrganizationId, recordId, r =>
        {
            var merged = (JsonObject)r.Values.DeepClone();
            foreach (var (name, value) in changes)
            {
                if (value is null)
                {
                    merged.Remove(name);
                }
                else
                {
                    merged[name] = value.DeepClone();
                }
            }

            foreach (var column in source.Columns.Where(c => c.Required))
            {
                if (merged[column.Name] is null)
                {
                    throw Fields.Required("values." + column.Name);
                }
            }

            return r with { Values = merged, UpdatedAt = clock.UtcNow };
        });
        return ApiResults.Ok(updated.ToJson());
    }

    /// <summary>
    /// <c>values</c> checked against the columns: a wrong JSON type or (on create) a missing required column is 400, an
    /// unknown column or a malformed date 422, naming <c>values.&lt;column&gt;</c>. On update, null removes an optional value.
    /// </summary>
    private static JsonObject ReadValues(JsonObject body, DataSource source, bool partial)
    {
        if (!Fields.TryGet(body, "values", out var node) || node is null)
        {
            throw Fields.Required("values");
        }

        var values = Fields.Object(node, "values");
        var result = new JsonObject();
        foreach (var (name, value) in values)
        {
            var path = "values." + name;
            var column = source.Columns.FirstOrDefault(c => c.Name == name)
                ?? throw Fields.Invalid(path, $"'{path}' is not a column of data source {source.Id}. Columns: {string.Join(", ", source.Columns.Select(c => c.Name))}.");
            if (value is null)
            {
                if (column.Required)
                {
                    throw Fields.WrongType(path, $"'{path}' is required and cannot be null.");
                }

                if (partial)
                {
                    result[name] = null;
                }

                continue;
            }

            if (!HasJsonType(value, column.Type))
            {
                throw Fields.WrongType(path, $"'{path}' must be a {column.Type} value" + (column.Type == "date" ? " (ISO-8601 string)." : "."));
            }

            if (column.Type == "date" && !Query.TryParseDate(value.GetValue<string>(), out _))
            {
                throw Fields.Invalid(path, $"'{path}' must be an ISO-8601 date or date-time.");
            }

            result[name] = value.DeepClone();
        }

        if (!partial)
        {
            foreach (var column in source.Columns.Where(c => c.Required && result[c.Name] is null))
            {
                throw Fields.Required("values." + column.Name);
            }
        }

        return result;
    }

    private static bool HasJsonType(JsonNode value, string type)
    {
        var kind = value.GetValueKind();
        return type switch
        {
            "text" or "date" => kind == JsonValueKind.String,
            "number" => kind == JsonValueKind.Number,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            _ => false,
        };
    }
}
