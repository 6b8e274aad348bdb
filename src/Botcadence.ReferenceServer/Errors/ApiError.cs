using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Infrastructure;

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

/// <summary>One error as it goes on the wire (status plus envelope fields).</summary>
internal sealed record ApiError(int Status, string Code, string Message)
{
    public string? Field { get; init; }
    public string? RequiredScope { get; init; }
    public JsonObject? Details { get; init; }

    public static ApiError BadRequest(string message, string? field = null) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, message) { Field = field };

    public static ApiError Validation(string field, string message) =>
        new(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError, message) { Field = field };

    public static ApiError NotFound(string message) =>
        new(StatusCodes.Status404NotFound, ErrorCodes.NotFound, message);

    public static ApiError Conflict(string message) =>
        new(StatusCodes.Status409Conflict, ErrorCodes.Conflict, message);

    public static ApiError Unauthorized(string code, string message) =>
        new(StatusCodes.Status401Unauthorized, code, message);

    public static ApiError MissingScope(string scope) =>
        new(StatusCodes.Status403Forbidden, ErrorCodes.MissingScope, $"This API key lacks the required scope '{scope}'.")
        {
            RequiredScope = scope,
        };
}

/// <summary>Thrown anywhere in request handling to answer with an error envelope.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(ApiError error)
        : base(error.Message) => Error = error;

    public ApiException()
        : this(new ApiError(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "Internal error."))
    {
    }

    public ApiException(string message)
        : this(new ApiError(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, message))
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException) =>
        Error = new ApiError(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, message);

    public ApiError Error { get; }

    public static ApiException NotFound(string resource, string id) =>
        new(ApiError.NotFound($"{resource} {id} was not found."));
}

/// <summary>The one place that writes error envelopes.</summary>
internal static class ErrorWriter
{
    public static async Task WriteAsync(HttpContext context, ApiError error)
    {
        var body = new JsonObject
        {
            ["code"] = error.Code,
            ["message"] = error.Message,
        };
        if (error.Details is not null)
        {
            body["details"] = error.Details.DeepClone();
        }

        if (error.Field is not null)
        {
            body["field"] = error.Field;
        }

        if (error.RequiredScope is not null)
        {
            body["required_scope"] = error.RequiredScope;
        }

        body["request_id"] = RequestIdMiddleware.Get(context);
        var envelope = new JsonObject { ["error"] = body };

        context.Response.StatusCode = error.Status;
        context.Response.Headers.ContentLength = null;
        await JsonResponse.WriteAsync(context, envelope, error.Status).ConfigureAwait(false);
    }
}
