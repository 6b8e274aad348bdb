using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace Botcadence.ReferenceServer.Requests;

/// <summary>
/// Reads request bodies: 1 MiB limit (413), JSON content type (415), parsing with <see cref="JsonNode"/>
/// (400 on malformed JSON or a non-object). The raw bytes are cached so idempotency can hash them.
/// </summary>
internal static class RequestBody
{
    public const int MaxBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The raw body, or null if the request has none.</summary>
    public static async Task<byte[]?> ReadBytesAsync(HttpContext context)
    {
        var cached = context.Features.Get<CachedBody>();
        if (cached is not null)
        {
            return cached.Bytes;
        }

        var request = context.Request;
        if (request.ContentLength is > MaxBytes)
        {
            throw new ApiException(TooLarge());
        }

        byte[]? bytes = null;
        if (request.ContentLength is null or > 0)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw new ApiException(TooLarge());
                }

                buffer.Write(chunk, 0, read);
            }

            bytes = buffer.Length == 0 ? null : buffer.ToArray();
        }

        if (bytes is not null && !IsJson(request.ContentType))
        {
            throw new ApiException(new ApiError(
                StatusCodes.Status415UnsupportedMediaType,
                ErrorCodes.InvalidRequest,
                $"Unsupported Content-Type '{request.ContentType ?? "(none)"}'; send application/json."));
        }

        context.Features.Set(new CachedBody(bytes));
        return bytes;
    }

    /// <summary>
    /// The body as a JSON object; null when there is no body and <paramref name="required"/> is false. Every string and
    /// property name anywhere in the body (free-form objects included) must be valid Unicode: a lone UTF-16 surrogate
    /// escape (<c>"\ud800"</c>) or invalid UTF-8 bytes answer 400 naming the field, so nothing that cannot be written
    /// back as JSON is ever stored.
    /// </summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext context, bool required)
    {
        var bytes = await ReadBytesAsync(context).ConfigureAwait(false);
        if (bytes is null)
        {
            return required ? throw new ApiException(ApiError.BadRequest("A JSON object request body is required.")) : null;
        }

        CheckText(bytes);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, documentOptions: DocumentOptions);
            Materialize(node);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new ApiException(ApiError.BadRequest("The request body is not valid JSON: " + ex.Message));
        }

        return node as JsonObject ?? throw new ApiException(ApiError.BadRequest("The request body must be a JSON object."));
    }

    /// <summary>
    /// Walks the body's tokens and decodes every string and property name, so text that cannot be represented
    /// (lone surrogates, invalid UTF-8) is rejected with the JSON path of the value that holds it.
    /// </summary>
    internal static void CheckText(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            MaxDepth = DocumentOptions.MaxDepth,
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,
        });

        // One frame per open container: the path to it, and (arrays) the next index or (objects) the last property name.
        var paths = new List<string>();
        var indexes = new List<int>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = Decode(ref reader, paths.Count == 0 ? string.Empty : paths[^1], isName: true);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        paths.Add(paths.Count == 0 ? string.Empty : ValuePath(paths, indexes, ref property));
                        indexes.Add(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        paths.RemoveAt(paths.Count - 1);
                        indexes.RemoveAt(indexes.Count - 1);
                        break;
                    case JsonTokenType.String:
                        Decode(ref reader, paths.Count == 0 ? string.Empty : ValuePath(paths, indexes, ref property), isName: false);
                        break;
                    default:
                        if (paths.Count > 0)
                        {
                            ValuePath(paths, indexes, ref property);
                        }

                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new ApiException(ApiError.BadRequest("The request body is not valid JSON: " + ex.Message));
        }
    }

    private static string ValuePath(List<string> paths, List<int> indexes, ref string? property)
    {
        var parent = paths[^1];
        if (indexes[^1] >= 0)
        {
            var index = indexes[^1]++;
            return parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
        }

        var path = Fields.Path(parent, property ?? string.Empty);
        property = null;
        return path;
    }

    private static string Decode(ref Utf8JsonReader reader, string path, bool isName)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            var where = isName
                ? (path.Length == 0 ? "A property name of the request body" : $"A property name in '{path}'")
                : (path.Length == 0 ? "The request body" : $"'{path}'");
            throw new ApiException(ApiError.BadRequest(
                where + " is not valid Unicode text (a lone UTF-16 surrogate escape or invalid UTF-8 bytes).",
                path.Length == 0 ? null : path));
        }
    }

    private static bool IsJson(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }

        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The most an error response reads and discards of a rejected body before answering.</summary>
    public const long MaxDrainBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Reads and discards what is left of a rejected (e.g. oversized) request body, within <see cref="MaxDrainBytes"/>
    /// and a few seconds, so that a client still sending receives the error response instead of a reset connection.
    /// </summary>
    public static async Task DrainAsync(HttpContext context)
    {
        var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = MaxDrainBytes;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long drained = 0;
            int read;
            while (drained < MaxDrainBytes && (read = await context.Request.Body.ReadAsync(buffer, timeout.Token).ConfigureAwait(false)) > 0)
            {
                drained += read;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or BadHttpRequestException or InvalidOperationException)
        {
            // Best effort: the connection is closed after the response, as it would have been without draining.
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ApiError TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.InvalidRequest, "The request body is larger than 1 MiB.");

    // JsonObject parses lazily; walk the tree so duplicate keys and similar surface here.
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var pair in obj)
                {
                    Materialize(pair.Value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
        }
    }

    private sealed record CachedBody(byte[]? Bytes);
}
