using System.Text.Json;
using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>A structured table of the organization, used to populate form fields and drive template logic.</summary>
public sealed class DataSource : BotCadenceResult
{
    /// <summary>The data source's id (opaque, e.g. <c>ds_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The display name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>A longer description.</summary>
    [JsonInclude] public string? Description { get; internal set; }

    /// <summary>The columns every record is validated against.</summary>
    [JsonInclude] public IReadOnlyList<DataSourceColumn> Columns { get; internal set; } = [];

    /// <summary>How many records it holds.</summary>
    [JsonInclude] public long RecordCount { get; internal set; }

    /// <summary>When it was created.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }
}

/// <summary>One typed column of a data source.</summary>
public sealed class DataSourceColumn
{
    /// <summary>The column name: the key in <see cref="DataSourceRecord.Values"/>.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The value type.</summary>
    [JsonInclude] public DataSourceColumnType Type { get; internal set; }

    /// <summary>Whether every record must have a value.</summary>
    [JsonInclude] public bool Required { get; internal set; }
}

/// <summary>One record (row) of a data source.</summary>
public sealed class DataSourceRecord : BotCadenceResult
{
    /// <summary>The record's id (opaque, e.g. <c>rec_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The data source it belongs to.</summary>
    [JsonInclude] public string DataSourceId { get; internal set; } = string.Empty;

    /// <summary>The values, keyed by column name.</summary>
    [JsonInclude] public JsonElement Values { get; internal set; }

    /// <summary>When it was created.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }

    /// <summary>When it last changed.</summary>
    [JsonInclude] public DateTimeOffset UpdatedAt { get; internal set; }
}

/// <summary>Page size for listing data sources.</summary>
public sealed class DataSourceListOptions
{
    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}

/// <summary>Page size for listing records.</summary>
public sealed class DataSourceRecordListOptions
{
    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}

/// <summary>The body of the record create and update calls.</summary>
internal sealed class DataSourceRecordRequest
{
    public JsonElement Values { get; set; }
}
