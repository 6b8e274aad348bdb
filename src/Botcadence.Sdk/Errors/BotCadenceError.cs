using System.Net;
using System.Text.Json;

namespace Botcadence.Sdk;

/// <summary>Everything an error response said, whatever envelope it came in.</summary>
public sealed class BotCadenceError
{
    /// <summary>Creates an error description (for tests and custom handlers).</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="code">The error code.</param>
    /// <param name="message">The message.</param>
    /// <param name="rawBody">The raw body.</param>
    public BotCadenceError(HttpStatusCode statusCode, ErrorCode code, string message, string rawBody)
    {
        StatusCode = statusCode;
        Code = code;
        Message = message ?? string.Empty;
        RawBody = rawBody ?? string.Empty;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The error code, upper case.</summary>
    public ErrorCode Code { get; }

    /// <summary>The human-readable message.</summary>
    public string Message { get; }

    /// <summary>Structured details (an object or a string), when sent.</summary>
    public JsonElement? Details { get; init; }

    /// <summary>The offending field, when named.</summary>
    public string? Field { get; init; }

    /// <summary>The scope the operation requires, for <c>MISSING_SCOPE</c>.</summary>
    public string? RequiredScope { get; init; }

    /// <summary>The request id, from the <c>X-Request-Id</c> header or the body.</summary>
    public string? RequestId { get; init; }

    /// <summary>The rate-limit state reported with the error.</summary>
    public RateLimitInfo? RateLimit { get; init; }

    /// <summary>The <c>Retry-After</c> delay, when sent.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The raw body exactly as received.</summary>
    public string RawBody { get; }
}
