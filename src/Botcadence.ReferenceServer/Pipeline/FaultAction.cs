namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>What an injected fault does to one request.</summary>
internal enum FaultKind
{
    /// <summary>Answer with <see cref="FaultAction.StatusCode"/> and <see cref="FaultAction.Body"/> without running the request.</summary>
    Respond,

    /// <summary>Abort the connection without running the request.</summary>
    ResetConnection,

    /// <summary>Run the request for real (it takes effect), then abort the connection instead of answering.</summary>
    LoseResponse,

    /// <summary>Wait <see cref="FaultAction.Delay"/> on the server clock, then run the request normally.</summary>
    Delay,
}

/// <summary>One scripted fault, as the middleware applies it.</summary>
internal sealed record FaultAction(FaultKind Kind)
{
    public int StatusCode { get; init; }

    /// <summary>The response body; an error envelope when <see cref="ErrorCode"/> is set instead.</summary>
    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json; charset=utf-8";

    /// <summary>When set, the body is the v1 error envelope with this code and <see cref="Body"/> as its message.</summary>
    public string? ErrorCode { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public TimeSpan Delay { get; init; }
}
