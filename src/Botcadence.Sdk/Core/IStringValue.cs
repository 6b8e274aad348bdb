using System.Text.Json;
using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>
/// A string-backed extensible enumeration: the known values are static properties, and any other
/// value the service sends is kept as it is rather than failing to deserialize.
/// </summary>
/// <typeparam name="TSelf">The enumeration type.</typeparam>
internal interface IStringValue<TSelf> where TSelf : struct, IStringValue<TSelf>
{
    /// <summary>The wire value.</summary>
    string Value { get; }

    /// <summary>Creates the enumeration value for a wire value.</summary>
    /// <param name="value">The wire value.</param>
    static abstract TSelf FromValue(string value);
}

/// <summary>Reads and writes an <see cref="IStringValue{TSelf}"/> as a JSON string.</summary>
/// <typeparam name="T">The enumeration type.</typeparam>
internal sealed class StringValueJsonConverter<T> : JsonConverter<T> where T : struct, IStringValue<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name}, got {reader.TokenType}.");
        }

        return T.FromValue(reader.GetString()!);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
