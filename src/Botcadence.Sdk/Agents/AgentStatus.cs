using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>Whether an agent is available. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<AgentStatus>))]
public readonly struct AgentStatus : IEquatable<AgentStatus>, IStringValue<AgentStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public AgentStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Available.</summary>
    public static AgentStatus Online { get; } = new("online");
    /// <summary>Not available.</summary>
    public static AgentStatus Offline { get; } = new("offline");
    /// <summary>Available but working.</summary>
    public static AgentStatus Busy { get; } = new("busy");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static AgentStatus FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(AgentStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AgentStatus other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(AgentStatus left, AgentStatus right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(AgentStatus left, AgentStatus right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator AgentStatus(string value) => new(value);
}
