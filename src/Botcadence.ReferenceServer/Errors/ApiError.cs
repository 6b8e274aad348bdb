using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Errors;

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
