using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Botcadence.Sdk;

/// <summary>Forms: define typed fields, submit validated data and read the submissions.</summary>
public interface IFormsClient
{
    /// <summary>Lists forms, newest first (scope <c>forms:read</c>). Pages are fetched as you enumerate.</summary>
    /// <param name="options">Filter and page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The forms, enumerable item by item or page by page.</returns>
    AsyncPageable<Form> ListAsync(FormListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a form (scope <c>forms:read</c>).</summary>
    /// <param name="formId">The form's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The form.</returns>
    Task<Form> GetAsync(string formId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a form (scope <c>forms:write</c>). An unknown field type is a <see cref="BotCadenceValidationException"/> naming <c>fields[i].type</c>.</summary>
    /// <param name="options">The name and fields.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created form.</returns>
    Task<Form> CreateAsync(FormCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Submits data to a form (scope <c>forms:write</c>). The service validates it: a missing required field, a value of
    /// the wrong type, a malformed e-mail address or a select value outside the options is a
    /// <see cref="BotCadenceValidationException"/> whose field is <c>data.&lt;name&gt;</c>.
    /// </summary>
    /// <param name="formId">The form's id.</param>
    /// <param name="data">The values by field name: a JSON object, sent exactly as given.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored submission.</returns>
    Task<FormSubmission> SubmitAsync(string formId, JsonElement data, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Submits typed data serialized by your source-generated metadata (trim and AOT safe); see <see cref="SubmitAsync(string, JsonElement, RequestOptions?, CancellationToken)"/>.</summary>
    /// <typeparam name="TData">The data type; it must serialize to a JSON object.</typeparam>
    /// <param name="formId">The form's id.</param>
    /// <param name="data">The values.</param>
    /// <param name="dataTypeInfo">Metadata from your <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>; its naming policy, if any, is yours.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored submission.</returns>
    Task<FormSubmission> SubmitAsync<TData>(string formId, TData data, JsonTypeInfo<TData> dataTypeInfo, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Submits any object, e.g. <c>new { fullName = "Ada", email = "ada@example.com" }</c> or a dictionary, serialized with
    /// default System.Text.Json options: property names are sent exactly as written (no naming policy).
    /// </summary>
    /// <param name="formId">The form's id.</param>
    /// <param name="data">The values; must serialize to a JSON object.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored submission.</returns>
    [RequiresUnreferencedCode(UserJson.ReflectionMessage)]
    [RequiresDynamicCode(UserJson.ReflectionMessage)]
    Task<FormSubmission> SubmitAsync(string formId, object data, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Lists a form's submissions, newest first, by cursor (scope <c>forms:read</c>).</summary>
    /// <param name="formId">The form's id.</param>
    /// <param name="options">Page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The submissions, enumerable item by item or page by page.</returns>
    AsyncPageable<FormSubmission> ListSubmissionsAsync(string formId, FormSubmissionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
internal sealed class FormsClient : IFormsClient
{
    private readonly ClientCore _core;
    private readonly IFormsApi _api;

    public FormsClient(ClientCore core, IFormsApi api)
    {
        _core = core;
        _api = api;
    }

    public AsyncPageable<Form> ListAsync(FormListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var search = options?.Search;
        var pageSize = options?.PageSize;
        return _core.PageStyle("Forms.List", requestOptions, (call, page, perPage, ct) => _api.ListAsync(page, perPage, search, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeForm, pageSize, cancellationToken, options?.PrefetchNextPage == true);
    }

    public Task<Form> GetAsync(string formId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(formId);
        return _core.ReadAsync("Forms.Get", requestOptions, (call, ct) => _api.GetAsync(formId, call, ct), BotCadenceJsonContext.Default.Form, cancellationToken);
    }

    public Task<Form> CreateAsync(FormCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _core.ReadAsync("Forms.Create", requestOptions, (call, ct) => _api.CreateAsync(options, call, ct), BotCadenceJsonContext.Default.Form, cancellationToken);
    }

    public Task<FormSubmission> SubmitAsync(string formId, JsonElement data, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(formId);
        var body = new FormSubmitRequest { Data = UserJson.RequireObject(data, nameof(data)) };
        return _core.ReadAsync("Forms.Submit", requestOptions, (call, ct) => _api.SubmitAsync(formId, body, call, ct), BotCadenceJsonContext.Default.FormSubmission, cancellationToken);
    }

    public Task<FormSubmission> SubmitAsync<TData>(string formId, TData data, JsonTypeInfo<TData> dataTypeInfo, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        SubmitAsync(formId, UserJson.From(data, dataTypeInfo), requestOptions, cancellationToken);

    [RequiresUnreferencedCode(UserJson.ReflectionMessage)]
    [RequiresDynamicCode(UserJson.ReflectionMessage)]
    public Task<FormSubmission> SubmitAsync(string formId, object data, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        return SubmitAsync(formId, UserJson.RequireObject(UserJson.FromObject(data), nameof(data)), requestOptions, cancellationToken);
    }

    public AsyncPageable<FormSubmission> ListSubmissionsAsync(string formId, FormSubmissionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(formId);
        var pageSize = options?.PageSize;
        return _core.CursorStyle("Forms.ListSubmissions", requestOptions, (call, cursor, limit, ct) => _api.ListSubmissionsAsync(formId, cursor, limit, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeFormSubmission, pageSize, cancellationToken, options?.PrefetchNextPage == true);
    }
}
