using System.Text.Json;
using System.Text.Json.Nodes;

namespace Botcadence.Sdk.Tests;

/// <summary>Builds the SDK's free-form <see cref="JsonElement"/> values from test literals.</summary>
internal static class JsonTestExtensions
{
    public static JsonElement ToElement(this JsonNode node) => JsonSerializer.SerializeToElement(node);
}
