using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The type of a data-source column. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<DataSourceColumnType>))]
public readonly struct DataSourceColumnType : IEquatable<DataSourceColumnType>, IStringValue<DataSourceColumnType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public DataSourceColumnType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>A string.</summary>
    public static DataSourceColumnType Text { get; } = new("text");
    /// <summary>A JSON number.</summary>
    public static DataSourceColumnType Number { get; } = new("number");
    /// <summary>true or false.</summary>
    public static DataSourceColumnType Boolean { get; } = new("boolean");
    /// <summary>An ISO-8601 date or date-time string.</summary>
    public static DataSourceColumnType Date { get; } = new("date");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static DataSourceColumnType FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(DataSourceColumnType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DataSourceColumnType other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(DataSourceColumnType left, DataSourceColumnType right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(DataSourceColumnType left, DataSourceColumnType right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator DataSourceColumnType(string value) => new(value);
}
