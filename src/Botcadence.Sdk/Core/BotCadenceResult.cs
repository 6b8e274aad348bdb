using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The base of every model an operation returns: it carries the response of the call that returned it.</summary>
public abstract class BotCadenceResult
{
    /// <summary>
    /// Status, request id, rate-limit state, headers, attempts and idempotency details of the call that returned this
    /// object. Not serialized. Null for items of a list (see <see cref="Page{T}.Response"/>) and for objects you built.
    /// </summary>
    [JsonIgnore]
    public ResponseInfo? Response { get; internal set; }
}
