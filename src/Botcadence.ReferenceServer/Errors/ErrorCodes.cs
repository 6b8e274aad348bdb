namespace Botcadence.ReferenceServer.Errors;

/// <summary>Error codes of the v1 error envelope.</summary>
internal static class ErrorCodes
{
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string ValidationError = "VALIDATION_ERROR";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string KeyExpired = "KEY_EXPIRED";
    public const string KeyRevoked = "KEY_REVOKED";
    public const string Forbidden = "FORBIDDEN";
    public const string MissingScope = "MISSING_SCOPE";
    public const string PlanRequired = "PLAN_REQUIRED";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string Unprocessable = "UNPROCESSABLE";
    public const string RateLimited = "RATE_LIMITED";
    public const string InternalError = "INTERNAL_ERROR";
}
