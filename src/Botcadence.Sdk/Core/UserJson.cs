using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Botcadence.Sdk;

/// <summary>
/// Users' own free-form data (execution input, form submissions, task values, records, metadata): serialized exactly
/// as written. The API's snake_case policy is never applied to it; property names of anonymous objects and POCOs pass
/// through unchanged.
/// </summary>
internal static class UserJson
{
    /// <summary>Default System.Text.Json options: no naming policy, so <c>firstName</c> stays <c>firstName</c>.</summary>
    private static readonly JsonSerializerOptions ReflectionOptions = new(JsonSerializerDefaults.General);

    internal const string ReflectionMessage = "Serializes the value with reflection. Use the JsonTypeInfo overload or pass a JsonElement in trimmed or AOT apps.";

    /// <summary>Serializes a caller's value by reflection with default options; a <see cref="JsonElement"/> passes through.</summary>
    [RequiresUnreferencedCode(ReflectionMessage)]
    [RequiresDynamicCode(ReflectionMessage)]
    public static JsonElement? FromObject(object? value) => value switch
    {
        null => null,
        JsonElement element => element,
        JsonDocument document => document.RootElement.Clone(),
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), ReflectionOptions),
    };

    /// <summary>Serializes a caller's value with the caller's own metadata.</summary>
    public static JsonElement From<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return JsonSerializer.SerializeToElement(value, typeInfo);
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless the value is a JSON object.</summary>
    public static JsonElement RequireObject(JsonElement? value, string paramName)
    {
        if (value is not { ValueKind: JsonValueKind.Object } element)
        {
            throw new ArgumentException($"The value must be a JSON object, not {(value is { } v ? v.ValueKind : JsonValueKind.Null)}.", paramName);
        }

        return element;
    }
}
