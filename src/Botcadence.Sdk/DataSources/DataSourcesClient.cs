using System.Text.Json.Nodes;

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
    /// <param name="values">The values keyed by column name.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new record.</returns>
    Task<DataSourceRecord> CreateRecordAsync(string dataSourceId, JsonObject values, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes some values of a record (PATCH, scope <c>data-sources:write</c>); columns not given keep their value, a JSON
    /// null removes an optional value. Validated like <see cref="CreateRecordAsync"/>.
    /// </summary>
    /// <param name="dataSourceId">The data source's id.</param>
    /// <param name="recordId">The record's id.</param>
    /// <param name="values">The values to change, keyed by column name.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated record.</returns>
    Task<DataSourceRecord> UpdateRecordAsync(string dataSourceId, string recordId, JsonObject values, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
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
            BotCadenceJsonContext.Default.PageEnvelopeDataSource, pageSize, cancellationToken);
    }

    public AsyncPageable<DataSourceRecord> ListRecordsAsync(string dataSourceId, DataSourceRecordListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataSourceId);
        var pageSize = options?.PageSize;
        return _core.CursorStyle("DataSources.ListRecords", requestOptions, (call, cursor, limit, ct) => _api.ListRecordsAsync(dataSourceId, cursor, limit, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeDataSourceRecord, pageSize, cancellationToken);
    }

    public Task<DataSourceRecord> CreateRecordAsync(string dataSourceId, JsonObject values, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataSourceId);
        ArgumentNullException.ThrowIfNull(values);
        return _core.ReadAsync("DataSources.CreateRecord", requestOptions, (call, ct) => _api.CreateRecordAsync(dataSourceId, new DataSourceRecordRequest { Values = values }, call, ct),
            BotCadenceJsonContext.Default.DataSourceRecord, cancellationToken);
    }

    public Task<DataSourceRecord> UpdateRecordAsync(string dataSourceId, string recordId, JsonObject values, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataSourceId);
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        ArgumentNullException.ThrowIfNull(values);
        return _core.ReadAsync("DataSources.UpdateRecord", requestOptions, (call, ct) => _api.UpdateRecordAsync(dataSourceId, recordId, new DataSourceRecordRequest { Values = values }, call, ct),
            BotCadenceJsonContext.Default.DataSourceRecord, cancellationToken);
    }
}
