using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Botcadence.Sdk;

/// <summary>
/// What every resource client shares: turning a sent request into a typed result or a typed exception,
/// and recording the latest response's rate-limit state.
/// </summary>
internal sealed partial class ClientCore
{
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, bool> _deprecationsLogged = new(StringComparer.Ordinal);
    private ResponseInfo? _lastResponse;

    public ClientCore(ILogger logger, TimeProvider timeProvider)
    {
        _logger = logger;
        TimeProvider = timeProvider;
    }

    public TimeProvider TimeProvider { get; }

    public ResponseInfo? LastResponse => Volatile.Read(ref _lastResponse);

    /// <summary>Awaits a request and reads a single resource from its body.</summary>
    public async Task<T> ReadAsync<T>(Task<HttpResponseMessage> sending, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = (await ReceiveAsync(sending, cancellationToken).ConfigureAwait(false)).Response;
        return await DeserializeAsync(response, typeInfo, unwrap: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Awaits a request and reads a list envelope from its body.</summary>
    public async Task<(PageEnvelope<T> Envelope, ResponseInfo Info)> ReadPageAsync<T>(Task<HttpResponseMessage> sending, JsonTypeInfo<PageEnvelope<T>> typeInfo, CancellationToken cancellationToken)
    {
        var (response, info) = await ReceiveAsync(sending, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            // The info of this response, not LastResponse: another call on the same client may have finished since.
            return (await DeserializeAsync(response, typeInfo, unwrap: false, cancellationToken).ConfigureAwait(false), info);
        }
    }

    /// <summary>A page-style list (<c>?page=&amp;per_page=</c>): <paramref name="send"/> requests one page.</summary>
    public AsyncPageable<T> PageStyle<T>(Func<int, int?, CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<PageEnvelope<T>> typeInfo, int? pageSize, CancellationToken cancellationToken) =>
        new PagedList<T>(async (token, sizeHint, ct) =>
        {
            var (page, perPage) = PageTokens.ParsePageToken(token, sizeHint ?? pageSize);
            var (envelope, info) = await ReadPageAsync(send(page, perPage, ct), typeInfo, ct).ConfigureAwait(false);
            return PageTokens.ToPageStylePage(envelope, page, perPage, info);
        }, cancellationToken);

    /// <summary>A cursor-style list (<c>?cursor=&amp;limit=</c>): <paramref name="send"/> requests the page after a cursor.</summary>
    public AsyncPageable<T> CursorStyle<T>(Func<string?, int?, CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<PageEnvelope<T>> typeInfo, int? pageSize, CancellationToken cancellationToken) =>
        new PagedList<T>(async (cursor, sizeHint, ct) =>
        {
            var (envelope, info) = await ReadPageAsync(send(cursor, sizeHint ?? pageSize, ct), typeInfo, ct).ConfigureAwait(false);
            return PageTokens.ToCursorStylePage(envelope, info);
        }, cancellationToken);

    /// <summary>Awaits a request whose success body is ignored (204, or a 200 <c>{"message": …}</c>).</summary>
    public async Task ReadNothingAsync(Task<HttpResponseMessage> sending, CancellationToken cancellationToken)
    {
        using var response = (await ReceiveAsync(sending, cancellationToken).ConfigureAwait(false)).Response;
    }

    /// <summary>Awaits a request whose success body the caller streams (sent with headers-read completion); the caller disposes the response.</summary>
    public async Task<HttpResponseMessage> ReceiveStreamingAsync(Task<HttpResponseMessage> sending, CancellationToken cancellationToken) =>
        (await ReceiveAsync(sending, cancellationToken).ConfigureAwait(false)).Response;

    /// <summary>Awaits the response: transport failures become SDK exceptions, error statuses become typed API exceptions.</summary>
    private async Task<(HttpResponseMessage Response, ResponseInfo Info)> ReceiveAsync(Task<HttpResponseMessage> sending, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await sending.ConfigureAwait(false);
        }
        catch (Exception ex) when (TranslateTransportFailure(ex, cancellationToken) is { } translated)
        {
            throw translated;
        }

        var info = ResponseInfo.FromResponse(response);
        Volatile.Write(ref _lastResponse, info);
        if (info.Deprecation is not null || info.Sunset is not null)
        {
            WarnDeprecatedOnce(response.RequestMessage, info);
        }

        if (response.IsSuccessStatusCode)
        {
            return (response, info);
        }

        using (response)
        {
            throw await ErrorMapper.CreateAsync(response, info, TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<T> DeserializeAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, bool unwrap, CancellationToken cancellationToken)
    {
        JsonBody.Buffer body;
        try
        {
            body = await JsonBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (TranslateTransportFailure(ex, cancellationToken) is { } translated)
        {
            throw translated;
        }

        using (body)
        {
            try
            {
                var json = unwrap ? JsonBody.UnwrapResource(body.Span) : body.Span;
                var value = JsonSerializer.Deserialize(json, typeInfo);
                if (value is null)
                {
                    throw new JsonException("The body was the JSON literal null.");
                }

                return value;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or FormatException)
            {
                var raw = Encoding.UTF8.GetString(body.Span);
                ResponseInfo.TryGetHeader(response.Headers, "X-Request-Id", out var requestId);
                throw new BotCadenceSerializationException(
                    $"The {(int)response.StatusCode} response body could not be read as {typeof(T).Name}: {ex.Message}",
                    response.StatusCode, raw, requestId, ex);
            }
        }
    }

    /// <summary>
    /// The exception to throw instead of a transport failure, or null to let it propagate (the caller's own
    /// cancellation, or an exception that is already the SDK's). Refit's wrappers are looked through: no Refit
    /// type ever reaches the caller.
    /// </summary>
    internal static Exception? TranslateTransportFailure(Exception exception, CancellationToken cancellationToken)
    {
        if (IsRefitException(exception))
        {
            return exception.InnerException is { } inner
                ? TranslateTransportFailure(inner, cancellationToken) ?? inner
                : new BotCadenceException($"The request could not be built or sent: {exception.Message}", exception);
        }

        switch (exception)
        {
            case BotCadenceException:
                return null;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return null;
            case TimeoutRejectedException timeout:
                return new BotCadenceTimeoutException($"The request timed out after {timeout.Timeout.TotalSeconds:0.###} s on its last attempt.", timeout);
            case OperationCanceledException canceled:
                return new BotCadenceTimeoutException("The request was cancelled by the transport before a response arrived (timeout).", canceled);
            case HttpRequestException http:
                return new BotCadenceNetworkException($"The request failed before a response arrived: {http.Message}", http);
            case IOException io:
                return new BotCadenceNetworkException($"The connection failed while reading the response: {io.Message}", io);
            default:
                return null;
        }
    }

    private static bool IsRefitException(Exception exception) =>
        exception.GetType().Namespace?.StartsWith("Refit", StringComparison.Ordinal) == true;

    private void WarnDeprecatedOnce(HttpRequestMessage? request, ResponseInfo info)
    {
        var key = $"{request?.Method} {request?.RequestUri?.AbsolutePath}";
        if (_deprecationsLogged.TryAdd(key, true))
        {
            LogDeprecated(_logger, key, info.Deprecation ?? "(not given)", info.Sunset ?? "(not given)");
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "BotCadence endpoint {Endpoint} is deprecated (Deprecation: {Deprecation}, Sunset: {Sunset}); see the CHANGELOG for its replacement.")]
    private static partial void LogDeprecated(ILogger logger, string endpoint, string deprecation, string sunset);
}
