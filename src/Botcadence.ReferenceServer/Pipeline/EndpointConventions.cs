namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>Endpoint metadata: the scope a key must hold to call the endpoint (else 403 MISSING_SCOPE).</summary>
internal sealed record RequiredScope(string Scope);

/// <summary>Endpoint metadata: the endpoint needs no API key (e.g. inbound trigger webhooks).</summary>
internal sealed record AnonymousEndpoint;

/// <summary>Endpoint metadata: the organization's plan must be at least <see cref="Plan"/> (else 403 PLAN_REQUIRED).</summary>
internal sealed record RequiredPlan(string Plan);

/// <summary>Endpoint metadata: only a session token may call the endpoint (an API key gets 403 FORBIDDEN).</summary>
internal sealed record SessionOnlyEndpoint;

/// <summary>Endpoint metadata: the handler streams the request body itself (no JSON reading, no idempotent replay).</summary>
internal sealed record StreamedRequestBody;

/// <summary>The endpoint conventions the pipeline's middlewares read: scope, key, plan, session and body handling.</summary>
internal static class EndpointConventions
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequiredScope(scope));

    public static TBuilder AllowWithoutKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AnonymousEndpoint());

    public static TBuilder RequirePlan<TBuilder>(this TBuilder builder, string plan)
        where TBuilder : IEndpointConventionBuilder =>
        Plans.All.Contains(plan) ? builder.WithMetadata(new RequiredPlan(plan)) : throw new ArgumentException($"Unknown plan '{plan}'.", nameof(plan));

    public static TBuilder RequireSession<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new SessionOnlyEndpoint());

    public static TBuilder StreamsRequestBody<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new StreamedRequestBody());
}
