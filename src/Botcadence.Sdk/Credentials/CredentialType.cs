using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The kind of secret a credential holds. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<CredentialType>))]
public readonly struct CredentialType : IEquatable<CredentialType>, IStringValue<CredentialType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public CredentialType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>An API key or token.</summary>
    public static CredentialType ApiKey { get; } = new("api_key");
    /// <summary>An OAuth access or refresh token.</summary>
    public static CredentialType OAuthToken { get; } = new("oauth_token");
    /// <summary>A user name and password.</summary>
    public static CredentialType BasicAuth { get; } = new("basic_auth");
    /// <summary>Anything else.</summary>
    public static CredentialType Custom { get; } = new("custom");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static CredentialType FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(CredentialType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CredentialType other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(CredentialType left, CredentialType right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(CredentialType left, CredentialType right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator CredentialType(string value) => new(value);
}
