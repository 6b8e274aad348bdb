using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The bucket size of workflow metrics. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<MetricsGranularity>))]
public readonly struct MetricsGranularity : IEquatable<MetricsGranularity>, IStringValue<MetricsGranularity>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public MetricsGranularity(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>One bucket per UTC hour.</summary>
    public static MetricsGranularity Hour { get; } = new("hour");
    /// <summary>One bucket per UTC day.</summary>
    public static MetricsGranularity Day { get; } = new("day");
    /// <summary>One bucket per ISO week (Monday start).</summary>
    public static MetricsGranularity Week { get; } = new("week");
    /// <summary>One bucket per calendar month.</summary>
    public static MetricsGranularity Month { get; } = new("month");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static MetricsGranularity FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(MetricsGranularity other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MetricsGranularity other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(MetricsGranularity left, MetricsGranularity right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(MetricsGranularity left, MetricsGranularity right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator MetricsGranularity(string value) => new(value);
}
