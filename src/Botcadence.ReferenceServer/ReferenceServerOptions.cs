namespace Botcadence.ReferenceServer;

/// <summary>Options for <see cref="ReferenceServer.StartAsync"/>.</summary>
public sealed class ReferenceServerOptions
{
    /// <summary>The Kestrel URL to listen on; port 0 picks a free port.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>All server time: timestamps, rate-limit windows, step delays, key expiry, idempotency retention.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long each execution step takes unless its action config has <c>delay_ms</c>.</summary>
    public TimeSpan StepDuration { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Fixes the value of the default organization's full-scope key; random when null.</summary>
    public string? DefaultApiKey { get; set; }

    /// <summary>The plan of the default organization.</summary>
    public string DefaultPlan { get; set; } = "enterprise";

    /// <summary>Requests per minute per key on the enterprise plan (unless an organization overrides it).</summary>
    public int EnterpriseRateLimitPerMinute { get; set; } = 6000;

    /// <summary>The largest file <c>POST /v1/files</c> accepts (413 beyond it); default 100 MiB.</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// The length of a rate-limit window (default one minute, the service's). Each key may send its plan's limit per window;
    /// tests shorten it to a few seconds. Whole seconds, so <c>X-RateLimit-Reset</c> (epoch seconds) is exact.
    /// </summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Where uploaded files are stored; a fresh temporary directory (deleted when the server stops) when null.</summary>
    public string? FileStorageDirectory { get; set; }
    /// <summary>
    /// The waits between webhook delivery attempts: a failed delivery (non-2xx, timeout, refused connection) is retried
    /// once per entry, on <see cref="TimeProvider"/>. Default 5 s, 30 s, 2 min, 10 min, 1 h; tests use milliseconds.
    /// </summary>
    public IList<TimeSpan> WebhookRetryDelays { get; set; } =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)];

    /// <summary>How long one webhook delivery attempt may take before it counts as failed.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Minimum level of the server's console log.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>Scripted faults (set by Botcadence.Sdk.Testing); none when null.</summary>
    internal IFaultSource? Faults { get; set; }

    /// <summary>Adds endpoints after the API's own (Botcadence.Sdk.Testing's webhook sink); none when null.</summary>
    internal Action<WebApplication>? ConfigureApp { get; set; }
}
