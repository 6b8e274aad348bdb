using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Core;

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
