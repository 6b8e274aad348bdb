using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Botcadence.Sdk;

/// <summary>
/// Builds the SDK's output models (which have no public setters) for your tests, e.g. as the result of a mocked
/// <see cref="IWorkflowsClient"/>. The JSON is the wire format the API documents (snake_case), so a response body
/// copied from the docs or a log builds the same object the client would. Prefer the typed methods
/// (<c>BotCadenceModelFactory.Workflow(id: "wf_1", status: WorkflowStatus.Active)</c>): a typo there does not compile.
/// </summary>
public static partial class BotCadenceModelFactory
{
    /// <summary>The SDK's JSON options, except that a property the model does not have is an error (a typo must not pass silently).</summary>
    private static readonly JsonSerializerOptions StrictOptions = new(BotCadenceJsonContext.Default.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        TypeInfoResolver = BotCadenceJsonContext.Default,
    };

    /// <summary>Builds the response details a model or page carries, e.g. for <see cref="Page{T}.FromValues"/>.</summary>
    /// <param name="statusCode">The HTTP status (default 200).</param>
    /// <param name="requestId">The <c>X-Request-Id</c>.</param>
    /// <param name="rateLimit">The rate-limit state.</param>
    /// <param name="deprecation">The <c>Deprecation</c> header.</param>
    /// <param name="sunset">The <c>Sunset</c> header.</param>
    /// <returns>The response details.</returns>
    public static ResponseInfo ResponseInfo(
        HttpStatusCode statusCode = HttpStatusCode.OK,
        string? requestId = null,
        RateLimitInfo? rateLimit = null,
        string? deprecation = null,
        string? sunset = null) =>
        new(statusCode, requestId, rateLimit, deprecation, sunset);

    /// <summary>Builds a model from its JSON.</summary>
    /// <typeparam name="T">An SDK model type, e.g. <see cref="Sdk.Workflow"/>, <see cref="Sdk.Execution"/>, <see cref="Sdk.Run"/>.</typeparam>
    /// <param name="json">The model as the API sends it, e.g. <c>{"id": "wf_1", "name": "Welcome", "status": "active"}</c>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">
    /// The type is not an SDK model, or the JSON does not describe one, or it has a property the model does not have.
    /// </exception>
    public static T FromJson<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (BotCadenceJsonContext.Default.GetTypeInfo(typeof(T)) is null || StrictOptions.GetTypeInfo(typeof(T)) is not JsonTypeInfo<T> typeInfo)
        {
            throw new ArgumentException($"{typeof(T).Name} is not a BotCadence SDK model.", nameof(T));
        }

        try
        {
            return JsonSerializer.Deserialize(json, typeInfo) ?? throw new ArgumentException("The JSON is null.", nameof(json));
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The JSON does not describe a {typeof(T).Name}: {ex.Message}", nameof(json), ex);
        }
    }
}
