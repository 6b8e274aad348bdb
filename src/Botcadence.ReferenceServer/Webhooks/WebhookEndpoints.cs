using System.Text.Json;
using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Events;
using Botcadence.ReferenceServer.Executions;
using Botcadence.ReferenceServer.Workflows;

namespace Botcadence.ReferenceServer.Webhooks;

/// <summary>/v1/webhooks management routes and the inbound trigger route <c>POST /webhooks/{hook_id}</c>.</summary>
internal static class WebhookEndpoints
{
    private static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromHours(24);
    private static readonly TimeSpan MaxGracePeriod = TimeSpan.FromDays(7);

    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/webhooks");
        group.MapGet("", List).RequireScope(Scopes.WebhooksManage);
        group.MapPost("", CreateAsync).RequireScope(Scopes.WebhooksManage);
        group.MapGet("/{webhookId}", Get).RequireScope(Scopes.WebhooksManage);
        group.MapDelete("/{webhookId}", Delete).RequireScope(Scopes.WebhooksManage);
        group.MapGet("/{webhookId}/deliveries", ListDeliveries).RequireScope(Scopes.WebhooksManage);
        group.MapPost("/{webhookId}/deliveries/{deliveryId}/retry", RetryDeliveryAsync).RequireScope(Scopes.WebhooksManage);
        group.MapPost("/{webhookId}/test", SendTestAsync).RequireScope(Scopes.WebhooksManage);
        group.MapPost("/{webhookId}/rotate-secret", RotateSecretAsync).RequireScope(Scopes.WebhooksManage);
    }

    /// <summary>The inbound trigger URL: no API key, the URL is the secret.</summary>
    public static void MapInbound(IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/{hookId}", TriggerAsync).AllowWithoutKey();

    private static Uri Root(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}/");

    private static Webhook RequireSubscription(HttpContext context, WebhookStore store, string webhookId)
    {
        var webhook = store.Require(context.Caller().OrganizationId, webhookId);
        return webhook.Kind == WebhookKinds.Subscription
            ? webhook
            : throw new ApiException(ApiError.Conflict($"Webhook {webhookId} is a trigger webhook; only subscriptions deliver events."));
    }

    private static IResult List(HttpContext context, WebhookStore store)
    {
        var (page, perPage) = Pagination.PageParams(context);
        var kind = Query.OneOf(context, "kind", WebhookKinds.All);
        var root = Root(context);
        var items = store.List(context.Caller().OrganizationId, w => kind is null || w.Kind == kind);
        return ApiResults.Ok(Pagination.Page(items, page, perPage, w => store.WithLock(w, x => x.ToJson(root, includeSecret: false))));
    }

    private static IResult Get(HttpContext context, string webhookId, WebhookStore store) =>
        ApiResults.Ok(store.WithLock(store.Require(context.Caller().OrganizationId, webhookId), w => w.ToJson(Root(context), includeSecret: false)));

    private static IResult Delete(HttpContext context, string webhookId, WebhookStore store)
    {
        store.RequireDelete(context.Caller().OrganizationId, webhookId);
        return ApiResults.NoContent();
    }

    private static async Task<IResult> CreateAsync(HttpContext context, WebhookStore store, WorkflowStore workflows, ServerClock clock)
    {
        var body = (await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false))!;
        var organizationId = context.Caller().OrganizationId;
        var isTrigger = WebhookRequests.IsTrigger(body);
        var trigger = isTrigger ? WebhookRequests.ParseTrigger(body) : null;
        var subscription = isTrigger ? null : WebhookRequests.ParseSubscription(body);
        if (trigger is not null)
        {
            workflows.Require(organizationId, trigger.WorkflowId);
        }

        var webhook = store.Add(new Webhook
        {
            Id = Ids.New("hook"),
            OrganizationId = organizationId,
            Kind = isTrigger ? WebhookKinds.Trigger : WebhookKinds.Subscription,
            Sequence = store.NextSequence(),
            CreatedAt = clock.UtcNow,
            WorkflowId = trigger?.WorkflowId,
            Event = trigger?.Event,
            Url = subscription?.Url,
            Events = subscription?.Events ?? [],
            Description = subscription?.Description,
            Secret = subscription?.Secret ?? string.Empty,
        });
        return ApiResults.Created(store.WithLock(webhook, w => w.ToJson(Root(context), includeSecret: true)), "/v1/webhooks/" + webhook.Id);
    }

    private static IResult ListDeliveries(HttpContext context, string webhookId, WebhookStore store)
    {
        var webhook = store.Require(context.Caller().OrganizationId, webhookId);
        var (page, perPage) = Pagination.PageParams(context);
        return ApiResults.Ok(Pagination.Page(store.Deliveries(webhook), page, perPage, d => d.ToJson()));
    }

    private static async Task<IResult> RetryDeliveryAsync(HttpContext context, string webhookId, string deliveryId, WebhookStore store, WebhookDispatcher dispatcher)
    {
        var webhook = RequireSubscription(context, store, webhookId);
        var found = store.FindDelivery(webhook, deliveryId) ?? throw ApiException.NotFound("Delivery", deliveryId);
        var delivery = await dispatcher.RedeliverAsync(webhook, found.Event, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Ok(delivery.ToJson());
    }

    private static async Task<IResult> SendTestAsync(HttpContext context, string webhookId, WebhookStore store, WebhookDispatcher dispatcher, ServerClock clock)
    {
        var webhook = RequireSubscription(context, store, webhookId);
        var body = await RequestBody.ReadObjectAsync(context, required: false).ConfigureAwait(false);
        var type = webhook.Events.FirstOrDefault(e => e != "*") ?? EventTypes.WorkflowExecuted;
        if (body is not null && Fields.TryGet(body, "event", out var e) && e is not null)
        {
            type = Fields.OneOf(e, "event", EventTypes.All);
        }

        var evt = new ServerEvent(Ids.New("evt"), webhook.OrganizationId, type, clock.UtcNow, WebhookDispatcher.TestData(webhook.Id));
        var delivery = await dispatcher.SendTestAsync(webhook, evt, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Ok(delivery.ToJson());
    }

    private static async Task<IResult> RotateSecretAsync(HttpContext context, string webhookId, WebhookStore store, ServerClock clock)
    {
        var webhook = RequireSubscription(context, store, webhookId);
        var body = await RequestBody.ReadObjectAsync(context, required: false).ConfigureAwait(false);
        var grace = DefaultGracePeriod;
        if (body is not null && Fields.TryGet(body, "grace_period_seconds", out var g) && g is not null)
        {
            if (g is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
            {
                throw Fields.WrongType("grace_period_seconds", $"'grace_period_seconds' must be an integer between 0 and {MaxGracePeriod.TotalSeconds:0}.");
            }

            if (!v.TryGetValue(out long seconds) || seconds < 0 || seconds > MaxGracePeriod.TotalSeconds)
            {
                throw Fields.Invalid("grace_period_seconds", $"'grace_period_seconds' must be an integer between 0 and {MaxGracePeriod.TotalSeconds:0}.");
            }

            grace = TimeSpan.FromSeconds(seconds);
        }

        var now = clock.UtcNow;
        store.WithLock(webhook, w =>
        {
            w.PreviousSecret = grace > TimeSpan.Zero ? w.Secret : null;
            w.PreviousSecretExpiresAt = grace > TimeSpan.Zero ? now + grace : null;
            w.Secret = WebhookSigner.NewSecret();
            return 0;
        });
        return ApiResults.Ok(store.WithLock(webhook, w => w.ToJson(Root(context), includeSecret: true)));
    }

    private static async Task<IResult> TriggerAsync(HttpContext context, string hookId, WebhookStore store, WorkflowStore workflows, ExecutionEngine engine)
    {
        var hook = store.Find(hookId);
        if (hook is null || hook.Kind != WebhookKinds.Trigger)
        {
            throw ApiException.NotFound("Webhook", hookId);
        }

        var body = await RequestBody.ReadObjectAsync(context, required: false).ConfigureAwait(false);
        var workflow = workflows.Require(hook.OrganizationId, hook.WorkflowId!);
        var (execution, json) = engine.Launch(workflow, body is null ? [] : (JsonObject)body.DeepClone());
        return ApiResults.Accepted(new JsonObject { ["execution_id"] = execution.Id, ["status"] = json["status"]?.DeepClone() }, "/v1/executions/" + execution.Id);
    }
}
