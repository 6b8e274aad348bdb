using System.Globalization;
using System.Text;
using Botcadence.Sdk;
using ModelContextProtocol;

namespace Botcadence.Mcp;

/// <summary>
/// A tool failure the assistant should read: its message is sent as the text of an <c>isError</c> tool result. It
/// carries the API's error code and request id, never a stack trace or the key.
/// </summary>
internal sealed class ToolFailureException : McpException
{
    public ToolFailureException(string message) : base(message) { }

    public ToolFailureException(string message, Exception? innerException) : base(message, innerException) { }

    public ToolFailureException() { }
}

/// <summary>Runs SDK calls and turns the SDK's exceptions into <see cref="ToolFailureException"/>.</summary>
internal static class Api
{
    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (BotCadenceApiException ex)
        {
            throw new ToolFailureException(Describe(ex), ex);
        }
        catch (BotCadenceSerializationException ex)
        {
            throw new ToolFailureException(
                Invariant($"BotCadence API error UNEXPECTED_RESPONSE (HTTP {(int)ex.StatusCode}): the response could not be read.{RequestIdSuffix(ex.RequestId)}"), ex);
        }
        catch (BotCadenceTimeoutException ex)
        {
            throw new ToolFailureException("BotCadence API error TIMEOUT: the request timed out; try again.", ex);
        }
        catch (BotCadenceNetworkException ex)
        {
            throw new ToolFailureException("BotCadence API error NETWORK_ERROR: the API could not be reached (check BOTCADENCE_BASE_URL and the network).", ex);
        }
        catch (ArgumentException ex)
        {
            // The SDK validates arguments before sending (e.g. an empty id); ParamName is an SDK parameter name.
            throw new ToolFailureException($"Invalid argument: {FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>
    /// <c>BotCadence API error CODE (HTTP 403): message [field: x] [required_scope: y] (request_id: req_…)</c>.
    /// </summary>
    public static string Describe(BotCadenceApiException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"BotCadence API error {ex.Code} (HTTP {(int)ex.StatusCode}): {ex.ErrorMessage}");
        if (!string.IsNullOrEmpty(ex.Field))
        {
            text.Append(CultureInfo.InvariantCulture, $" [field: {ex.Field}]");
        }

        if (ex is BotCadencePermissionException { RequiredScope: { Length: > 0 } scope })
        {
            text.Append(CultureInfo.InvariantCulture, $" [required_scope: {scope}]");
        }

        if (ex is BotCadenceRateLimitException { RetryAfter: { } retryAfter })
        {
            text.Append(CultureInfo.InvariantCulture, $" [retry_after_seconds: {Math.Ceiling(retryAfter.TotalSeconds)}]");
        }

        text.Append(RequestIdSuffix(ex.RequestId));
        return text.ToString();
    }

    private static string RequestIdSuffix(string? requestId) =>
        string.IsNullOrEmpty(requestId) ? string.Empty : $" (request_id: {requestId})";

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
