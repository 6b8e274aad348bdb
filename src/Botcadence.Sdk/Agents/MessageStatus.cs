using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The delivery state of a message sent to an agent. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<MessageStatus>))]
public readonly struct MessageStatus : IEquatable<MessageStatus>, IStringValue<MessageStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public MessageStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Accepted, not yet delivered.</summary>
    public static MessageStatus Pending { get; } = new("pending");
    /// <summary>Delivered to the agent.</summary>
    public static MessageStatus Delivered { get; } = new("delivered");
    /// <summary>Could not be delivered.</summary>
    public static MessageStatus Failed { get; } = new("failed");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static MessageStatus FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(MessageStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MessageStatus other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(MessageStatus left, MessageStatus right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(MessageStatus left, MessageStatus right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator MessageStatus(string value) => new(value);
}
