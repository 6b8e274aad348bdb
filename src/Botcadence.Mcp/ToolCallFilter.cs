using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Botcadence.Mcp;

/// <summary>
/// Wraps every tool call: refuses write tools in read-only mode, checks the arguments against the tool's input schema
/// before any binding (so a malformed input gets a precise tool error instead of a generic one), and scrubs the API key
/// from every result as a last line of defence.
/// </summary>
internal static partial class ToolCallFilter
{
    public const string LoggerCategory = "Botcadence.Mcp.Tools";

    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Create(ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return next => async (context, cancellationToken) =>
        {
            var name = context.Params?.Name ?? string.Empty;
            var logger = (context.Services ?? context.Server.Services)?.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;
            if (settings.ReadOnly && McpServerSetup.WriteToolNames.Contains(name))
            {
                ToolFailed(logger, name, "refused in read-only mode");
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
                ToolFailed(logger, name, problem);
                return Error(problem);
            }

            CallToolResult result;
            try
            {
                result = Redact(await next(context, cancellationToken).ConfigureAwait(false), settings.ApiKey);
            }
            catch (McpException ex) when (ex is not McpProtocolException)
            {
                // A tool's own failure (e.g. an API error): its message is meant for the assistant.
                result = Redact(Error($"An error occurred invoking '{name}': {ex.Message}"), settings.ApiKey);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not McpProtocolException)
            {
                // A bug: say nothing about it to the client (no message, no stack trace); the type goes to the log.
                ToolCrashed(logger, name, ex.GetType().Name);
                ToolCrashDetail(logger, name, ex);
                return Error($"An error occurred invoking '{name}'.");
            }

            if (result.IsError is true)
            {
                ToolFailed(logger, name, string.Join(" ", result.Content.OfType<TextContentBlock>().Select(b => b.Text)));
            }

            return result;
        };
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Tool {Tool} failed: {Error}")]
    private static partial void ToolFailed(ILogger logger, string tool, string error);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Tool {Tool} threw an unexpected {ExceptionType}; set BOTCADENCE_MCP_LOG_LEVEL=Debug for its stack trace")]
    private static partial void ToolCrashed(ILogger logger, string tool, string exceptionType);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Tool {Tool} failed with this exception")]
    private static partial void ToolCrashDetail(ILogger logger, string tool, Exception exception);

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
