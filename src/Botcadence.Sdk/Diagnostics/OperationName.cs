using System.Collections.Concurrent;

namespace Botcadence.Sdk;

/// <summary>
/// The SDK operation a request belongs to, e.g. <c>Workflows.Get</c>: the one place telemetry learns it. Every SDK call
/// names its operation in its <see cref="CallContext"/>; a request sent without one (a user's own request through the
/// pipeline) is named from what Refit stores in <see cref="HttpRequestMessage.Options"/>, else <c>BotCadence.Request</c>.
/// </summary>
internal static class OperationName
{
    private const string Unknown = "BotCadence.Request";
    private static readonly HttpRequestOptionsKey<Type> InterfaceTypeKey = new(Refit.HttpRequestMessageOptions.InterfaceType);
    private static readonly HttpRequestOptionsKey<string> MethodNameKey = new(Refit.HttpRequestMessageOptions.MethodName);
    private static readonly HttpRequestOptionsKey<Refit.RestMethodInfo> RestMethodInfoKey = new(Refit.HttpRequestMessageOptions.RestMethodInfo);
    private static readonly ConcurrentDictionary<(Type, string), string> Cache = new();

    /// <summary>The operation name of <paramref name="request"/> (<c>Area.Method</c>), or <c>BotCadence.Request</c> when unknown.</summary>
    public static string Of(HttpRequestMessage request)
    {
        if (CallContext.TryGet(request, out var call))
        {
            return call.Operation;
        }

        Type? api = null;
        string? method = null;
        if (request.Options.TryGetValue(RestMethodInfoKey, out var info) && info is not null)
        {
            api = info.HostingType;
            method = info.Name;
        }

        if (request.Options.TryGetValue(InterfaceTypeKey, out var type) && type is not null)
        {
            api = type;
        }

        if (request.Options.TryGetValue(MethodNameKey, out var name) && !string.IsNullOrEmpty(name))
        {
            method = name;
        }

        if (api is null || string.IsNullOrEmpty(method))
        {
            return Unknown;
        }

        return Cache.TryGetValue((api, method), out var cached) ? cached : Cache.GetOrAdd((api, method), static key => Format(key.Item1.Name, key.Item2));
    }

    /// <summary><c>IWorkflowsApi</c> + <c>GetAsync</c> → <c>Workflows.Get</c>.</summary>
    internal static string Format(string interfaceName, string methodName)
    {
        var area = interfaceName.AsSpan();
        if (area.Length > 1 && area[0] == 'I' && char.IsUpper(area[1]))
        {
            area = area[1..];
        }

        if (area.EndsWith("Api", StringComparison.Ordinal) && area.Length > 3)
        {
            area = area[..^3];
        }

        var method = methodName.AsSpan();
        if (method.EndsWith("Async", StringComparison.Ordinal) && method.Length > 5)
        {
            method = method[..^5];
        }

        return string.Concat(area, ".", method);
    }
}
