using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Core;

/// <summary>Shorthands for handler results.</summary>
internal static class ApiResults
{
    public static IResult Ok(JsonNode body) => new JsonNodeResult(body, StatusCodes.Status200OK);

    public static IResult Created(JsonNode body, string location) => new JsonNodeResult(body, StatusCodes.Status201Created, location);

    public static IResult Accepted(JsonNode body, string location) => new JsonNodeResult(body, StatusCodes.Status202Accepted, location);

    public static IResult NoContent() => Results.StatusCode(StatusCodes.Status204NoContent);
}
