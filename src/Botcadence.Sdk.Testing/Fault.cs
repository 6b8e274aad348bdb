using System.Globalization;
using Botcadence.ReferenceServer.Pipeline;

namespace Botcadence.Sdk.Testing;

/// <summary>The kinds of <see cref="Fault"/>.</summary>
public enum FaultKind
{
    /// <summary>429 <c>RATE_LIMITED</c> with <c>Retry-After</c>; the request does not run.</summary>
    RateLimited,

    /// <summary>503 with the error envelope; the request does not run.</summary>
    ServiceUnavailable,

    /// <summary>Any status and body (e.g. a proxy's 502 HTML page); the request does not run.</summary>
    Status,

    /// <summary>The connection is aborted before the request runs.</summary>
    ResetConnection,

    /// <summary>The request runs and takes effect, then the connection is aborted instead of answering.</summary>
    LoseResponse,

    /// <summary>The server waits (on its clock, so a fake clock controls it), then runs the request normally.</summary>
    Delay,
}

/// <summary>
/// A scripted failure of the test server, for <see cref="FaultInjector.Enqueue(Fault)"/>: the next matching request gets it
/// instead of (or before) its normal handling.
/// </summary>
public sealed class Fault
{
    private Fault(FaultKind kind, FaultAction action, string description)
    {
        Kind = kind;
        Action = action;
        Description = description;
    }

    /// <summary>What the fault does.</summary>
    public FaultKind Kind { get; }

    /// <summary>A short description, e.g. <c>429 Retry-After 2 s</c>.</summary>
    public string Description { get; }

    internal FaultAction Action { get; }

    /// <summary>The connection is aborted (<c>HttpContext.Abort()</c>) before the request runs: nothing happens on the server.</summary>
    public static Fault ResetConnection { get; } = new(FaultKind.ResetConnection, new FaultAction(ReferenceServer.Pipeline.FaultKind.ResetConnection), "connection reset");

    /// <summary>
    /// The request runs for real (it takes effect: a create creates), then the connection is aborted instead of answering:
    /// the case idempotency keys exist for. A retry with the same <c>Idempotency-Key</c> gets the stored first response.
    /// </summary>
    public static Fault LoseResponse { get; } = new(FaultKind.LoseResponse, new FaultAction(ReferenceServer.Pipeline.FaultKind.LoseResponse), "response lost");

    /// <summary>503 <c>SERVICE_UNAVAILABLE</c> with the v1 error envelope and no <c>Retry-After</c>; the request does not run.</summary>
    public static Fault ServiceUnavailable { get; } = ServiceUnavailableFor(null);

    /// <summary>429 <c>RATE_LIMITED</c> with the v1 error envelope and <c>Retry-After</c>; the request does not run.</summary>
    /// <param name="retryAfter">The <c>Retry-After</c> (whole seconds, rounded up); 1 s when null.</param>
    /// <returns>The fault.</returns>
    public static Fault RateLimited(TimeSpan? retryAfter = null)
    {
        var wait = retryAfter ?? TimeSpan.FromSeconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        return new Fault(
            FaultKind.RateLimited,
            new FaultAction(ReferenceServer.Pipeline.FaultKind.Respond)
            {
                StatusCode = 429,
                ErrorCode = "RATE_LIMITED",
                Body = "Rate limit exceeded (injected fault).",
                RetryAfter = wait,
            },
            string.Create(CultureInfo.InvariantCulture, $"429 Retry-After {wait.TotalSeconds:0.###} s"));
    }

    /// <summary>503 <c>SERVICE_UNAVAILABLE</c> with the v1 error envelope; the request does not run.</summary>
    /// <param name="retryAfter">The <c>Retry-After</c> to send, or null for none.</param>
    /// <returns>The fault.</returns>
    public static Fault ServiceUnavailableFor(TimeSpan? retryAfter) =>
        new(
            FaultKind.ServiceUnavailable,
            new FaultAction(ReferenceServer.Pipeline.FaultKind.Respond)
            {
                StatusCode = 503,
                ErrorCode = "SERVICE_UNAVAILABLE",
                Body = "The service is temporarily unavailable (injected fault).",
                RetryAfter = retryAfter,
            },
            "503 service unavailable");

    /// <summary>Any status with any body, e.g. <c>Fault.Status(502, "&lt;html&gt;Bad gateway&lt;/html&gt;")</c> as a proxy sends it.</summary>
    /// <param name="statusCode">The HTTP status (100–599).</param>
    /// <param name="body">The body, sent as is.</param>
    /// <param name="contentType">The content type; <c>text/html</c> when null and the body starts with <c>&lt;</c>, else <c>text/plain</c>.</param>
    /// <returns>The fault.</returns>
    public static Fault Status(int statusCode, string body = "", string? contentType = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentNullException.ThrowIfNull(body);
        contentType ??= body.TrimStart().StartsWith('<') ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
        return new Fault(
            FaultKind.Status,
            new FaultAction(ReferenceServer.Pipeline.FaultKind.Respond) { StatusCode = statusCode, Body = body, ContentType = contentType },
            string.Create(CultureInfo.InvariantCulture, $"{statusCode} {contentType}"));
    }

    /// <summary>The server waits <paramref name="delay"/> on its <see cref="TimeProvider"/> (advance a fake clock to release it), then answers normally.</summary>
    /// <param name="delay">How long to hold the request.</param>
    /// <returns>The fault.</returns>
    public static Fault Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new Fault(
            FaultKind.Delay,
            new FaultAction(ReferenceServer.Pipeline.FaultKind.Delay) { Delay = delay },
            string.Create(CultureInfo.InvariantCulture, $"delay {delay.TotalMilliseconds:0} ms"));
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}
