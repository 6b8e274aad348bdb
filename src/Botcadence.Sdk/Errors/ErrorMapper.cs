using System.Net;
using System.Text;
using System.Text.Json;

namespace Botcadence.Sdk;

/// <summary>
/// The one place that turns an error response into an exception. It reads every envelope the service and
/// its predecessors use: <c>{"error": {…}}</c>, <c>{"success": false, "error": {…}}</c>, a flat
/// <c>{"code", "message"}</c>, lower-case codes, and bodies that are not JSON at all.
/// </summary>
internal static class ErrorMapper
{
    private const int MaxBodyChars = 64 * 1024;

    public static async Task<BotCadenceApiException> CreateAsync(HttpResponseMessage response, ResponseInfo info, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            body = string.Empty;
        }

        if (body.Length > MaxBodyChars)
        {
            body = body[..MaxBodyChars];
        }

        return Create(response.StatusCode, body, info, RetryAfterHeader.Read(response, timeProvider));
    }

    public static BotCadenceApiException Create(HttpStatusCode status, string body, ResponseInfo? info, TimeSpan? retryAfter)
    {
        var parsed = Parse(body);
        var statusCode = (int)status;
        var code = string.IsNullOrWhiteSpace(parsed.Code) ? ErrorCode.ForStatus(statusCode) : new ErrorCode(parsed.Code);
        var message = string.IsNullOrWhiteSpace(parsed.Message) ? DefaultMessage(status, body, parsed.IsJson) : parsed.Message;

        var error = new BotCadenceError(status, code, message, body)
        {
            Details = parsed.Details,
            Field = parsed.Field,
            RequiredScope = parsed.RequiredScope,
            RequestId = info?.RequestId ?? parsed.RequestId,
            RateLimit = info?.RateLimit,
            RetryAfter = retryAfter,
        };

        return statusCode switch
        {
            400 or 422 => new BotCadenceValidationException(error),
            401 => new BotCadenceAuthenticationException(error),
            403 => new BotCadencePermissionException(error),
            404 => new BotCadenceNotFoundException(error),
            409 => new BotCadenceConflictException(error),
            429 => new BotCadenceRateLimitException(error),
            >= 500 => new BotCadenceServerException(error),
            _ => new BotCadenceApiException(error),
        };
    }

    private static string DefaultMessage(HttpStatusCode status, string body, bool isJson)
    {
        var reason = ReasonPhrase(status);
        if (isJson || string.IsNullOrWhiteSpace(body))
        {
            return $"The service answered {(int)status} {reason}.";
        }

        return $"The service answered {(int)status} {reason} with a non-JSON body (see RawBody).";
    }

    private static string ReasonPhrase(HttpStatusCode status)
    {
        var name = status.ToString();
        if (int.TryParse(name, out _))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                sb.Append(' ');
            }

            sb.Append(name[i]);
        }

        return sb.ToString();
    }

    private static ParsedError Parse(string body)
    {
        var result = new ParsedError();
        if (string.IsNullOrWhiteSpace(body))
        {
            return result;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return result;
        }

        using (document)
        {
            result.IsJson = true;
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return result;
            }

            // {"error": {...}} and {"success": false, "error": {...}}; {"error": "text"} with a flat code.
            var source = root;
            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object)
                {
                    source = error;
                }
                else if (error.ValueKind == JsonValueKind.String)
                {
                    result.Message = error.GetString();
                }
            }

            result.Code = GetString(source, "code") ?? result.Code ?? GetString(root, "code");
            result.Message = GetString(source, "message") ?? result.Message ?? GetString(root, "message");
            result.Field = GetString(source, "field");
            result.RequiredScope = GetString(source, "required_scope");
            result.RequestId = GetString(source, "request_id") ?? GetString(root, "request_id");
            if (source.TryGetProperty("details", out var details) && details.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined)
            {
                result.Details = details.Clone();
                if (result.Field is null && details.ValueKind == JsonValueKind.Object)
                {
                    result.Field = GetString(details, "field");
                }
            }
        }

        return result;
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed class ParsedError
    {
        public bool IsJson { get; set; }
        public string? Code { get; set; }
        public string? Message { get; set; }
        public string? Field { get; set; }
        public string? RequiredScope { get; set; }
        public string? RequestId { get; set; }
        public JsonElement? Details { get; set; }
    }
}
