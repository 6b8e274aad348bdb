using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The state of a template. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<TemplateStatus>))]
public readonly struct TemplateStatus : IEquatable<TemplateStatus>, IStringValue<TemplateStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public TemplateStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Editable; cannot launch runs.</summary>
    public static TemplateStatus Draft { get; } = new("DRAFT");
    /// <summary>Frozen; launches runs.</summary>
    public static TemplateStatus Published { get; } = new("PUBLISHED");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static TemplateStatus FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(TemplateStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TemplateStatus other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(TemplateStatus left, TemplateStatus right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(TemplateStatus left, TemplateStatus right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator TemplateStatus(string value) => new(value);
}
