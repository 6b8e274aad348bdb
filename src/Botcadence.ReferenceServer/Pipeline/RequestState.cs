namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>Per-request state shared by the middlewares (request id, rate-limit state, caller).</summary>
internal sealed class RequestState
{
    public required string RequestId { get; init; }

    public RateLimitDecision? RateLimit { get; set; }

    public Caller? Caller { get; set; }
}
