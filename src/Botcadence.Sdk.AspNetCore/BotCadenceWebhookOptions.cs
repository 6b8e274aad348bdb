namespace Botcadence.Sdk.AspNetCore;

/// <summary>Settings of the webhook receiver (<c>services.AddBotCadenceWebhooks(…)</c>), bindable from configuration.</summary>
public sealed class BotCadenceWebhookOptions
{
    /// <summary>
    /// The signing secrets (<c>whsec_…</c>) a delivery may be signed with: normally one; during a rotation the old and the
    /// new. Validated when the app starts (an empty list stops it). The verifier is built once and rebuilt when the options change, so reloading configuration takes effect at once.
    /// </summary>
    public IList<string> Secrets { get; set; } = [];

    /// <summary>How far <c>webhook-timestamp</c> may be from now, either way (default 5 minutes).</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Accept deliveries signed only with the untimestamped <c>X-BotCadence-Signature</c> (default false); see
    /// <see cref="WebhookVerifierOptions.AllowUntimestampedSignatures"/> for the replay risk. The receiver's replay store
    /// still drops a repeated event id within <see cref="ReplayWindow"/>, but not after it.
    /// </summary>
    public bool AllowUntimestampedSignatures { get; set; }

    /// <summary>How long a handled event id is remembered to drop redeliveries (default 3 days, longer than the retry schedule).</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// How long a delivery's claim on its event id holds without renewal (default 30 s). The receiver renews it while the
    /// handler runs; when the instance dies, the claim expires after this long and the next redelivery is handled.
    /// A redelivery arriving while the claim holds is answered 409 with <c>Retry-After</c>, so the sender tries again.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest body accepted, in bytes (default 1 MiB); larger requests get 413.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
