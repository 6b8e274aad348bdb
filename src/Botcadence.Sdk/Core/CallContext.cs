using System.Diagnostics.CodeAnalysis;

namespace Botcadence.Sdk;

/// <summary>
/// One logical call (one operation, or one page of a list) as the pipeline sees it. Created by <see cref="ClientCore"/>,
/// carried on the request message's <see cref="HttpRequestMessage.Options"/> under <see cref="PropertyName"/> (Refit's
/// <c>[Property]</c> puts it there), read by the handlers through <see cref="Key"/>.
/// </summary>
internal sealed class CallContext
{
    /// <summary>The request-option name of the call context: the ONE marker the pipeline reads, including "not replayable".</summary>
    internal const string PropertyName = "Botcadence.Call";

    /// <summary>How handlers read the call context from a request.</summary>
    internal static readonly HttpRequestOptionsKey<CallContext> Key = new(PropertyName);

    private int _attempts;

    public CallContext(string operation, RequestOptions? options, bool replayable = true, bool streamResponse = false)
    {
        Operation = operation;
        Options = options;
        Replayable = replayable;
        StreamResponse = streamResponse;
        IdempotencyKey = options?.IdempotencyKey;
    }

    /// <summary>The operation, e.g. <c>Workflows.Get</c>, <c>Runs.Launch</c>, <c>Workflows.List</c>.</summary>
    public string Operation { get; }

    /// <summary>The caller's per-call settings, if any.</summary>
    public RequestOptions? Options { get; }

    /// <summary>False for a request whose content cannot be sent twice (a streamed upload): never retried.</summary>
    public bool Replayable { get; }

    /// <summary>True when the caller streams the response body (a download): it is not buffered inside the retry.</summary>
    public bool StreamResponse { get; }

    /// <summary>The key every attempt of a mutating call carries; set once, before the first attempt.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>How many attempts were sent so far.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public int OnAttempt() => Interlocked.Increment(ref _attempts);

    public static bool TryGet(HttpRequestMessage? request, [NotNullWhen(true)] out CallContext? call)
    {
        call = null;
        return request is not null && request.Options.TryGetValue(Key, out call) && call is not null;
    }

    public static bool IsMutating(HttpMethod method) =>
        method == HttpMethod.Post || method == HttpMethod.Patch || method == HttpMethod.Put || method == HttpMethod.Delete;
}
