using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The state of an execution. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ExecutionStatus>))]
public readonly struct ExecutionStatus : IEquatable<ExecutionStatus>, IStringValue<ExecutionStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public ExecutionStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Accepted, not started yet.</summary>
    public static ExecutionStatus Pending { get; } = new("pending");
    /// <summary>Steps are running.</summary>
    public static ExecutionStatus Running { get; } = new("running");
    /// <summary>Every step finished.</summary>
    public static ExecutionStatus Completed { get; } = new("completed");
    /// <summary>A step failed.</summary>
    public static ExecutionStatus Failed { get; } = new("failed");
    /// <summary>Stopped before it finished.</summary>
    public static ExecutionStatus Cancelled { get; } = new("cancelled");

    /// <summary>True when the execution will not change any more (completed, failed or cancelled).</summary>
    public bool IsTerminal => Equals(Completed) || Equals(Failed) || Equals(Cancelled);

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static ExecutionStatus FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(ExecutionStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ExecutionStatus other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(ExecutionStatus left, ExecutionStatus right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(ExecutionStatus left, ExecutionStatus right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator ExecutionStatus(string value) => new(value);
}
