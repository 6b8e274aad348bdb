using System.Globalization;

namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>
/// Outermost middleware: assigns (or echoes) X-Request-Id and makes sure the request id and the
/// X-RateLimit-* headers are on every response, including errors, via <c>OnStarting</c>.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Request-Id";

    public Task InvokeAsync(HttpContext context)
    {
        string? incoming = context.Request.Headers[Header];
        var id = IsAcceptable(incoming) ? incoming! : Ids.RequestId();
        var state = new RequestState { RequestId = id };
        context.Features.Set(state);
        context.Response.OnStarting(static s => ApplyHeaders((HttpContext)s), context);
        return next(context);
    }

    public static RequestState State(HttpContext context) =>
        context.Features.Get<RequestState>() ?? throw new InvalidOperationException("RequestIdMiddleware is not installed.");

    public static string Get(HttpContext context) => State(context).RequestId;

    /// <summary>Writes X-Request-Id and X-RateLimit-* onto the response (idempotent).</summary>
    public static Task ApplyHeaders(HttpContext context)
    {
        var state = State(context);
        var headers = context.Response.Headers;
        headers[Header] = state.RequestId;
        if (state.RateLimit is { } rl)
        {
            headers["X-RateLimit-Limit"] = rl.Limit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = rl.Remaining.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = rl.ResetEpochSeconds.ToString(CultureInfo.InvariantCulture);
            if (rl.Exceeded)
            {
                headers.RetryAfter = rl.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 200 && value.All(c => c is > ' ' and < (char)127);
}
