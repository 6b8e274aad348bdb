using System.Net;
using System.Text.Json;

namespace Botcadence.Sdk;

/// <summary>The base of every exception the SDK throws (other than argument checks and caller cancellation).</summary>
public class BotCadenceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BotCadenceException() { }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public BotCadenceException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying cause.</param>
    public BotCadenceException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>
    /// The <c>Idempotency-Key</c> the failed call sent with every attempt (mutating calls only; null for reads and for
    /// failures outside a call). After the SDK's retries ran out, repeat the call with
    /// <c>new RequestOptions { IdempotencyKey = ex.IdempotencyKey }</c>: if the first call did take effect, the service
    /// replays its response instead of doing the work twice.
    /// </summary>
    public string? IdempotencyKey { get; internal set; }

    /// <summary>The response the call ended with, when one arrived (null for network failures and timeouts).</summary>
    public ResponseInfo? Response { get; internal set; }

    /// <summary>How many attempts the call made before failing (0 when it failed before sending).</summary>
    public int Attempts { get; internal set; }
}

/// <summary>The service answered with an error status. Subclasses name the class of failure.</summary>
public class BotCadenceApiException : BotCadenceException
{
    /// <summary>Creates the exception from the parts of an error response.</summary>
    /// <param name="error">What the error response said.</param>
    public BotCadenceApiException(BotCadenceError error)
        : base(FormatMessage(error))
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Everything the error response said.</summary>
    public BotCadenceError Error { get; }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode => Error.StatusCode;

    /// <summary>The machine-readable error code (upper case), or one derived from the status when the body had none.</summary>
    public ErrorCode Code => Error.Code;

    /// <summary>The human-readable message from the service.</summary>
    public string ErrorMessage => Error.Message;

    /// <summary>Structured details, when the service sent them.</summary>
    public JsonElement? Details => Error.Details;

    /// <summary>The offending field, when the service named one.</summary>
    public string? Field => Error.Field;

    /// <summary>The request id, to quote to support.</summary>
    public string? RequestId => Error.RequestId;

    /// <summary>The rate-limit state reported with the error.</summary>
    public RateLimitInfo? RateLimit => Error.RateLimit;

    /// <summary>The raw response body, exactly as received (may be HTML from a proxy).</summary>
    public string RawBody => Error.RawBody;

    private static string FormatMessage(BotCadenceError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var requestId = error.RequestId is null ? string.Empty : $", request {error.RequestId}";
        return $"{error.Message} (HTTP {(int)error.StatusCode}, {error.Code}{requestId})";
    }
}

/// <summary>400 or 422: the request was malformed or failed validation; <see cref="BotCadenceApiException.Field"/> names the field.</summary>
public class BotCadenceValidationException : BotCadenceApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the error response said.</param>
    public BotCadenceValidationException(BotCadenceError error) : base(error) { }
}

/// <summary>401: the key is missing, unknown, expired (<c>KEY_EXPIRED</c>) or revoked (<c>KEY_REVOKED</c>).</summary>
public class BotCadenceAuthenticationException : BotCadenceApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the error response said.</param>
    public BotCadenceAuthenticationException(BotCadenceError error) : base(error) { }
}

/// <summary>403: the key may not do this; <see cref="RequiredScope"/> names the missing scope.</summary>
public class BotCadencePermissionException : BotCadenceApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the error response said.</param>
    public BotCadencePermissionException(BotCadenceError error) : base(error) { }

    /// <summary>The scope the operation requires (for <c>MISSING_SCOPE</c>).</summary>
    public string? RequiredScope => Error.RequiredScope;
}

/// <summary>404: the resource does not exist, or belongs to another organization.</summary>
public class BotCadenceNotFoundException : BotCadenceApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the error response said.</param>
    public BotCadenceNotFoundException(BotCadenceError error) : base(error) { }
}

/// <summary>409: the request conflicts with the resource's state, or reused an idempotency key with another body.</summary>
public class BotCadenceConflictException : BotCadenceApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the error response said.</param>
    public BotCadenceConflictException(BotCadenceError error) : base(error) { }
}

/// <summary>429: too many requests, after the SDK's retries (or with a <c>Retry-After</c> beyond the configured cap).</summary>
public class BotCadenceRateLimitException : BotCadenceApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the error response said.</param>
    public BotCadenceRateLimitException(BotCadenceError error) : base(error) { }

    /// <summary>How long the service asked the caller to wait, from <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter => Error.RetryAfter;
}

/// <summary>5xx: the service (or a proxy in front of it) failed, after the SDK's retries.</summary>
public class BotCadenceServerException : BotCadenceApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the error response said.</param>
    public BotCadenceServerException(BotCadenceError error) : base(error) { }
}

/// <summary>The service could not be reached, or the connection failed, after the SDK's retries.</summary>
public class BotCadenceNetworkException : BotCadenceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public BotCadenceNetworkException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>
/// The call ran out of time: its total <see cref="BotCadenceClientOptions.Timeout"/> (or <see cref="RequestOptions.Timeout"/>),
/// or its last attempt's <see cref="BotCadenceClientOptions.AttemptTimeout"/>. Your own cancellation is an
/// <see cref="OperationCanceledException"/> instead.
/// </summary>
public class BotCadenceTimeoutException : BotCadenceNetworkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public BotCadenceTimeoutException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>A successful response whose body could not be read as the expected type; <see cref="RawBody"/> holds it.</summary>
public class BotCadenceSerializationException : BotCadenceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The response's status.</param>
    /// <param name="rawBody">The body as received.</param>
    /// <param name="requestId">The request id, when sent.</param>
    /// <param name="innerException">The parser's error.</param>
    public BotCadenceSerializationException(string message, HttpStatusCode statusCode, string rawBody, string? requestId, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RawBody = rawBody;
        RequestId = requestId;
    }

    /// <summary>The response's status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The body as received.</summary>
    public string RawBody { get; }

    /// <summary>The request id, when sent.</summary>
    public string? RequestId { get; }
}
