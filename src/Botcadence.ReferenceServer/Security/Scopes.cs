namespace Botcadence.ReferenceServer.Infrastructure;

/// <summary>The scopes a key can hold. Later resources append theirs here.</summary>
internal static class Scopes
{
    public const string All = "*";
    public const string WorkflowsRead = "workflows:read";
    public const string WorkflowsWrite = "workflows:write";
    public const string WorkflowsExecute = "workflows:execute";
    public const string ExecutionsRead = "executions:read";
    public const string TemplatesRead = "templates:read";
    public const string TemplatesWrite = "templates:write";
    public const string TemplatesPublish = "templates:publish";
    public const string RunsRead = "runs:read";
    public const string RunsWrite = "runs:write";
    public const string RunsExecute = "runs:execute";
    public const string FormsRead = "forms:read";
    public const string FormsWrite = "forms:write";
    public const string FilesRead = "files:read";
    public const string FilesWrite = "files:write";
    public const string WebhooksManage = "webhooks:manage";
    public const string CredentialsRead = "credentials:read";
    public const string CredentialsWrite = "credentials:write";
    public const string IntegrationsRead = "integrations:read";
    public const string IntegrationsWrite = "integrations:write";
    public const string DataSourcesRead = "data-sources:read";
    public const string DataSourcesWrite = "data-sources:write";
    public const string UsersRead = "users:read";
    public const string AgentsRead = "agents:read";
    public const string AgentsWrite = "agents:write";
    public const string AnalyticsRead = "analytics:read";

    public static IReadOnlyList<string> Known { get; } =
    [
        WorkflowsRead, WorkflowsWrite, WorkflowsExecute, ExecutionsRead,
        TemplatesRead, TemplatesWrite, TemplatesPublish, RunsRead, RunsWrite, RunsExecute,
        FormsRead, FormsWrite, FilesRead, FilesWrite,
        WebhooksManage,
        CredentialsRead, CredentialsWrite,
        IntegrationsRead, IntegrationsWrite,
        DataSourcesRead, DataSourcesWrite,
        UsersRead,
        AgentsRead, AgentsWrite,
        AnalyticsRead,
    ];

    public static bool IsKnown(string scope) => scope == All || Known.Contains(scope);

    public static bool Grants(IReadOnlyList<string> held, string required) =>
        held.Contains(All) || held.Contains(required);
}

/// <summary>Endpoint metadata: the scope a key must hold to call the endpoint.</summary>
internal sealed record RequiredScope(string Scope);

/// <summary>Endpoint metadata: the endpoint needs no API key (e.g. inbound trigger webhooks).</summary>
internal sealed record AnonymousEndpoint;

/// <summary>Endpoint conventions.</summary>
internal static class EndpointConventions
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RequiredScope(scope));
        return builder;
    }

    public static TBuilder AllowWithoutKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AnonymousEndpoint());
        return builder;
    }
}

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
