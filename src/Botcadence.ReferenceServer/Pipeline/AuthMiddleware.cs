using Botcadence.ReferenceServer.ApiKeys;
using Botcadence.ReferenceServer.Organizations;

namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>
/// Resolves the bearer key, counts the request against its rate-limit bucket (per key; per remote IP
/// at the free-plan limit when there is no valid key), then rejects 429 / 401 as needed.
/// </summary>
internal sealed class AuthMiddleware(RequestDelegate next, OrganizationStore organizations, ApiKeyStore keys, SessionStore sessions, RateLimiter limiter, ServerClock clock, ReferenceServerOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var state = RequestIdMiddleware.State(context);
        var anonymous = context.GetEndpoint()?.Metadata.GetMetadata<AnonymousEndpoint>() is not null;
        var token = anonymous ? null : ReadBearer(context);
        var key = token is null ? null : keys.FindByValue(token) ?? sessions.Find(token);
        var org = key is null ? null : organizations.Get(key.OrganizationId);

        RateLimitDecision decision;
        if (key is not null && org is not null)
        {
            decision = limiter.Hit("key:" + key.Id, RateLimiter.LimitForPlan(org.Plan, org.RateLimitPerMinute, options.EnterpriseRateLimitPerMinute));
        }
        else
        {
            var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            decision = limiter.Hit("ip:" + ip, RateLimiter.LimitForPlan(Plans.Free, null, options.EnterpriseRateLimitPerMinute));
        }

        state.RateLimit = decision;
        if (decision.Exceeded)
        {
            return ErrorWriter.WriteAsync(
                context,
                new ApiError(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, $"Rate limit of {decision.Limit} requests per minute exceeded. Retry after {decision.RetryAfterSeconds} s."));
        }

        if (anonymous)
        {
            return next(context);
        }

        if (key is null || org is null)
        {
            var message = token is null
                ? "Missing API key. Send 'Authorization: Bearer <key>'."
                : "Invalid API key.";
            return ErrorWriter.WriteAsync(context, ApiError.Unauthorized(ErrorCodes.Unauthorized, message));
        }

        if (key.RevokedAt is not null)
        {
            return ErrorWriter.WriteAsync(context, ApiError.Unauthorized(ErrorCodes.KeyRevoked, "This API key has been revoked."));
        }

        if (key.ExpiresAt is { } expires && expires <= clock.UtcNow)
        {
            return ErrorWriter.WriteAsync(context, ApiError.Unauthorized(ErrorCodes.KeyExpired, $"This API key expired at {JsonResponse.Time(expires)}."));
        }

        state.Caller = new Caller(org, key);
        return next(context);
    }

    private static string? ReadBearer(HttpContext context)
    {
        string? header = context.Request.Headers.Authorization;
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return string.Empty;
        }

        return header[scheme.Length..].Trim();
    }
}
