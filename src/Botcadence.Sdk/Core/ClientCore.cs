using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Botcadence.Sdk;

/// <summary>
/// What every resource client shares: every logical call (an operation, or one page of a list) passes through
/// <see cref="CallAsync"/>, the one chokepoint that starts it, sends it, maps an error status or a transport failure to
/// the SDK's exceptions, reads the result, and attaches the call's own <see cref="ResponseInfo"/> to it.
/// </summary>
internal sealed partial class ClientCore
{
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, bool> _deprecationsLogged = new(StringComparer.Ordinal);
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _attemptTimeout;

    public ClientCore(ILogger logger, TimeProvider timeProvider, BotCadenceClientOptions options)
    {
        _logger = logger;
        TimeProvider = timeProvider;
        _timeout = options.Timeout;
        _attemptTimeout = options.AttemptTimeout;
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>A call that returns a single resource.</summary>
    public Task<T> ReadAsync<T>(string operation, RequestOptions? options, Func<CallContext, CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : BotCadenceResult =>
        ReadAsync(new CallContext(operation, options), send, typeInfo, cancellationToken);

    /// <summary>A call that returns a single resource, with the call context made by the caller (e.g. not replayable).</summary>
    public Task<T> ReadAsync<T>(CallContext call, Func<CallContext, CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : BotCadenceResult =>
        CallAsync<T, ResourceReader<T>>(call, send, new ResourceReader<T>(typeInfo), keepResponse: false, cancellationToken);

    /// <summary>A call whose success body is ignored (204, or a 200 <c>{"message": …}</c>): its response info is the result.</summary>
    public Task<ResponseInfo> ReadNothingAsync(string operation, RequestOptions? options, Func<CallContext, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        CallAsync<ResponseInfo, InfoReader>(new CallContext(operation, options), send, default, keepResponse: false, cancellationToken);

    /// <summary>A call whose success body the caller streams (sent with headers-read completion, not buffered); the caller disposes the response.</summary>
    public Task<(HttpResponseMessage Response, ResponseInfo Info)> ReceiveStreamingAsync(string operation, RequestOptions? options, Func<CallContext, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        CallAsync<(HttpResponseMessage, ResponseInfo), StreamingReader>(new CallContext(operation, options, streamResponse: true), send, default, keepResponse: true, cancellationToken);

    /// <summary>
    /// Reads a call's result from its successful response. A struct, so a call allocates no closure or delegate for it
    /// (paging's reader lives in <c>Paging/Pager.cs</c>); a <see cref="ValueTask{TResult}"/>, so reading a body the
    /// attempt handler already buffered completes synchronously and allocates no task.
    /// </summary>
    internal interface IResponseReader<TResult>
    {
        ValueTask<TResult> ReadAsync(HttpResponseMessage response, ResponseInfo info, CancellationToken cancellationToken);
    }

    private readonly struct ResourceReader<T>(JsonTypeInfo<T> typeInfo) : IResponseReader<T>
        where T : BotCadenceResult
    {
        public ValueTask<T> ReadAsync(HttpResponseMessage response, ResponseInfo info, CancellationToken cancellationToken)
        {
            if (response.Content is BufferedContent buffered)
            {
                var value = Deserialize(response, buffered.Body, typeInfo, unwrap: true);
                value.Response = info;
                return new ValueTask<T>(value);
            }

            return ReadStreamedAsync(response, info, typeInfo, cancellationToken);
        }

        private static async ValueTask<T> ReadStreamedAsync(HttpResponseMessage response, ResponseInfo info, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        {
            var value = await DeserializeAsync(response, typeInfo, unwrap: true, cancellationToken).ConfigureAwait(false);
            value.Response = info;
            return value;
        }
    }

    private readonly struct InfoReader : IResponseReader<ResponseInfo>
    {
        public ValueTask<ResponseInfo> ReadAsync(HttpResponseMessage response, ResponseInfo info, CancellationToken cancellationToken) => new(info);
    }

    private readonly struct StreamingReader : IResponseReader<(HttpResponseMessage, ResponseInfo)>
    {
        public ValueTask<(HttpResponseMessage, ResponseInfo)> ReadAsync(HttpResponseMessage response, ResponseInfo info, CancellationToken cancellationToken) =>
            new((response, info));
    }

    /// <summary>
    /// The chokepoint every logical call passes through: start → send (the pipeline adds the idempotency key, retries,
    /// times out, buffers the body) → map an error status or transport failure → read the result. Every SDK exception
    /// leaving it carries the call's idempotency key, attempts and (when one arrived) response.
    /// </summary>
    internal async Task<TResult> CallAsync<TResult, TReader>(
        CallContext call,
        Func<CallContext, CancellationToken, Task<HttpResponseMessage>> send,
        TReader read,
        bool keepResponse,
        CancellationToken cancellationToken)
        where TReader : struct, IResponseReader<TResult>
    {
        call.Options?.Validate();
        HttpResponseMessage? response = null;
        var handedOver = false;
        try
        {
            try
            {
                response = await send(call, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (TranslateTransportFailure(ex, call, cancellationToken) is { } translated)
            {
                throw translated;
            }

            var info = ResponseInfo.FromResponse(response, call);
            if (info.Deprecation is not null || info.Sunset is not null)
            {
                WarnDeprecatedOnce(response.RequestMessage, info);
            }

            if (!response.IsSuccessStatusCode)
            {
                var error = await ErrorMapper.CreateAsync(response, info, TimeProvider, cancellationToken).ConfigureAwait(false);
                error.Response = info;
                throw error;
            }

            TResult result;
            try
            {
                result = await read.ReadAsync(response, info, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (TranslateTransportFailure(ex, call, cancellationToken) is { } translated)
            {
                throw translated;
            }

            handedOver = keepResponse;
            return result;
        }
        catch (BotCadenceException ex)
        {
            ex.IdempotencyKey ??= call.IdempotencyKey;
            ex.Attempts = call.Attempts;
            throw;
        }
        finally
        {
            if (!handedOver)
            {
                response?.Dispose();
            }
        }
    }

    /// <summary>
    /// The response body as <typeparamref name="T"/>. A body the attempt handler already read into memory (every one but a
    /// streamed download's) is deserialized from its array directly and synchronously.
    /// </summary>
    internal static ValueTask<T> DeserializeAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, bool unwrap, CancellationToken cancellationToken) =>
        response.Content is BufferedContent buffered
            ? new ValueTask<T>(Deserialize(response, buffered.Body, typeInfo, unwrap))
            : DeserializeStreamedAsync(response, typeInfo, unwrap, cancellationToken);

    private static async ValueTask<T> DeserializeStreamedAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, bool unwrap, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            return Deserialize(response, body.Span, typeInfo, unwrap);
        }
    }

    internal static T Deserialize<T>(HttpResponseMessage response, ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo, bool unwrap)
    {
        try
        {
            var json = unwrap ? JsonBody.UnwrapResource(body) : body;
            var value = JsonSerializer.Deserialize(json, typeInfo);
            if (value is null)
            {
                throw new JsonException("The body was the JSON literal null.");
            }

            return value;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            var raw = Encoding.UTF8.GetString(body);
            ResponseInfo.TryGetHeader(response.Headers, "X-Request-Id", out var requestId);
            throw new BotCadenceSerializationException(
                $"The {(int)response.StatusCode} response body could not be read as {typeof(T).Name}: {ex.Message}",
                response.StatusCode, raw, requestId, ex);
        }
    }

    /// <summary>
    /// The exception to throw instead of a transport failure, or null to let it propagate (the caller's own
    /// cancellation, or an exception that is already the SDK's). Refit's wrappers are looked through: no Refit
    /// type ever reaches the caller.
    /// </summary>
    private Exception? TranslateTransportFailure(Exception exception, CallContext call, CancellationToken cancellationToken) =>
        TranslateTransportFailure(exception, call, call.Options?.Timeout ?? _timeout, _attemptTimeout, cancellationToken);

    /// <summary>
    /// The translation itself, also used by telemetry to name the exception a failed operation ends with.
    /// <paramref name="totalTimeout"/> and <paramref name="attemptTimeout"/> tell a total timeout from an attempt's.
    /// </summary>
    internal static Exception? TranslateTransportFailure(Exception exception, CallContext call, TimeSpan totalTimeout, TimeSpan attemptTimeout, CancellationToken cancellationToken)
    {
        if (IsRefitException(exception))
        {
            return exception.InnerException is { } inner
                ? TranslateTransportFailure(inner, call, totalTimeout, attemptTimeout, cancellationToken) ?? inner
                : new BotCadenceException($"The request could not be built or sent: {exception.Message}", exception);
        }

        var attempts = call.Attempts == 1 ? "1 attempt" : $"{call.Attempts} attempts";
        switch (exception)
        {
            case BotCadenceException:
                return null;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return null;
            case TimeoutRejectedException timeout when timeout.Timeout == totalTimeout && timeout.Timeout != attemptTimeout:
                return new BotCadenceTimeoutException($"{call.Operation} ran out of its total Timeout of {timeout.Timeout.TotalSeconds:0.###} s after {attempts}.", timeout);
            case TimeoutRejectedException timeout:
                return new BotCadenceTimeoutException($"{call.Operation} timed out after {timeout.Timeout.TotalSeconds:0.###} s on its last attempt ({attempts}).", timeout);
            case OperationCanceledException canceled:
                return new BotCadenceTimeoutException($"{call.Operation} was cancelled by the transport before a response arrived (the HttpClient's Timeout), after {attempts}.", canceled);
            case HttpRequestException http:
                return new BotCadenceNetworkException($"{call.Operation} failed before a complete response arrived, after {attempts}: {http.Message}", http);
            case IOException io:
                return new BotCadenceNetworkException($"{call.Operation}: the connection failed while reading the response, after {attempts}: {io.Message}", io);
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
