using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Pipeline;

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

        if (metadata.GetMetadata<RequiredPlan>() is { } required && !Plans.Includes(caller.Organization.Plan, required.Plan))
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
