using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Botcadence.Sdk;

/// <summary>
/// What the service said about one call's response besides its body: status, request id, rate limits, deprecation, every
/// header, whether an idempotent response was replayed, and how many attempts the call took. Reach it from the call's own
/// result (<see cref="BotCadenceResult.Response"/>, <see cref="Page{T}.Response"/>, the return value of a no-content
/// operation, <see cref="FileDownload.Response"/>) or its exception (<see cref="BotCadenceException.Response"/>).
/// </summary>
public sealed class ResponseInfo
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    // Headers is built on first read (most callers never read it): from the response's header collection, which nothing
    // writes to once the call is over, and a copy of the content headers (the content itself is not kept alive).
    private readonly HttpResponseHeaders? _responseHeaders;
    private readonly KeyValuePair<string, HeaderStringValues>[]? _contentHeaders;
    private readonly long? _bufferedLength;
    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _headers;
    private object? _headersLock;

    internal ResponseInfo(HttpStatusCode statusCode, string? requestId, RateLimitInfo? rateLimit, string? deprecation, string? sunset)
    {
        StatusCode = statusCode;
        RequestId = requestId;
        RateLimit = rateLimit;
        Deprecation = deprecation;
        Sunset = sunset;
        Attempts = 1;
    }

    private ResponseInfo(HttpStatusCode statusCode, string? requestId, RateLimitInfo? rateLimit, string? deprecation, string? sunset,
        HttpResponseHeaders responseHeaders, KeyValuePair<string, HeaderStringValues>[] contentHeaders, long? bufferedLength)
        : this(statusCode, requestId, rateLimit, deprecation, sunset)
    {
        _responseHeaders = responseHeaders;
        _contentHeaders = contentHeaders;
        _bufferedLength = bufferedLength;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>X-Request-Id</c> the service assigned; quote it to support.</summary>
    public string? RequestId { get; }

    /// <summary>The rate-limit state after this request, when the service sent it.</summary>
    public RateLimitInfo? RateLimit { get; }

    /// <summary>The <c>Deprecation</c> header, when the endpoint is deprecated.</summary>
    public string? Deprecation { get; }

    /// <summary>The <c>Sunset</c> header: when the endpoint goes away, when announced.</summary>
    public string? Sunset { get; }

    /// <summary>Every response header (content headers included), by case-insensitive name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers =>
        _headers ?? (_responseHeaders is null ? NoHeaders : LazyInitializer.EnsureInitialized(ref _headers, ref _headersLock, BuildHeaders));

    /// <summary>
    /// True when the service answered a repeated <c>Idempotency-Key</c> with the stored first response
    /// (<c>Idempotent-Replayed: true</c>) instead of doing the work again.
    /// </summary>
    public bool IdempotencyReplayed { get; private init; }

    /// <summary>How many attempts the call took (1 when it was not retried).</summary>
    public int Attempts { get; private init; }

    /// <summary>The <c>Idempotency-Key</c> the call sent (mutating calls only; null for reads).</summary>
    public string? IdempotencyKey { get; private init; }

    /// <summary>The first value of a response header, or null.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    /// <returns>The value, or null when the header was not sent.</returns>
    public string? GetHeader(string name) =>
        Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    internal static ResponseInfo FromResponse(HttpResponseMessage response, CallContext? call = null)
    {
        var headers = response.Headers;
        TryGetHeader(headers, "X-Request-Id", out var requestId);
        TryGetHeader(headers, "Deprecation", out var deprecation);
        TryGetHeader(headers, "Sunset", out var sunset);
        TryGetHeader(headers, "Idempotent-Replayed", out var replayed);
        // The content headers' values are kept (not the content, which may hold a large body); a buffered body's length
        // is its own, not a header (see AttemptHandler).
        var contentHeaders = response.Content.Headers.NonValidated;
        var content = contentHeaders.Count == 0 ? [] : new KeyValuePair<string, HeaderStringValues>[contentHeaders.Count];
        var i = 0;
        foreach (var header in contentHeaders)
        {
            content[i++] = header;
        }

        long? bufferedLength = response.Content is BufferedContent buffered && !contentHeaders.Contains("Content-Length") ? buffered.Length : null;
        return new ResponseInfo(response.StatusCode, requestId, RateLimitInfo.FromHeaders(headers), deprecation, sunset, headers, content, bufferedLength)
        {
            IdempotencyReplayed = string.Equals(replayed, "true", StringComparison.OrdinalIgnoreCase),
            Attempts = Math.Max(call?.Attempts ?? 1, 1),
            IdempotencyKey = call?.IdempotencyKey,
        };
    }

    private Dictionary<string, IReadOnlyList<string>> BuildHeaders()
    {
        var all = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in _responseHeaders!.NonValidated)
        {
            all[header.Key] = [.. header.Value];
        }

        foreach (var (name, values) in _contentHeaders!)
        {
            all[name] = [.. values];
        }

        if (_bufferedLength is { } length)
        {
            all["Content-Length"] = [length.ToString(CultureInfo.InvariantCulture)];
        }

        return all;
    }

    internal static bool TryGetHeader(HttpHeaders headers, string name, [NotNullWhen(true)] out string? value)
    {
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var v in values)
            {
                value = v;
                return true;
            }
        }

        value = null;
        return false;
    }
}
