using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>Which resources an API key may reach. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ApiKeyResourceMode>))]
public readonly struct ApiKeyResourceMode : IEquatable<ApiKeyResourceMode>, IStringValue<ApiKeyResourceMode>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public ApiKeyResourceMode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Every resource of the organization.</summary>
    public static ApiKeyResourceMode All { get; } = new("ALL");
    /// <summary>A selected subset of templates and folders.</summary>
    public static ApiKeyResourceMode Selected { get; } = new("SELECTED");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static ApiKeyResourceMode FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(ApiKeyResourceMode other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ApiKeyResourceMode other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(ApiKeyResourceMode left, ApiKeyResourceMode right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(ApiKeyResourceMode left, ApiKeyResourceMode right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator ApiKeyResourceMode(string value) => new(value);
}
