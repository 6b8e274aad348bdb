using System.Globalization;
using System.Text;

namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>
/// Applies scripted faults (<see cref="ReferenceServerOptions.Faults"/>): canned error responses, aborted connections,
/// lost responses and delays on the server clock. Installed only when a fault source is configured.
/// </summary>
internal sealed class FaultMiddleware(RequestDelegate next, ReferenceServerOptions options, ServerClock clock)
{
    /// <summary>Requests with this header are never faulted (the testing kit's own seeding and inspection calls).</summary>
    public const string BypassHeader = "X-BotCadence-Testing-No-Faults";

    public async Task InvokeAsync(HttpContext context)
    {
        // A delay's timer starts when the fault is taken, before the source records it as applied: a test that waits
        // for the fault and then advances the server clock always finds the timer running.
        Task? delay = null;
        if (options.Faults is not { } source || context.Request.Headers.ContainsKey(BypassHeader) ||
            source.Next(context.Request.Method, context.Request.Path.Value ?? "/", action =>
                delay = action.Kind == FaultKind.Delay ? Task.Delay(action.Delay, clock.TimeProvider, context.RequestAborted) : null) is not { } fault)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        switch (fault.Kind)
        {
            case FaultKind.ResetConnection:
                context.Abort();
                return;
            case FaultKind.Delay:
                await (delay ?? Task.Delay(fault.Delay, clock.TimeProvider, context.RequestAborted)).ConfigureAwait(false);
                await next(context).ConfigureAwait(false);
                return;
            case FaultKind.LoseResponse:
                await LoseResponseAsync(context).ConfigureAwait(false);
                return;
            default:
                await RespondAsync(context, fault).ConfigureAwait(false);
                return;
        }
    }

    private async Task LoseResponseAsync(HttpContext context)
    {
        var original = context.Response.Body;
        await using var sink = new MemoryStream();
        context.Response.Body = sink; // the answer goes nowhere; the work is done all the same
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
            context.Abort();
        }
    }

    private static async Task RespondAsync(HttpContext context, FaultAction fault)
    {
        if (fault.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (fault.ErrorCode is { } code)
        {
            await ErrorWriter.WriteAsync(context, new ApiError(fault.StatusCode, code, fault.Body ?? "Injected fault.")).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = fault.StatusCode;
        context.Response.ContentType = fault.ContentType;
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(fault.Body ?? string.Empty), context.RequestAborted).ConfigureAwait(false);
    }
}
