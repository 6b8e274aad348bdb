using System.Text.Json;
using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Requests;

/// <summary>
/// Field-by-field validation of JSON bodies, as the seeds give the statuses: a missing required field or a value of the
/// wrong JSON type is 400 INVALID_REQUEST (<see cref="Required"/>, <see cref="WrongType"/>); a well-formed value that is
/// semantically invalid (too long, not one of the allowed values, a bad format) is 422 VALIDATION_ERROR
/// (<see cref="Invalid"/>). Both name the field's JSON path.
/// </summary>
internal static class Fields
{
    public static string Path(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    /// <summary>True when the property is present (its value may be JSON null).</summary>
    public static bool TryGet(JsonObject obj, string name, out JsonNode? value) => obj.TryGetPropertyValue(name, out value);

    public static string String(JsonNode? node, string path, int minLength = 0, int maxLength = int.MaxValue)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            throw WrongType(path, $"'{path}' must be a string.");
        }

        var text = value.GetValue<string>();
        if (text.Length < minLength || (minLength > 0 && string.IsNullOrWhiteSpace(text)))
        {
            throw Invalid(path, minLength == 1 ? $"'{path}' must not be empty." : $"'{path}' must be at least {minLength} characters.");
        }

        if (text.Length > maxLength)
        {
            throw Invalid(path, $"'{path}' must be at most {maxLength} characters.");
        }

        return text;
    }

    public static string? NullableString(JsonNode? node, string path, int maxLength = int.MaxValue) =>
        node is null ? null : String(node, path, 0, maxLength);

    public static string OneOf(JsonNode? node, string path, IReadOnlyCollection<string> allowed)
    {
        var text = String(node, path);
        return allowed.Contains(text) ? text : throw Invalid(path, $"'{path}' must be one of: {string.Join(", ", allowed)}.");
    }

    public static bool Boolean(JsonNode? node, string path) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : throw WrongType(path, $"'{path}' must be a boolean.");

    public static JsonObject Object(JsonNode? node, string path) =>
        node as JsonObject ?? throw WrongType(path, $"'{path}' must be an object.");

    public static JsonArray Array(JsonNode? node, string path) =>
        node as JsonArray ?? throw WrongType(path, $"'{path}' must be an array.");

    /// <summary>A required field is missing (or null): 400 INVALID_REQUEST naming it.</summary>
    public static ApiException Required(string path) => new(ApiError.BadRequest($"'{path}' is required.", path));

    /// <summary>A value of the wrong JSON type (a number where a string belongs, null for a non-nullable field): 400 INVALID_REQUEST.</summary>
    public static ApiException WrongType(string path, string message) => new(ApiError.BadRequest(message, path));

    /// <summary>A well-formed value that is semantically invalid: 422 VALIDATION_ERROR naming it.</summary>
    public static ApiException Invalid(string path, string message) => new(ApiError.Validation(path, message));
}
