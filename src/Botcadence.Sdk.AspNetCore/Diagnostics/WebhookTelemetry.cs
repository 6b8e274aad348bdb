using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Botcadence.Sdk.AspNetCore;

/// <summary>
/// A span per webhook delivery received by <c>MapBotCadenceWebhooks</c> and a counter of deliveries by outcome, under
/// the SDK's names (<see cref="BotCadenceDiagnostics.ActivitySourceName"/>, <see cref="BotCadenceDiagnostics.MeterName"/>).
/// Never the body, a signature or a secret. Nothing is allocated while no listener is attached.
/// </summary>
internal static class WebhookTelemetry
{
    internal const string Handled = "handled";
    internal const string Duplicate = "duplicate";
    internal const string Rejected = "rejected";
    internal const string TooLarge = "too_large";
    internal const string HandlerFailed = "handler_failed";
    internal const string InProgress = "in_progress";
    internal const string StoreUnavailable = "store_unavailable";

    private const string OutcomeTag = "botcadence.webhook.outcome";
    private const string EventTypeTag = "botcadence.webhook.event_type";
    private const string EventIdTag = "botcadence.webhook.event_id";
    private const string VerificationTag = "botcadence.webhook.verification";
    private const string DuplicateTag = "botcadence.webhook.duplicate";

    private static readonly string? Version = typeof(WebhookTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    private static readonly ActivitySource Source = new(BotCadenceDiagnostics.ActivitySourceName, Version);

    private static readonly Meter Meter = new(BotCadenceDiagnostics.MeterName, Version);

    /// <summary><c>botcadence.webhook.deliveries</c>: each delivery, by outcome (and event type or verification failure).</summary>
    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "botcadence.webhook.deliveries", "{delivery}", "BotCadence webhook deliveries received, by outcome.");

    /// <summary>Starts the delivery span (<c>Webhooks.Receive</c>); null when nobody listens.</summary>
    public static Activity? Start() => Source.StartActivity("Webhooks.Receive", ActivityKind.Consumer);

    /// <summary>Records how the delivery ended; <paramref name="evt"/> once it verified, <paramref name="failure"/> when verification failed.</summary>
    public static void Complete(Activity? activity, string outcome, WebhookEvent? evt = null, WebhookVerificationFailureReason? failure = null, Exception? handlerException = null)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OutcomeTag, outcome);
            activity.SetTag(VerificationTag, evt is not null ? "verified" : failure?.ToString() ?? "not_checked");
            if (evt is not null)
            {
                activity.SetTag(EventTypeTag, evt.Type.Value);
                activity.SetTag(EventIdTag, evt.Id);
                activity.SetTag(DuplicateTag, outcome == Duplicate);
            }

            if (outcome is Rejected or TooLarge)
            {
                activity.SetTag("error.type", outcome);
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
            else if (handlerException is not null)
            {
                activity.SetTag("error.type", handlerException.GetType().FullName);
                activity.SetStatus(ActivityStatusCode.Error, handlerException.GetType().FullName);
            }
        }

        if (Deliveries.Enabled)
        {
            var tags = new TagList { { OutcomeTag, outcome } };
            if (evt is not null)
            {
                tags.Add(EventTypeTag, evt.Type.Value);
            }

            if (failure is { } reason)
            {
                tags.Add(VerificationTag, reason.ToString());
            }

            Deliveries.Add(1, tags);
        }
    }
}
