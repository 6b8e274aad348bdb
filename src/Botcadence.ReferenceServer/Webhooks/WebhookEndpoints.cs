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
        var isTrigger = body.ContainsKey("workflow_id");
        var isSubscription = body.ContainsKey("url") || body.ContainsKey("events");
        if (isTrigger && isSubscription)
        {
            throw Fields.Invalid("workflow_id", "Send either 'workflow_id' and 'event' (a trigger webhook) or 'url' and 'events' (an event subscription), not both.");
        }

        Webhook webhook;
        if (isTrigger)
        {
            var workflowId = body["workflow_id"] is { } workflowNode ? Fields.String(workflowNode, "workflow_id", 1, 200) : throw Fields.Required("workflow_id");
            var evt = Fields.TryGet(body, "event", out var e) ? Fields.NullableString(e, "event", 200) : null;
            foreach (var (name, _) in body)
            {
                if (name is not "workflow_id" and not "event")
                {
                    throw Fields.Invalid(name, $"'{name}' is not a field of a trigger webhook.");
                }
            }

            workflows.Require(organizationId, workflowId);

            webhook = new Webhook
            {
                Id = Ids.New("hook"),
                OrganizationId = organizationId,
                Kind = WebhookKinds.Trigger,
                Sequence = store.NextSequence(),
                CreatedAt = clock.UtcNow,
                WorkflowId = workflowId,
                Event = evt,
            };
        }
        else
        {
            if (!Fields.TryGet(body, "url", out var urlNode))
            {
                throw Fields.Required("url");
            }

            var url = Fields.String(urlNode, "url", 1, 2048);
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw Fields.Invalid("url", "'url' must be an absolute http or https URL.");
            }

            if (!Fields.TryGet(body, "events", out var eventsNode))
            {
                throw Fields.Required("events");
            }

            var events = ParseEvents(eventsNode);
            var description = Fields.TryGet(body, "description", out var d) ? Fields.NullableString(d, "description", 500) : null;
            string secret;
            if (Fields.TryGet(body, "secret", out var s) && s is not null)
            {
                secret = Fields.String(s, "secret", 1, 200);
                if (!WebhookSigner.IsValidSecret(secret))
                {
                    throw Fields.Invalid("secret", "'secret' must be 'whsec_' followed by the base64 of 24 to 64 random bytes; omit it to have one generated.");
                }
            }
            else
            {
                secret = WebhookSigner.NewSecret();
            }

            foreach (var (name, _) in body)
            {
                if (name is not "url" and not "events" and not "description" and not "secret")
                {
                    throw Fields.Invalid(name, $"'{name}' is not a field of an event subscription.");
                }
            }

            webhook = new Webhook
            {
                Id = Ids.New("hook"),
                OrganizationId = organizationId,
                Kind = WebhookKinds.Subscription,
                Sequence = store.NextSequence(),
                CreatedAt = clock.UtcNow,
                Url = uri.AbsoluteUri,
                Events = events,
                Description = description,
                Secret = secret,
            };
        }

        store.Add(webhook);
        return ApiResults.Created(store.WithLock(webhook, w => w.ToJson(Root(context), includeSecret: true)), "/v1/webhooks/" + webhook.Id);
    }

    private static List<string> ParseEvents(JsonNode? node)
    {
        var array = Fields.Array(node, "events");
        if (array.Count == 0)
        {
            throw Fields.Invalid("events", "'events' must name at least one event, or be [\"*\"] for all.");
        }

        var events = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"events[{i}]";
            var name = Fields.String(array[i], path);
            if (name != "*" && !EventTypes.All.Contains(name))
            {
                throw Fields.Invalid(path, $"'{path}' must be '*' or one of: {string.Join(", ", EventTypes.All)}.");
            }

            if (!events.Contains(name))
            {
                events.Add(name);
            }
        }

        return events;
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
