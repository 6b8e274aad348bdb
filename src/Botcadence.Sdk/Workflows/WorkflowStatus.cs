using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The lifecycle state of a workflow. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<WorkflowStatus>))]
public readonly struct WorkflowStatus : IEquatable<WorkflowStatus>, IStringValue<WorkflowStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public WorkflowStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Created but not yet activated.</summary>
    public static WorkflowStatus Draft { get; } = new("draft");
    /// <summary>Running: it can be executed and triggered.</summary>
    public static WorkflowStatus Active { get; } = new("active");
    /// <summary>Deactivated: executions are refused.</summary>
    public static WorkflowStatus Inactive { get; } = new("inactive");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static WorkflowStatus FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(WorkflowStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WorkflowStatus other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(WorkflowStatus left, WorkflowStatus right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(WorkflowStatus left, WorkflowStatus right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator WorkflowStatus(string value) => new(value);
}
