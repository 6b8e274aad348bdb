using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Botcadence.Sdk;

/// <summary>
/// Signs every attempt with the bearer key (the call's <see cref="RequestOptions.ApiKey"/> when set, else the client's)
/// and names the SDK in the <c>User-Agent</c>.
/// </summary>
internal sealed class AuthenticationHandler : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _userAgent;

    public AuthenticationHandler(string apiKey, string userAgent)
    {
        // Immutable once built, so one instance serves every request.
        _authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        _userAgent = userAgent;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = CallContext.TryGet(request, out var call) && call.Options?.ApiKey is { } apiKey
            ? new AuthenticationHeaderValue("Bearer", apiKey)
            : _authorization;
        if (!request.Headers.NonValidated.Contains("User-Agent"))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Builds <c>[ApplicationId ]botcadence-dotnet/{version} ({framework}; {os})</c>.</summary>
internal static class UserAgent
{
    public static readonly string SdkVersion = ReadVersion();

    public static string Build(string? applicationId)
    {
        var platform = Sanitize($"{RuntimeInformation.FrameworkDescription}; {RuntimeInformation.OSDescription}");
        var sdk = $"botcadence-dotnet/{SdkVersion} ({platform})";
        return string.IsNullOrEmpty(applicationId) ? sdk : $"{applicationId} {sdk}";
    }

    private static string ReadVersion()
    {
        var version = typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }

    private static string Sanitize(string value) => value.Replace('(', '[').Replace(')', ']');
}
