using Botcadence.Sdk;
using Microsoft.Extensions.Logging;

namespace Botcadence.Mcp;

/// <summary>What the server needs to know, read once at start-up from the environment and the command line.</summary>
internal sealed class ServerSettings
{
    public const string ApiKeyVariable = "BOTCADENCE_API_KEY";
    public const string BaseUrlVariable = "BOTCADENCE_BASE_URL";
    public const string LogLevelVariable = "BOTCADENCE_MCP_LOG_LEVEL";

    private ServerSettings(string apiKey, Uri baseAddress, bool readOnly, LogLevel logLevel)
    {
        ApiKey = apiKey;
        BaseAddress = baseAddress;
        ReadOnly = readOnly;
        LogLevel = logLevel;
    }

    /// <summary>The API key. Only the SDK sees it; outputs are scrubbed of it as a last line of defence.</summary>
    public string ApiKey { get; }

    public Uri BaseAddress { get; }

    public bool ReadOnly { get; }

    public LogLevel LogLevel { get; }

    public static ServerSettings? FromEnvironment(Func<string, string?> getVariable, bool readOnly, out string? error)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        error = null;
        var apiKey = getVariable(ApiKeyVariable)?.Trim();
        if (string.IsNullOrEmpty(apiKey))
        {
            error = $"{ApiKeyVariable} is not set. Put the API key in the server's environment (the \"env\" block of the MCP settings).";
            return null;
        }

        var baseAddress = BotCadenceClientOptions.DefaultBaseAddress;
        var baseUrl = getVariable(BaseUrlVariable)?.Trim();
        if (!string.IsNullOrEmpty(baseUrl))
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                error = $"{BaseUrlVariable} must be an absolute http(s) URL, e.g. https://api.botcadence.com/v1/.";
                return null;
            }

            // The SDK resolves relative paths against the base, which needs a trailing slash to keep its last segment.
            baseAddress = parsed.AbsoluteUri.EndsWith('/') ? parsed : new Uri(parsed.AbsoluteUri + "/");
        }

        var logLevel = LogLevel.Warning;
        var levelText = getVariable(LogLevelVariable)?.Trim();
        if (!string.IsNullOrEmpty(levelText) && (!Enum.TryParse(levelText, ignoreCase: true, out logLevel) || !Enum.IsDefined(logLevel)))
        {
            error = $"{LogLevelVariable} must be one of Trace, Debug, Information, Warning, Error, Critical, None.";
            return null;
        }

        return new ServerSettings(apiKey, baseAddress, readOnly, logLevel);
    }
}
