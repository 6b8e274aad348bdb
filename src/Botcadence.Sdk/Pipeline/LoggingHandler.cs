using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

// CA1873: SendLoggedAsync only runs when Debug logging is enabled, so the arguments are only built when logged.
#pragma warning disable CA1873

namespace Botcadence.Sdk;

/// <summary>
/// Logs each attempt at Debug level: method, path (query values redacted but for paging ones), status, time, and headers —
/// only allow-listed header values are written, every other value is <c>REDACTED</c>, and <c>Authorization</c> always is.
/// </summary>
internal sealed partial class LoggingHandler : DelegatingHandler
{
    private const string Redacted = "REDACTED";
    private static readonly HashSet<string> LoggedQueryNames = new(StringComparer.OrdinalIgnoreCase) { "page", "per_page", "limit", "status", "granularity" };

    private readonly ILogger _logger;
    private readonly HashSet<string> _allowedHeaders;
    private readonly TimeProvider _timeProvider;

    public LoggingHandler(ILogger logger, ISet<string> allowedHeaders, TimeProvider timeProvider)
    {
        _logger = logger;
        _allowedHeaders = new HashSet<string>(allowedHeaders, StringComparer.OrdinalIgnoreCase);
        _allowedHeaders.Remove("Authorization");
        _timeProvider = timeProvider;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _logger.IsEnabled(LogLevel.Debug) ? SendLoggedAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendLoggedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = RedactUri(request.RequestUri);
        LogRequest(_logger, request.Method.Method, target, FormatHeaders(request.Headers, request.Content?.Headers));
        var started = _timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            LogResponse(_logger, request.Method.Method, target, (int)response.StatusCode,
                _timeProvider.GetElapsedTime(started).TotalMilliseconds, FormatHeaders(response.Headers, response.Content.Headers));
            return response;
        }
        catch (Exception ex)
        {
            LogFailure(_logger, request.Method.Method, target, _timeProvider.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name, ex);
            throw;
        }
    }

    internal string FormatHeaders(HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        var sb = new StringBuilder();
        Append(sb, headers);
        if (contentHeaders is not null)
        {
            Append(sb, contentHeaders);
        }

        return sb.ToString();
    }

    private void Append(StringBuilder sb, HttpHeaders headers)
    {
        foreach (var header in headers.NonValidated)
        {
            sb.Append(sb.Length == 0 ? string.Empty : "; ").Append(header.Key).Append(": ");
            sb.Append(_allowedHeaders.Contains(header.Key) ? string.Join(", ", header.Value) : Redacted);
        }
    }

    internal static string RedactUri(Uri? uri)
    {
        if (uri is null)
        {
            return string.Empty;
        }

        var query = uri.IsAbsoluteUri ? uri.Query : string.Empty;
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString;
        if (query.Length <= 1)
        {
            return path;
        }

        var sb = new StringBuilder(path).Append('?');
        var first = true;
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            sb.Append(first ? string.Empty : "&").Append(name).Append('=')
              .Append(LoggedQueryNames.Contains(name) && eq >= 0 ? pair[(eq + 1)..] : Redacted);
            first = false;
        }

        return sb.ToString();
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "HTTP {Method} {Target} sending; headers: {Headers}")]
    private static partial void LogRequest(ILogger logger, string method, string target, string headers);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Debug, Message = "HTTP {Method} {Target} answered {Status} in {ElapsedMs} ms; headers: {Headers}")]
    private static partial void LogResponse(ILogger logger, string method, string target, int status, double elapsedMs, string headers);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Debug, Message = "HTTP {Method} {Target} failed after {ElapsedMs} ms: {Failure}")]
    private static partial void LogFailure(ILogger logger, string method, string target, double elapsedMs, string failure, Exception exception);
}
