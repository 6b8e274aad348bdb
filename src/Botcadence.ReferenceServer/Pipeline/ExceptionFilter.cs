namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>
/// The endpoint-level side of <see cref="ExceptionMiddleware"/>: an exception from an API handler is answered with the
/// error envelope inside the pipeline, so <see cref="IdempotencyMiddleware"/> stores and replays an error answer like
/// any other. <see cref="ExceptionMiddleware"/> (registered once, outside routing) answers what the middlewares throw.
/// </summary>
internal sealed class ExceptionFilter(ILogger<ExceptionMiddleware> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ExceptionMiddleware.Handles(context.HttpContext, ex))
        {
            await ExceptionMiddleware.AnswerAsync(context.HttpContext, ex, logger).ConfigureAwait(false);
            return Results.Empty;
        }
    }
}
