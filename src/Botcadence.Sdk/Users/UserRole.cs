using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>A member's role in the organization. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<UserRole>))]
public readonly struct UserRole : IEquatable<UserRole>, IStringValue<UserRole>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public UserRole(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Owns the organization.</summary>
    public static UserRole Owner { get; } = new("owner");
    /// <summary>Manages members, keys and settings.</summary>
    public static UserRole Admin { get; } = new("admin");
    /// <summary>Works with the organization's resources.</summary>
    public static UserRole Member { get; } = new("member");
    /// <summary>Read-only access.</summary>
    public static UserRole Viewer { get; } = new("viewer");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static UserRole FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(UserRole other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UserRole other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(UserRole left, UserRole right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(UserRole left, UserRole right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator UserRole(string value) => new(value);
}
