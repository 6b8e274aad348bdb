namespace Botcadence.Sdk;

/// <summary>
/// The names under which the SDK reports OpenTelemetry-compatible traces and metrics through
/// <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>. Subscribe with
/// <c>tracing.AddSource(BotCadenceDiagnostics.ActivitySourceName)</c> and <c>metrics.AddMeter(BotCadenceDiagnostics.MeterName)</c>.
/// Nothing is recorded, and nothing allocated for it, while no listener is attached. No span or metric ever carries
/// the API key, a credential value, a webhook secret or a request or response body.
/// </summary>
public static class BotCadenceDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one span per SDK operation (e.g. <c>Workflows.Get</c>), and one per webhook delivery received.</summary>
    public const string ActivitySourceName = "Botcadence.Sdk";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name: operation duration, retries, rate-limit rejections and remaining quota, webhook deliveries.</summary>
    public const string MeterName = "Botcadence.Sdk";
}
