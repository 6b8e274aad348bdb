using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

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
    /// <param name="data">The values by field name.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored submission.</returns>
    Task<FormSubmission> SubmitAsync(string formId, JsonObject data, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Submits data given as a dictionary (scope <c>forms:write</c>). Values may be null, strings, booleans, numbers,
    /// <see cref="DateTimeOffset"/>, <see cref="JsonNode"/> or <see cref="JsonElement"/>; anything else is an <see cref="ArgumentException"/>.
    /// </summary>
    /// <param name="formId">The form's id.</param>
    /// <param name="data">The values by field name.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored submission.</returns>
    Task<FormSubmission> SubmitAsync(string formId, IDictionary<string, object?> data, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

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
            BotCadenceJsonContext.Default.PageEnvelopeForm, pageSize, cancellationToken);
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

    public Task<FormSubmission> SubmitAsync(string formId, JsonObject data, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(formId);
        ArgumentNullException.ThrowIfNull(data);
        var body = new FormSubmitRequest { Data = data };
        return _core.ReadAsync("Forms.Submit", requestOptions, (call, ct) => _api.SubmitAsync(formId, body, call, ct), BotCadenceJsonContext.Default.FormSubmission, cancellationToken);
    }

    public Task<FormSubmission> SubmitAsync(string formId, IDictionary<string, object?> data, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(formId);
        ArgumentNullException.ThrowIfNull(data);
        var json = new JsonObject();
        foreach (var (name, value) in data)
        {
            json[name] = ToNode(value, name);
        }

        return SubmitAsync(formId, json, requestOptions, cancellationToken);
    }

    public AsyncPageable<FormSubmission> ListSubmissionsAsync(string formId, FormSubmissionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(formId);
        var pageSize = options?.PageSize;
        return _core.CursorStyle("Forms.ListSubmissions", requestOptions, (call, cursor, limit, ct) => _api.ListSubmissionsAsync(formId, cursor, limit, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeFormSubmission, pageSize, cancellationToken);
    }

    /// <summary>Converts a plain value to JSON without reflection (trim and AOT safe).</summary>
    internal static JsonNode? ToNode(object? value, string name) => value switch
    {
        null => null,
        JsonNode node => node.Parent is null ? node : node.DeepClone(),
        JsonElement element => JsonSerializer.SerializeToNode(element, BotCadenceJsonContext.Default.JsonElement),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        short sh => JsonValue.Create(sh),
        byte by => JsonValue.Create(by),
        uint ui => JsonValue.Create(ui),
        ulong ul => JsonValue.Create(ul),
        float f => JsonValue.Create(f),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        DateTimeOffset dto => JsonValue.Create(Iso8601.Format(dto)),
        DateTime dt => JsonValue.Create(Iso8601.Format(new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt))),
        Enum e => JsonValue.Create(e.ToString()),
        IFormattable formattable => JsonValue.Create(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"The value of '{name}' has type {value.GetType().Name}, which cannot be sent without reflection; pass a JsonNode.", nameof(value)),
    };
}
