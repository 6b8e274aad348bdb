using Microsoft.Extensions.Options;

namespace Botcadence.Sdk.AspNetCore;

/// <summary>
/// The receiver's one <see cref="WebhookVerifier"/>: built (secrets decoded) once, and again only when the options
/// change (e.g. a configuration reload during a secret rotation), never per request.
/// </summary>
internal sealed class WebhookVerifierCache : IDisposable
{
    private readonly IOptionsMonitor<BotCadenceWebhookOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly IDisposable? _subscription;
    private readonly object _gate = new();
    private WebhookVerifier? _verifier;

    public WebhookVerifierCache(IOptionsMonitor<BotCadenceWebhookOptions> options, TimeProvider? timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _subscription = options.OnChange((_, name) =>
        {
            if (string.IsNullOrEmpty(name))
            {
                Volatile.Write(ref _verifier, null);
            }
        });
    }

    /// <summary>How many verifiers were built (tests check that it is one per options change, not one per request).</summary>
    internal int BuildCount { get; private set; }

    /// <summary>The verifier for the current options.</summary>
    public WebhookVerifier Current
    {
        get
        {
            if (Volatile.Read(ref _verifier) is { } verifier)
            {
                return verifier;
            }

            lock (_gate)
            {
                if (_verifier is null)
                {
                    _verifier = Create(_options.CurrentValue, _timeProvider);
                    BuildCount++;
                }

                return _verifier;
            }
        }
    }

    internal static WebhookVerifier Create(BotCadenceWebhookOptions options, TimeProvider timeProvider) =>
        new(options.Secrets, new WebhookVerifierOptions
        {
            Tolerance = options.Tolerance,
            AllowUntimestampedSignatures = options.AllowUntimestampedSignatures,
            TimeProvider = timeProvider,
        });

    public void Dispose() => _subscription?.Dispose();
}

/// <summary>Validates <see cref="BotCadenceWebhookOptions"/> when the app starts (<c>ValidateOnStart</c>) and on every reload.</summary>
internal sealed class BotCadenceWebhookOptionsValidator : IValidateOptions<BotCadenceWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, BotCadenceWebhookOptions options)
    {
        if (options.Secrets is null || options.Secrets.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                "BotCadenceWebhookOptions.Secrets is empty: configure the webhook subscription's signing secret (whsec_…), e.g. in \"BotCadence:Webhooks:Secrets\".");
        }

        if (options.MaxBodyBytes <= 0)
        {
            return ValidateOptionsResult.Fail("BotCadenceWebhookOptions.MaxBodyBytes must be positive.");
        }

        try
        {
            _ = WebhookVerifierCache.Create(options, TimeProvider.System);
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"BotCadenceWebhookOptions is invalid: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
