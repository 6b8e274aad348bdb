using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The state of one step of an execution. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<StepStatus>))]
public readonly struct StepStatus : IEquatable<StepStatus>, IStringValue<StepStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public StepStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Not started yet.</summary>
    public static StepStatus Pending { get; } = new("pending");
    /// <summary>Running now.</summary>
    public static StepStatus Running { get; } = new("running");
    /// <summary>Finished.</summary>
    public static StepStatus Completed { get; } = new("completed");
    /// <summary>Failed; later steps are skipped.</summary>
    public static StepStatus Failed { get; } = new("failed");
    /// <summary>Not run because an earlier step failed.</summary>
    public static StepStatus Skipped { get; } = new("skipped");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static StepStatus FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(StepStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StepStatus other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(StepStatus left, StepStatus right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(StepStatus left, StepStatus right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator StepStatus(string value) => new(value);
}
