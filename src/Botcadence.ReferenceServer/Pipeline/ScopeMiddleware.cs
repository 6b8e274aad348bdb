namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>403 MISSING_SCOPE when the caller's key lacks the endpoint's <see cref="RequiredScope"/>.</summary>
internal sealed class ScopeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>();
        var caller = RequestIdMiddleware.State(context).Caller;
        if (required is not null && caller is not null && !Scopes.Grants(caller.Key.Scopes, required.Scope))
        {
            return ErrorWriter.WriteAsync(context, ApiError.MissingScope(required.Scope));
        }

        return next(context);
    }
}
