using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The connection state of an integration. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<IntegrationStatus>))]
public readonly struct IntegrationStatus : IEquatable<IntegrationStatus>, IStringValue<IntegrationStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public IntegrationStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Connected and working.</summary>
    public static IntegrationStatus Connected { get; } = new("connected");
    /// <summary>Connected, but the last attempt to use it failed (e.g. expired credentials).</summary>
    public static IntegrationStatus Error { get; } = new("error");
    /// <summary>Not connected.</summary>
    public static IntegrationStatus Disconnected { get; } = new("disconnected");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static IntegrationStatus FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(IntegrationStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IntegrationStatus other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(IntegrationStatus left, IntegrationStatus right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(IntegrationStatus left, IntegrationStatus right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator IntegrationStatus(string value) => new(value);
}
