namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>Gives unknown routes (404) and wrong methods (405, with Allow) an error envelope.</summary>
internal sealed class StatusCodeEnvelopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context).ConfigureAwait(false);
        if (context.Response.HasStarted || context.Response.ContentLength is > 0)
        {
            return;
        }

        switch (context.Response.StatusCode)
        {
            case StatusCodes.Status404NotFound:
                await ErrorWriter.WriteAsync(
                    context,
                    ApiError.NotFound($"No route matches {context.Request.Method} {context.Request.Path}.")).ConfigureAwait(false);
                break;
            case StatusCodes.Status405MethodNotAllowed:
                var allow = context.Response.Headers.Allow.ToString();
                await ErrorWriter.WriteAsync(
                    context,
                    new ApiError(
                        StatusCodes.Status405MethodNotAllowed,
                        ErrorCodes.InvalidRequest,
                        $"Method {context.Request.Method} is not allowed on {context.Request.Path}. Allowed: {allow}.")).ConfigureAwait(false);
                break;
        }
    }
}
