namespace Botcadence.Sdk.AspNetCore;

/// <summary>
/// Handles verified BotCadence webhook events; register it (scoped or singleton) and call
/// <c>app.MapBotCadenceWebhooks(pattern)</c>. Throw to make the sender redeliver later.
/// </summary>
public interface IWebhookHandler
{
    /// <summary>Handles one event. Called once per event id within the replay window, however often it is delivered.</summary>
    /// <param name="webhookEvent">The verified event.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>A task that completes when the event is handled; the sender gets 2xx only then.</returns>
    Task HandleAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken);
}
