using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Botcadence.Sdk;

/// <summary>Data sources: the organization's structured tables and their records.</summary>
public interface IDataSourcesClient
{
    /// <summary>Lists data sources with their columns, newest first (scope <c>data-sources:read</c>).</summary>
    /// <param name="options">Page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The data sources, enumerable item by item or page by page.</returns>
    AsyncPageable<DataSource> ListAsync(DataSourceListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Lists a data source's records, newest first, cursor style (scope <c>data-sources:read</c>).</summary>
    /// <param name="dataSourceId">The data source's id.</param>
    /// <param name="options">Page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The records, enumerable item by item or page by page.</returns>
    AsyncPageable<DataSourceRecord> ListRecordsAsync(string dataSourceId, DataSourceRecordListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a record (scope <c>data-sources:write</c>). The values are checked against the columns: an unknown column, a
    /// value of the wrong type or a missing required column throws <see cref="BotCadenceValidationException"/> with
    /// <c>Field</c> <c>values.&lt;column&gt;</c>.
    /// </summary>
    /// <param name="dataSourceId">The data source's id.</param>
    /// <param name="values">The values keyed by column name: a JSON object, sent exactly as given.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new record.</returns>
    Task<DataSourceRecord> CreateRecordAsync(string dataSourceId, JsonElement values, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Adds a record from a typed value serialized by your source-generated metadata (trim and AOT safe).</summary>
    /// <typeparam name="TValues">The type; it must serialize to a JSON object keyed by column name.</typeparam>
    /// <param name="dataSourceId">The data source's id.</param>
    /// <param name="values">The values.</param>
    /// <param name="valuesTypeInfo">Metadata from your <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new record.</returns>
    Task<DataSourceRecord> CreateRecordAsync<TValues>(string dataSourceId, TValues values, JsonTypeInfo<TValues> valuesTypeInfo, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Adds a record from any object (e.g. <c>new { email = "a@b.c" }</c>), serialized with default System.Text.Json options: names are sent exactly as written.</summary>
    /// <param name="dataSourceId">The data source's id.</param>
    /// <param name="values">The values; must serialize to a JSON object keyed by column name.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new record.</returns>
    [RequiresUnreferencedCode(UserJson.ReflectionMessage)]
    [RequiresDynamicCode(UserJson.ReflectionMessage)]
    Task<DataSourceRecord> CreateRecordAsync(string dataSourceId, object values, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes some values of a record (PATCH, scope <c>data-sources:write</c>); columns not given keep their value, a JSON
    /// null removes an optional value. Validated like <see cref="CreateRecordAsync(string, System.Text.Json.JsonElement, RequestOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="dataSourceId">The data source's id.</param>
    /// <param name="recordId">The record's id.</param>
    /// <param name="values">The values to change, keyed by column name: a JSON object, sent exactly as given.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated record.</returns>
    Task<DataSourceRecord> UpdateRecordAsync(string dataSourceId, string recordId, JsonElement values, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Changes some values of a record from a typed value serialized by your source-generated metadata.</summary>
    /// <typeparam name="TValues">The type; it must serialize to a JSON object keyed by column name.</typeparam>
    /// <param name="dataSourceId">The data source's id.</param>
    /// <param name="recordId">The record's id.</param>
    /// <param name="values">The values to change.</param>
    /// <param name="valuesTypeInfo">Metadata from your <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated record.</returns>
    Task<DataSourceRecord> UpdateRecordAsync<TValues>(string dataSourceId, string recordId, TValues values, JsonTypeInfo<TValues> valuesTypeInfo, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Changes some values of a record from any object, serialized with default System.Text.Json options: names are sent exactly as written.</summary>
    /// <param name="dataSourceId">The data source's id.</param>
    /// <param name="recordId">The record's id.</param>
    /// <param name="values">The values to change; must serialize to a JSON object keyed by column name.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated record.</returns>
    [RequiresUnreferencedCode(UserJson.ReflectionMessage)]
    [RequiresDynamicCode(UserJson.ReflectionMessage)]
    Task<DataSourceRecord> UpdateRecordAsync(string dataSourceId, string recordId, object values, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
internal sealed class DataSourcesClient : IDataSourcesClient
{
    private readonly ClientCore _core;
    private readonly IDataSourcesApi _api;

    public DataSourcesClient(ClientCore core, IDataSourcesApi api)
    {
        _core = core;
        _api = api;
    }

    public AsyncPageable<DataSource> ListAsync(DataSourceListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var pageSize = options?.PageSize;
        return _core.PageStyle("DataSources.List", requestOptions, (call, page, perPage, ct) => _api.ListAsync(page, perPage, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeDataSource, pageSize, cancellationToken, options?.PrefetchNextPage == true);
    }

    public AsyncPageable<DataSourceRecord> ListRecordsAsync(string dataSourceId, DataSourceRecordListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataSourceId);
        var pageSize = options?.PageSize;
        return _core.CursorStyle("DataSources.ListRecords", requestOptions, (call, cursor, limit, ct) => _api.ListRecordsAsync(dataSourceId, cursor, limit, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeDataSourceRecord, pageSize, cancellationToken, options?.PrefetchNextPage == true);
    }

    public Task<DataSourceRecord> CreateRecordAsync(string dataSourceId, JsonElement values, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataSourceId);
        var body = new DataSourceRecordRequest { Values = UserJson.RequireObject(values, nameof(values)) };
        return _core.ReadAsync("DataSources.CreateRecord", requestOptions, (call, ct) => _api.CreateRecordAsync(dataSourceId, body, call, ct),
            BotCadenceJsonContext.Default.DataSourceRecord, cancellationToken);
    }

    public Task<DataSourceRecord> CreateRecordAsync<TValues>(string dataSourceId, TValues values, JsonTypeInfo<TValues> valuesTypeInfo, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        CreateRecordAsync(dataSourceId, UserJson.From(values, valuesTypeInfo), requestOptions, cancellationToken);

    [RequiresUnreferencedCode(UserJson.ReflectionMessage)]
    [RequiresDynamicCode(UserJson.ReflectionMessage)]
    public Task<DataSourceRecord> CreateRecordAsync(string dataSourceId, object values, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        return CreateRecordAsync(dataSourceId, UserJson.RequireObject(UserJson.FromObject(values), nameof(values)), requestOptions, cancellationToken);
    }

    public Task<DataSourceRecord> UpdateRecordAsync(string dataSourceId, string recordId, JsonElement values, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataSourceId);
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        var body = new DataSourceRecordRequest { Values = UserJson.RequireObject(values, nameof(values)) };
        return _core.ReadAsync("DataSources.UpdateRecord", requestOptions, (call, ct) => _api.UpdateRecordAsync(dataSourceId, recordId, body, call, ct),
            BotCadenceJsonContext.Default.DataSourceRecord, cancellationToken);
    }

    public Task<DataSourceRecord> UpdateRecordAsync<TValues>(string dataSourceId, string recordId, TValues values, JsonTypeInfo<TValues> valuesTypeInfo, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateRecordAsync(dataSourceId, recordId, UserJson.From(values, valuesTypeInfo), requestOptions, cancellationToken);

    [RequiresUnreferencedCode(UserJson.ReflectionMessage)]
    [RequiresDynamicCode(UserJson.ReflectionMessage)]
    public Task<DataSourceRecord> UpdateRecordAsync(string dataSourceId, string recordId, object values, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        return UpdateRecordAsync(dataSourceId, recordId, UserJson.RequireObject(UserJson.FromObject(values), nameof(values)), requestOptions, cancellationToken);
    }
}
