using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The type of a form field. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<FormFieldType>))]
public readonly struct FormFieldType : IEquatable<FormFieldType>, IStringValue<FormFieldType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public FormFieldType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>A single line of text.</summary>
    public static FormFieldType Text { get; } = new("text");
    /// <summary>An e-mail address.</summary>
    public static FormFieldType Email { get; } = new("email");
    /// <summary>Several lines of text.</summary>
    public static FormFieldType Textarea { get; } = new("textarea");
    /// <summary>A JSON number.</summary>
    public static FormFieldType Number { get; } = new("number");
    /// <summary>One of the field's options.</summary>
    public static FormFieldType Select { get; } = new("select");
    /// <summary>A boolean.</summary>
    public static FormFieldType Checkbox { get; } = new("checkbox");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static FormFieldType FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(FormFieldType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FormFieldType other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(FormFieldType left, FormFieldType right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(FormFieldType left, FormFieldType right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator FormFieldType(string value) => new(value);
}
