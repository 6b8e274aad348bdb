using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Botcadence.Mcp;

/// <summary>
/// Wraps every tool call: refuses write tools in read-only mode, checks the arguments against the tool's input schema
/// before any binding (so a malformed input gets a precise tool error instead of a generic one), and scrubs the API key
/// from every result as a last line of defence.
/// </summary>
internal static class ToolCallFilter
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Create(ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return next => async (context, cancellationToken) =>
        {
            var name = context.Params?.Name ?? string.Empty;
            if (settings.ReadOnly && McpServerSetup.WriteToolNames.Contains(name))
            {
                return Error($"'{name}' changes data and this server was started with --read-only, so it is disabled. " +
                             "Only the read-only tools are available.");
            }

            var tool = context.MatchedPrimitive as McpServerTool;
            if (tool is null && context.Server.ServerOptions.ToolCollection is { } tools && tools.TryGetPrimitive(name, out var found))
            {
                tool = found;
            }

            if (tool is not null && CheckArguments(name, tool.ProtocolTool.InputSchema, context.Params?.Arguments) is { } problem)
            {
                return Error(problem);
            }

            var result = await next(context, cancellationToken).ConfigureAwait(false);
            return Redact(result, settings.ApiKey);
        };
    }

    public static CallToolResult Error(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };

    /// <summary>Returns a description of what is wrong with the arguments, or null when they fit the schema.</summary>
    internal static string? CheckArguments(string toolName, JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        arguments ??= new Dictionary<string, JsonElement>();
        var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var problems = new List<string>();
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in required.EnumerateArray())
            {
                var key = item.GetString();
                if (key is not null && !arguments.ContainsKey(key))
                {
                    problems.Add($"missing required argument '{key}'");
                }
            }
        }

        foreach (var (key, value) in arguments)
        {
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(key, out var property))
            {
                problems.Add($"unknown argument '{key}'");
                continue;
            }

            var allowed = AllowedTypes(property);
            if (allowed.Count > 0 && !allowed.Contains(TypeOf(value)) && !(TypeOf(value) == "integer" && allowed.Contains("number")))
            {
                problems.Add($"argument '{key}' must be {string.Join(" or ", allowed)}, got {Describe(value)}");
            }
        }

        if (problems.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Invalid arguments for '{toolName}': {string.Join("; ", problems)}.");
        if (properties.ValueKind == JsonValueKind.Object)
        {
            var names = new List<string>();
            var requiredNames = required.ValueKind == JsonValueKind.Array ? required.EnumerateArray().Select(r => r.GetString()).ToHashSet() : [];
            foreach (var prop in properties.EnumerateObject())
            {
                var types = AllowedTypes(prop.Value);
                var type = types.Count == 0 ? "any" : string.Join("|", types.Where(t => t != "null"));
                names.Add($"{prop.Name} ({type}{(requiredNames.Contains(prop.Name) ? ", required" : string.Empty)})");
            }

            text.Append(CultureInfo.InvariantCulture, $" Expected arguments: {string.Join(", ", names)}.");
        }

        return text.ToString();
    }

    private static List<string> AllowedTypes(JsonElement property)
    {
        if (!property.TryGetProperty("type", out var type))
        {
            return [];
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => type.EnumerateArray().Select(t => t.GetString()).OfType<string>().ToList(),
            _ => [],
        };
    }

    private static string TypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        _ => "null",
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };

    /// <summary>Replaces the key wherever it would appear in a result (it never should: belt and braces).</summary>
    internal static CallToolResult Redact(CallToolResult result, string apiKey)
    {
        foreach (var block in result.Content.OfType<TextContentBlock>())
        {
            if (block.Text.Contains(apiKey, StringComparison.Ordinal))
            {
                block.Text = block.Text.Replace(apiKey, "[redacted]", StringComparison.Ordinal);
            }
        }

        if (result.StructuredContent is { } structured)
        {
            var raw = structured.GetRawText();
            if (raw.Contains(apiKey, StringComparison.Ordinal))
            {
                result.StructuredContent = JsonSerializer.Deserialize<JsonElement>(raw.Replace(apiKey, "[redacted]", StringComparison.Ordinal));
            }
        }

        return result;
    }
}
