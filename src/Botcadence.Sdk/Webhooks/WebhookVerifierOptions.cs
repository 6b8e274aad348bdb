namespace Botcadence.Sdk;

/// <summary>Settings of a <see cref="WebhookVerifier"/>.</summary>
public sealed class WebhookVerifierOptions
{
    /// <summary>
    /// How far <c>webhook-timestamp</c> may be from now, in either direction (default 5 minutes). Older deliveries are
    /// rejected as replays. Only the Standard Webhooks scheme carries a signed timestamp.
    /// </summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Accept deliveries signed only with the seed scheme <c>X-BotCadence-Signature</c> (no timestamp) when the Standard
    /// Webhooks headers are absent (default false: such a delivery is rejected with
    /// <see cref="WebhookVerificationFailureReason.UntimestampedSignature"/>). Replay risk: that signature covers only the
    /// body, so anyone who captured one delivery can send it again at any time and it still verifies; turn this on only
    /// for senders that cannot send the Standard Webhooks headers, and drop repeated event ids yourself.
    /// </summary>
    public bool AllowUntimestampedSignatures { get; set; }

    /// <summary>The clock the tolerance is measured against (default: the system clock; a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
