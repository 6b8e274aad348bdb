using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The kind of a webhook: an inbound trigger URL or an outbound event subscription. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<WebhookKind>))]
public readonly struct WebhookKind : IEquatable<WebhookKind>, IStringValue<WebhookKind>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public WebhookKind(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>An inbound URL (<c>…/webhooks/hook_…</c>): a POST of JSON to it starts an execution of a workflow.</summary>
    public static WebhookKind Trigger { get; } = new("trigger");
    /// <summary>An outbound subscription: the service POSTs signed events to your URL.</summary>
    public static WebhookKind Subscription { get; } = new("subscription");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static WebhookKind FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(WebhookKind other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WebhookKind other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(WebhookKind left, WebhookKind right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(WebhookKind left, WebhookKind right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator WebhookKind(string value) => new(value);
}
