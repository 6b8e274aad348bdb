using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The state of an agent task. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<AgentTaskStatus>))]
public readonly struct AgentTaskStatus : IEquatable<AgentTaskStatus>, IStringValue<AgentTaskStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public AgentTaskStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Waiting to start.</summary>
    public static AgentTaskStatus Pending { get; } = new("pending");
    /// <summary>In progress.</summary>
    public static AgentTaskStatus Running { get; } = new("running");
    /// <summary>Finished successfully.</summary>
    public static AgentTaskStatus Completed { get; } = new("completed");
    /// <summary>Finished with an error.</summary>
    public static AgentTaskStatus Failed { get; } = new("failed");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static AgentTaskStatus FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(AgentTaskStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AgentTaskStatus other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(AgentTaskStatus left, AgentTaskStatus right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(AgentTaskStatus left, AgentTaskStatus right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator AgentTaskStatus(string value) => new(value);
}
