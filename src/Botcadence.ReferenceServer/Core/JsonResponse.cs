using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Core;

/// <summary>JSON output helpers: timestamps and writing nodes.</summary>
internal static partial class JsonResponse
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>
    /// How every response, event payload and rendered value is written. Requests are read with a depth limit of
    /// <see cref="RequestBody"/>'s 64; a stored value is written back inside envelopes (a page, a workflow, its actions, an
    /// event), so the writer allows more depth than the reader: anything accepted can always be written back.
    /// </summary>
    internal static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 256,
    };

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? Time(DateTimeOffset? value) => value is null ? null : JsonValue.Create(Time(value.Value));

    public static async Task WriteAsync(HttpContext context, JsonNode body, int status)
    {
        var bytes = Encoding.UTF8.GetBytes(Serialize(body));
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>JSON text of a node, never failing on stored text.</summary>
internal static partial class JsonResponse
{
    /// <summary>
    /// The node as JSON text. Request bodies are checked before anything is stored (<see cref="RequestBody.CheckText"/>),
    /// so this never meets text it cannot encode; if it ever does (a lone surrogate reached a store some other way), the
    /// bad text is written with U+FFFD in its place, so one stored value can never make every list answer 500.
    /// </summary>
    public static string Serialize(JsonNode node)
    {
        try
        {
            return node.ToJsonString(WriteOptions);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return Sanitize(node)?.ToJsonString(WriteOptions) ?? "null";
        }
    }

    private static JsonNode? Sanitize(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    var key = WellFormed(name);
                    if (!copy.ContainsKey(key))
                    {
                        copy[key] = Sanitize(value);
                    }
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(Sanitize(item));
                }

                return items;
            default:
                var leaf = (JsonValue)node;
                if (leaf.GetValueKind() != System.Text.Json.JsonValueKind.String)
                {
                    return leaf.DeepClone();
                }

                try
                {
                    return JsonValue.Create(WellFormed(leaf.GetValue<string>()));
                }
                catch (InvalidOperationException)
                {
                    return JsonValue.Create("\uFFFD");
                }
        }
    }

    /// <summary>The text with every lone surrogate replaced by U+FFFD (the UTF-8 encoder's replacement fallback).</summary>
    private static string WellFormed(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
}
