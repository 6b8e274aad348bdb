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
    /// (400 when it fails, without calling the handler), drops an event id seen before (200), calls
    /// <paramref name="handler"/>, and answers 200 only after it succeeded (500 when it throws, so the sender redelivers).
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

        if (!await store.TryReserveAsync(evt.Id, options.ReplayWindow, token).ConfigureAwait(false))
        {
            LogDuplicate(logger, evt.Id, evt.Type.Value);
            WebhookTelemetry.Complete(activity, WebhookTelemetry.Duplicate, evt);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        try
        {
            await handler(evt, token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, ex, evt.Id, evt.Type.Value);
            WebhookTelemetry.Complete(activity, WebhookTelemetry.HandlerFailed, evt, handlerException: ex);
            await store.ReleaseAsync(evt.Id, CancellationToken.None).ConfigureAwait(false);
            if (!context.Response.HasStarted)
            {
                await WriteAsync(context, StatusCodes.Status500InternalServerError, "HANDLER_FAILED", "The webhook handler failed; the event will be redelivered.").ConfigureAwait(false);
            }

            return;
        }

        WebhookTelemetry.Complete(activity, WebhookTelemetry.Handled, evt);
        context.Response.StatusCode = StatusCodes.Status200OK;
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

    private static void LogRejected(ILogger logger, WebhookVerificationFailureReason reason, string message) => Rejected(logger, reason, message, null);

    private static void LogDuplicate(ILogger logger, string eventId, string eventType) => Duplicate(logger, eventId, eventType, null);

    private static void LogHandlerFailed(ILogger logger, Exception exception, string eventId, string eventType) => HandlerFailed(logger, eventId, eventType, exception);
}
