using Botcadence.Sdk;
using Botcadence.Sdk.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the BotCadence webhook receiver endpoint.</summary>
public static class BotCadenceWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {pattern}</c>: reads the raw body, verifies it with the secrets of <see cref="BotCadenceWebhookOptions"/>
    /// (400 when it fails, without calling the handler), claims the event id in the <see cref="IWebhookReplayStore"/> (200
    /// without calling the handler for an event already handled; 409 with <c>Retry-After</c> while another delivery of it is
    /// being handled; 503 when the store is unavailable), calls <paramref name="handler"/>, and answers 200 only after it
    /// succeeded (500 when it throws, releasing the claim so the sender's redelivery is handled).
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route, e.g. <c>/webhooks/botcadence</c>.</param>
    /// <param name="handler">Handles each verified event once.</param>
    /// <returns>The endpoint builder, e.g. to add metadata.</returns>
    public static IEndpointConventionBuilder MapBotCadenceWebhooks(this IEndpointRouteBuilder endpoints, string pattern, Func<WebhookEvent, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(handler);
        return endpoints.MapPost(pattern, context => ReceiveAsync(context, handler));
    }

    /// <summary>Maps <c>POST {pattern}</c> like the other overload, handing each event to the registered <see cref="IWebhookHandler"/> (resolved per request).</summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route, e.g. <c>/webhooks/botcadence</c>.</param>
    /// <returns>The endpoint builder.</returns>
    public static IEndpointConventionBuilder MapBotCadenceWebhooks(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return endpoints.MapPost(pattern, context => ReceiveAsync(context, (evt, ct) =>
            context.RequestServices.GetRequiredService<IWebhookHandler>().HandleAsync(evt, ct)));
    }

    private static async Task ReceiveAsync(HttpContext context, Func<WebhookEvent, CancellationToken, Task> handler)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<BotCadenceWebhookOptions>>().CurrentValue;
        var store = services.GetService<IWebhookReplayStore>()
            ?? throw new InvalidOperationException("Call services.AddBotCadenceWebhooks(…) before app.MapBotCadenceWebhooks(…).");
        var verifiers = services.GetService<WebhookVerifierCache>()
            ?? throw new InvalidOperationException("Call services.AddBotCadenceWebhooks(…) before app.MapBotCadenceWebhooks(…).");
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("Botcadence.Sdk.AspNetCore.Webhooks") ?? NullLogger.Instance;
        var token = context.RequestAborted;
        using var activity = WebhookTelemetry.Start();

        var body = await ReadRawBodyAsync(context, options.MaxBodyBytes).ConfigureAwait(false);
        if (body is null)
        {
            WebhookTelemetry.Complete(activity, WebhookTelemetry.TooLarge);
            await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", $"The body is larger than {options.MaxBodyBytes} bytes.").ConfigureAwait(false);
            return;
        }

        WebhookEvent evt;
        try
        {
            evt = verifiers.Current.Verify(body, context.Request.Headers);
        }
        catch (WebhookVerificationException ex)
        {
            LogRejected(logger, ex.Reason, ex.Message);
            WebhookTelemetry.Complete(activity, WebhookTelemetry.Rejected, failure: ex.Reason);
            await WriteAsync(context, StatusCodes.Status400BadRequest, "WEBHOOK_VERIFICATION_FAILED", ex.Message, ex.Reason.ToString()).ConfigureAwait(false);
            return;
        }

        WebhookClaim claim;
        try
        {
            claim = await store.TryClaimAsync(evt.Id, options.ClaimLease, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            // Fail closed: without a claim the event might run twice; the sender redelivers later.
            LogStoreFailed(logger, ex, evt.Id);
            WebhookTelemetry.Complete(activity, WebhookTelemetry.StoreUnavailable, evt);
            context.Response.Headers.RetryAfter = RetryAfterSeconds(options.ClaimLease);
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "REPLAY_STORE_UNAVAILABLE", "The replay store is unavailable; the event will be redelivered.").ConfigureAwait(false);
            return;
        }

        if (claim.Status == WebhookClaimStatus.Handled)
        {
            LogDuplicate(logger, evt.Id, evt.Type.Value);
            WebhookTelemetry.Complete(activity, WebhookTelemetry.Duplicate, evt);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (claim.Status == WebhookClaimStatus.InProgress || claim.Token is not { } claimToken)
        {
            // Not 200: the first delivery may still fail, and then this one must come back.
            LogInProgress(logger, evt.Id, evt.Type.Value);
            WebhookTelemetry.Complete(activity, WebhookTelemetry.InProgress, evt);
            context.Response.Headers.RetryAfter = RetryAfterSeconds(options.ClaimLease);
            await WriteAsync(context, StatusCodes.Status409Conflict, "EVENT_IN_PROGRESS", "Another delivery of this event is being handled; retry later.").ConfigureAwait(false);
            return;
        }

        var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(token);
        var renewal = RenewWhileHandlingAsync(store, evt.Id, claimToken, options.ClaimLease, timeProvider, renewing.Token);
        try
        {
            await handler(evt, token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await StopAsync(renewing, renewal).ConfigureAwait(false);
            LogHandlerFailed(logger, ex, evt.Id, evt.Type.Value);
            WebhookTelemetry.Complete(activity, WebhookTelemetry.HandlerFailed, evt, handlerException: ex);
            try
            {
                await store.ReleaseAsync(evt.Id, claimToken, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception releaseFailure)
            {
                // The lease expires on its own; the redelivery after it is handled.
                LogStoreFailed(logger, releaseFailure, evt.Id);
            }

            if (!context.Response.HasStarted)
            {
                await WriteAsync(context, StatusCodes.Status500InternalServerError, "HANDLER_FAILED", "The webhook handler failed; the event will be redelivered.").ConfigureAwait(false);
            }

            return;
        }

        await StopAsync(renewing, renewal).ConfigureAwait(false);
        try
        {
            await store.CompleteAsync(evt.Id, claimToken, options.ReplayWindow, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The event was handled: answer 200 so it is not sent again. Only a manual resend inside the lease would repeat it.
            LogStoreFailed(logger, ex, evt.Id);
        }

        WebhookTelemetry.Complete(activity, WebhookTelemetry.Handled, evt);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static string RetryAfterSeconds(TimeSpan lease) =>
        Math.Max(1, (long)Math.Ceiling(lease.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Extends the claim every third of the lease while the handler runs, so a slow handler keeps it and a dead instance loses it.</summary>
    private static async Task RenewWhileHandlingAsync(IWebhookReplayStore store, string eventId, string claimToken, TimeSpan lease, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, timeProvider, cancellationToken).ConfigureAwait(false);
                if (!await store.RenewAsync(eventId, claimToken, lease, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception)
        {
            // A failed renewal leaves the lease to expire; the outcome of the handler still decides the answer.
        }
    }

    private static async Task StopAsync(CancellationTokenSource renewing, Task renewal)
    {
        await renewing.CancelAsync().ConfigureAwait(false);
        await renewal.ConfigureAwait(false);
    }

    /// <summary>The request body exactly as received (never re-serialized: that would break the signature); null when over the limit.</summary>
    private static async Task<byte[]?> ReadRawBodyAsync(HttpContext context, int maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return null;
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes + 1L;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext context, int status, string code, string message, string? reason = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            if (reason is not null)
            {
                writer.WriteString("reason", reason);
            }

            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).ConfigureAwait(false);
    }

    // LoggerMessage.Define rather than [LoggerMessage]: on net8.0 the shared framework and the Logging.Abstractions
    // package would both run the generator.
    private static readonly Action<ILogger, WebhookVerificationFailureReason, string, Exception?> Rejected =
        LoggerMessage.Define<WebhookVerificationFailureReason, string>(LogLevel.Warning, new EventId(1, "WebhookRejected"), "Rejected a BotCadence webhook ({Reason}): {Message}");

    private static readonly Action<ILogger, string, string, Exception?> Duplicate =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(2, "WebhookDuplicate"), "Dropped duplicate BotCadence webhook event {EventId} ({EventType})");

    private static readonly Action<ILogger, string, string, Exception?> HandlerFailed =
        LoggerMessage.Define<string, string>(LogLevel.Error, new EventId(3, "WebhookHandlerFailed"), "The handler of BotCadence webhook event {EventId} ({EventType}) failed; answering 500 so it is redelivered");

    private static readonly Action<ILogger, string, string, Exception?> InProgress =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(4, "WebhookInProgress"), "BotCadence webhook event {EventId} ({EventType}) is being handled by another delivery; answering 409 so it is retried");

    private static readonly Action<ILogger, string, Exception?> StoreFailed =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(5, "WebhookReplayStoreFailed"), "The webhook replay store failed for event {EventId}");

    private static void LogInProgress(ILogger logger, string eventId, string eventType) => InProgress(logger, eventId, eventType, null);

    private static void LogStoreFailed(ILogger logger, Exception exception, string eventId) => StoreFailed(logger, eventId, exception);

    private static void LogRejected(ILogger logger, WebhookVerificationFailureReason reason, string message) => Rejected(logger, reason, message, null);

    private static void LogDuplicate(ILogger logger, string eventId, string eventType) => Duplicate(logger, eventId, eventType, null);

    private static void LogHandlerFailed(ILogger logger, Exception exception, string eventId, string eventType) => HandlerFailed(logger, eventId, eventType, exception);
}
