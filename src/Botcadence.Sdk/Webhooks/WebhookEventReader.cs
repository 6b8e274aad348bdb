using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Botcadence.Sdk;

/// <summary>Reads a verified body as a <see cref="WebhookEvent"/>: <c>{"id", "event", "timestamp", "data"}</c>.</summary>
internal static class WebhookEventReader
{
    /// <summary>Reads the event.</summary>
    /// <exception cref="WebhookVerificationException">The body is not a BotCadence event (<see cref="WebhookVerificationFailureReason.MalformedPayload"/>).</exception>
    public static WebhookEvent Read(ReadOnlySpan<byte> body)
    {
        try
        {
            var raw = Encoding.UTF8.GetString(body);
            using var document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("The payload is not a JSON object.");
            }

            var id = RequiredString(root, "id");
            var type = RequiredString(root, "event");
            if (!DateTimeOffset.TryParse(RequiredString(root, "timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
            {
                throw Malformed("The payload's 'timestamp' is not an ISO-8601 time.");
            }

            JsonElement data;
            if (root.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null)
            {
                if (d.ValueKind != JsonValueKind.Object)
                {
                    throw Malformed("The payload's 'data' is not an object.");
                }

                data = d.Clone();
            }
            else
            {
                using var empty = JsonDocument.Parse("{}");
                data = empty.RootElement.Clone();
            }

            return new WebhookEvent(id, new WebhookEventType(type), timestamp, data, raw);
        }
        catch (WebhookVerificationException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw Malformed("The payload is not a BotCadence event: " + ex.Message, ex);
        }
    }

    private static string RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Malformed($"The payload's '{name}' is missing or not a non-empty string.");

    private static WebhookVerificationException Malformed(string message, Exception? inner = null) =>
        new(WebhookVerificationFailureReason.MalformedPayload, message, inner);
}
