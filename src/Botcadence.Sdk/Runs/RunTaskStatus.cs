using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The state of a task of a run. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<RunTaskStatus>))]
public readonly struct RunTaskStatus : IEquatable<RunTaskStatus>, IStringValue<RunTaskStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public RunTaskStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Not done yet.</summary>
    public static RunTaskStatus Pending { get; } = new("PENDING");
    /// <summary>Done.</summary>
    public static RunTaskStatus Completed { get; } = new("COMPLETED");
    /// <summary>Skipped (only optional tasks can be).</summary>
    public static RunTaskStatus Skipped { get; } = new("SKIPPED");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static RunTaskStatus FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(RunTaskStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RunTaskStatus other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(RunTaskStatus left, RunTaskStatus right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(RunTaskStatus left, RunTaskStatus right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator RunTaskStatus(string value) => new(value);
}
