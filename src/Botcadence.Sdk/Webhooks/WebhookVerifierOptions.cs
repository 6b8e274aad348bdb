namespace Botcadence.Sdk;

/// <summary>Settings of a <see cref="WebhookVerifier"/>.</summary>
public sealed class WebhookVerifierOptions
{
    /// <summary>
    /// How far <c>webhook-timestamp</c> may be from now, in either direction (default 5 minutes). Older deliveries are
    /// rejected as replays. Only the Standard Webhooks scheme carries a signed timestamp.
    /// </summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock the tolerance is measured against (default: the system clock; a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
