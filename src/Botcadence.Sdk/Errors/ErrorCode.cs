using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>A machine-readable error code (extensible: unknown codes are kept as sent, upper-cased).</summary>
[JsonConverter(typeof(StringValueJsonConverter<ErrorCode>))]
public readonly struct ErrorCode : IEquatable<ErrorCode>, IStringValue<ErrorCode>
{
    private readonly string? _value;

    /// <summary>Creates a code; the value is normalised to upper case.</summary>
    /// <param name="value">The code as sent by the service.</param>
    public ErrorCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value.ToUpperInvariant();
    }

    /// <summary>Malformed request: bad JSON, a bad query value.</summary>
    public static ErrorCode InvalidRequest { get; } = new("INVALID_REQUEST");
    /// <summary>A field failed validation.</summary>
    public static ErrorCode ValidationError { get; } = new("VALIDATION_ERROR");
    /// <summary>Missing or unknown API key.</summary>
    public static ErrorCode Unauthorized { get; } = new("UNAUTHORIZED");
    /// <summary>The API key has expired.</summary>
    public static ErrorCode KeyExpired { get; } = new("KEY_EXPIRED");
    /// <summary>The API key has been revoked.</summary>
    public static ErrorCode KeyRevoked { get; } = new("KEY_REVOKED");
    /// <summary>The caller may not do this.</summary>
    public static ErrorCode Forbidden { get; } = new("FORBIDDEN");
    /// <summary>The API key lacks the scope the operation requires.</summary>
    public static ErrorCode MissingScope { get; } = new("MISSING_SCOPE");
    /// <summary>The feature needs a higher plan.</summary>
    public static ErrorCode PlanRequired { get; } = new("PLAN_REQUIRED");
    /// <summary>The resource does not exist or is not visible to the caller.</summary>
    public static ErrorCode NotFound { get; } = new("NOT_FOUND");
    /// <summary>The request conflicts with the resource's state or a previous idempotent request.</summary>
    public static ErrorCode Conflict { get; } = new("CONFLICT");
    /// <summary>The request is well-formed but semantically invalid.</summary>
    public static ErrorCode Unprocessable { get; } = new("UNPROCESSABLE");
    /// <summary>Too many requests.</summary>
    public static ErrorCode RateLimited { get; } = new("RATE_LIMITED");
    /// <summary>The service failed.</summary>
    public static ErrorCode InternalError { get; } = new("INTERNAL_ERROR");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public static ErrorCode FromValue(string value) => new(value);

    /// <summary>The default code for an HTTP status when the body carried none.</summary>
    internal static ErrorCode ForStatus(int status) => status switch
    {
        400 => InvalidRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        409 => Conflict,
        422 => Unprocessable,
        429 => RateLimited,
        >= 500 => InternalError,
        _ => InvalidRequest,
    };

    /// <inheritdoc />
    public bool Equals(ErrorCode other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ErrorCode other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two codes, ignoring case.</summary>
    public static bool operator ==(ErrorCode left, ErrorCode right) => left.Equals(right);
    /// <summary>Compares two codes, ignoring case.</summary>
    public static bool operator !=(ErrorCode left, ErrorCode right) => !left.Equals(right);
    /// <summary>Converts a string to a code.</summary>
    public static implicit operator ErrorCode(string value) => new(value);
}
