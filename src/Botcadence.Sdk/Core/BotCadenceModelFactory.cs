using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Botcadence.Sdk;

/// <summary>
/// Builds the SDK's output models (which have no public setters) for your tests, e.g. as the result of a mocked
/// <see cref="IWorkflowsClient"/>. The JSON is the wire format the API documents (snake_case), so a response body
/// copied from the docs or a log builds the same object the client would.
/// </summary>
public static class BotCadenceModelFactory
{
    /// <summary>Builds a model from its JSON.</summary>
    /// <typeparam name="T">An SDK model type, e.g. <see cref="Workflow"/>, <see cref="Execution"/>, <see cref="Run"/>.</typeparam>
    /// <param name="json">The model as the API sends it, e.g. <c>{"id": "wf_1", "name": "Welcome", "status": "active"}</c>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The type is not an SDK model, or the JSON does not describe one.</exception>
    public static T FromJson<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (BotCadenceJsonContext.Default.GetTypeInfo(typeof(T)) is not JsonTypeInfo<T> typeInfo)
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
