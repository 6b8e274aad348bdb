using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Infrastructure;

/// <summary>JSON output helpers: timestamps and writing nodes.</summary>
internal static class JsonResponse
{
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? Time(DateTimeOffset? value) => value is null ? null : JsonValue.Create(Time(value.Value));

    public static async Task WriteAsync(HttpContext context, JsonNode body, int status)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(WriteOptions));
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>An <see cref="IResult"/> that writes a <see cref="JsonNode"/> with a status and optional Location.</summary>
internal sealed class JsonNodeResult(JsonNode body, int status, string? location = null) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        return JsonResponse.WriteAsync(httpContext, body, status);
    }
}

/// <summary>Shorthands for handler results.</summary>
internal static class ApiResults
{
    public static IResult Ok(JsonNode body) => new JsonNodeResult(body, StatusCodes.Status200OK);

    public static IResult Created(JsonNode body, string location) => new JsonNodeResult(body, StatusCodes.Status201Created, location);

    public static IResult Accepted(JsonNode body, string location) => new JsonNodeResult(body, StatusCodes.Status202Accepted, location);

    public static IResult NoContent() => Results.StatusCode(StatusCodes.Status204NoContent);
}
