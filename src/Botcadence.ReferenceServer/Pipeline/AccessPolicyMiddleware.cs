using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Infrastructure;

/// <summary>Endpoint metadata: the organization's plan must be at least <see cref="Plan"/> (else 403 PLAN_REQUIRED).</summary>
internal sealed record RequiredPlan(string Plan);

/// <summary>Endpoint metadata: only a session token may call the endpoint (an API key gets 403 FORBIDDEN).</summary>
internal sealed record SessionOnlyEndpoint;

/// <summary>Endpoint conventions for plans and session-only endpoints.</summary>
internal static class AccessPolicyConventions
{
    public static TBuilder RequirePlan<TBuilder>(this TBuilder builder, string plan)
        where TBuilder : IEndpointConventionBuilder
    {
        if (!Plans.All.Contains(plan))
        {
            throw new ArgumentException($"Unknown plan '{plan}'.", nameof(plan));
        }

        builder.WithMetadata(new RequiredPlan(plan));
        return builder;
    }

    public static TBuilder RequireSession<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new SessionOnlyEndpoint());
        return builder;
    }

    /// <summary>True when <paramref name="plan"/> is <paramref name="required"/> or above (free &lt; starter &lt; pro &lt; business &lt; enterprise).</summary>
    public static bool Includes(string plan, string required)
    {
        var all = Plans.All;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i] == plan)
            {
                return i >= IndexOf(required);
            }
        }

        return false;
    }

    private static int IndexOf(string plan)
    {
        for (var i = 0; i < Plans.All.Count; i++)
        {
            if (Plans.All[i] == plan)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}

/// <summary>
/// After the scope check: 403 FORBIDDEN when an API key calls a session-only endpoint, 403 PLAN_REQUIRED when the
/// organization's plan is below the endpoint's <see cref="RequiredPlan"/>.
/// </summary>
internal sealed class AccessPolicyMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        var caller = RequestIdMiddleware.State(context).Caller;
        if (metadata is null || caller is null)
        {
            return next(context);
        }

        if (metadata.GetMetadata<SessionOnlyEndpoint>() is not null && !caller.Key.IsSession)
        {
            return ErrorWriter.WriteAsync(context, new ApiError(
                StatusCodes.Status403Forbidden,
                ErrorCodes.Forbidden,
                "API keys are managed with a session token (sess_…), not with an API key."));
        }

        if (metadata.GetMetadata<RequiredPlan>() is { } required && !AccessPolicyConventions.Includes(caller.Organization.Plan, required.Plan))
        {
            return ErrorWriter.WriteAsync(context, new ApiError(
                StatusCodes.Status403Forbidden,
                ErrorCodes.PlanRequired,
                $"This feature requires the {required.Plan} plan or above; the organization is on the {caller.Organization.Plan} plan.")
            {
                Details = new JsonObject { ["required_plan"] = required.Plan, ["current_plan"] = caller.Organization.Plan },
            });
        }

        return next(context);
    }
}
