using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The state of a run. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<RunStatus>))]
public readonly struct RunStatus : IEquatable<RunStatus>, IStringValue<RunStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public RunStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Open: some required task is not completed.</summary>
    public static RunStatus InProgress { get; } = new("IN_PROGRESS");
    /// <summary>Every required task is completed.</summary>
    public static RunStatus Completed { get; } = new("COMPLETED");
    /// <summary>Still open after its due date.</summary>
    public static RunStatus Overdue { get; } = new("OVERDUE");
    /// <summary>Cancelled; its tasks can no longer change.</summary>
    public static RunStatus Cancelled { get; } = new("CANCELLED");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static RunStatus FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(RunStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RunStatus other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(RunStatus left, RunStatus right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(RunStatus left, RunStatus right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator RunStatus(string value) => new(value);
}
