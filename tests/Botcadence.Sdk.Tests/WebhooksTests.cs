using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Botcadence.Sdk.Tests;

/// <summary>Every Webhooks operation through the SDK against the in-process reference server.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WebhooksTests
{
    /// <summary>Nothing listens on port 1: deliveries there fail fast with a refused connection.</summary>
    internal const string Unreachable = "http://127.0.0.1:1/hooks";

    internal static Task<Workflow> ActiveWorkflowAsync(IBotCadenceClient client, string name = "hooked") =>
        client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = name, Status = WorkflowStatus.Active, Actions = [new WorkflowActionOptions { Type = "log" }] });

    [Test]
    public async Task A_subscription_gets_a_generated_secret_shown_only_on_create()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;

        var created = await client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions
        {
            Url = "https://example.com/hooks/botcadence",
            Events = [WebhookEventType.RunCompleted, WebhookEventType.ExecutionFailed],
            Description = "Sync to ERP",
        });
        var fetched = await client.Webhooks.GetAsync(created.Id);
        var listed = await client.Webhooks.ListAsync().ToListAsync();

        Assert.That(created.Id, Does.StartWith("hook_"));
        Assert.That(created.Kind, Is.EqualTo(WebhookKind.Subscription));
        Assert.That(created.Secret, Does.StartWith("whsec_"));
        Assert.That(Convert.FromBase64String(created.Secret!["whsec_".Length..]), Has.Length.EqualTo(32));
        Assert.That(created.Events, Is.EqualTo(new[] { WebhookEventType.RunCompleted, WebhookEventType.ExecutionFailed }));
        Assert.That(fetched.Secret, Is.Null);
        Assert.That(fetched.Url, Is.EqualTo("https://example.com/hooks/botcadence"));
        Assert.That(fetched.Description, Is.EqualTo("Sync to ERP"));
        Assert.That(listed.Single().Secret, Is.Null);
        Assert.That(listed.Single().Id, Is.EqualTo(created.Id));
    }

    [Test]
    public async Task A_given_secret_is_kept_and_the_wildcard_is_accepted()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var secret = "whsec_" + Convert.ToBase64String(new byte[24]);

        var created = await client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions { Url = "http://localhost:5000/h", Events = [WebhookEventType.All], Secret = secret });

        Assert.That(created.Secret, Is.EqualTo(secret));
        Assert.That(created.Events, Is.EqualTo(new[] { WebhookEventType.All }));
    }

    [TestCase("ftp://example.com/x", "run.completed", null, "url")]
    [TestCase("/relative", "run.completed", null, "url")]
    [TestCase("https://example.com/x", "run.completed,nope.nothing", null, "events[1]")]
    [TestCase("https://example.com/x", "", null, "events")]
    [TestCase("https://example.com/x", "run.completed", "not-a-whsec-secret", "secret")]
    public async Task Bad_subscriptions_are_422_naming_the_field(string url, string events, string? secret, string field)
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;

        var ex = await Assert.ThrowsAsync<BotCadenceValidationException>(async () => await client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions
        {
            Url = url,
            Events = [.. events.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(e => new WebhookEventType(e))],
            Secret = secret,
        }));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(ex.Field, Is.EqualTo(field));
    }

    [Test]
    public async Task A_trigger_webhook_looks_like_seed_000_and_starts_an_execution_with_the_posted_body()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var workflow = await ActiveWorkflowAsync(client);

        var hook = await client.Webhooks.CreateTriggerAsync(new WebhookTriggerCreateOptions { WorkflowId = workflow.Id, Event = "user.created" });

        Assert.That(hook.Id, Does.StartWith("hook_"));
        Assert.That(hook.Kind, Is.EqualTo(WebhookKind.Trigger));
        Assert.That(hook.Url, Is.EqualTo(new Uri(ServerFixture.Server.RootAddress, "webhooks/" + hook.Id).AbsoluteUri));
        Assert.That(hook.WorkflowId, Is.EqualTo(workflow.Id));
        Assert.That(hook.Event, Is.EqualTo("user.created"));
        Assert.That(hook.Secret, Is.Null);

        using var http = new HttpClient();
        using var response = await http.PostAsync(hook.Url, new StringContent("""{"user":{"email":"a@b.c"}}""", Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("pending"));
        var execution = await client.Executions.GetAsync(body["execution_id"]!.GetValue<string>());
        Assert.That(execution.WorkflowId, Is.EqualTo(workflow.Id));
        Assert.That(execution.Input!.Value.GetProperty("user").GetProperty("email").GetString(), Is.EqualTo("a@b.c"));
    }

    [Test]
    public async Task The_trigger_url_refuses_deleted_hooks_inactive_workflows_and_non_json()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var workflow = await ActiveWorkflowAsync(client);
        var hook = await client.Webhooks.CreateTriggerAsync(new WebhookTriggerCreateOptions { WorkflowId = workflow.Id });
        using var http = new HttpClient();

        using (var notJson = await http.PostAsync(hook.Url, new StringContent("hello", Encoding.UTF8, "text/plain")))
        {
            Assert.That(notJson.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        }

        using (var malformed = await http.PostAsync(hook.Url, new StringContent("{nope", Encoding.UTF8, "application/json")))
        {
            Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await malformed.Content.ReadAsStringAsync(), Does.Contain("INVALID_REQUEST"));
        }

        await client.Workflows.DeactivateAsync(workflow.Id);
        using (var inactive = await http.PostAsync(hook.Url, new StringContent("{}", Encoding.UTF8, "application/json")))
        {
            Assert.That(inactive.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await inactive.Content.ReadAsStringAsync(), Does.Contain("CONFLICT"));
        }

        await client.Webhooks.DeleteAsync(hook.Id);
        using (var deleted = await http.PostAsync(hook.Url, new StringContent("{}", Encoding.UTF8, "application/json")))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await deleted.Content.ReadAsStringAsync(), Does.Contain("NOT_FOUND"));
        }

        await Assert.ThrowsAsync<BotCadenceNotFoundException>(async () => await client.Webhooks.GetAsync(hook.Id));
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(async () => await client.Webhooks.CreateTriggerAsync(new WebhookTriggerCreateOptions { WorkflowId = "wf_missing" }));
    }

    [Test]
    public async Task List_filters_by_kind_and_pages_across_three_pages_resuming_from_a_token()
    {
        var (client, _, key) = ServerFixture.NewTenant();
        using var clientScope = client;
        var workflow = await ActiveWorkflowAsync(client);
        for (var i = 0; i < 5; i++)
        {
            await client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions { Url = $"https://example.com/{i}", Events = [WebhookEventType.All] });
        }

        var trigger = await client.Webhooks.CreateTriggerAsync(new WebhookTriggerCreateOptions { WorkflowId = workflow.Id });

        var pages = await client.Webhooks.ListAsync(new WebhookListOptions { Kind = WebhookKind.Subscription }).AsPages(pageSizeHint: 2).ToListAsync();
        var triggers = await client.Webhooks.ListAsync(new WebhookListOptions { Kind = WebhookKind.Trigger }).ToListAsync();

        Assert.That(pages.Select(p => p.Values.Count), Is.EqualTo(new[] { 2, 2, 1 }));
        Assert.That(pages.SelectMany(p => p.Values).Select(w => w.Url), Is.EqualTo(new[] { "https://example.com/4", "https://example.com/3", "https://example.com/2", "https://example.com/1", "https://example.com/0" }));
        Assert.That(pages[0].TotalCount, Is.EqualTo(5));
        Assert.That(triggers.Select(t => t.Id), Is.EqualTo(new[] { trigger.Id }));

        string? token;
        await using (var enumerator = client.Webhooks.ListAsync(new WebhookListOptions { Kind = WebhookKind.Subscription }).AsPages(pageSizeHint: 2).GetAsyncEnumerator())
        {
            await enumerator.MoveNextAsync();
            token = enumerator.Current.ContinuationToken;
        }

        using var other = ServerFixture.ClientFor(key.Key);
        var rest = await other.Webhooks.ListAsync(new WebhookListOptions { Kind = WebhookKind.Subscription }).AsPages(token).ToListAsync();
        Assert.That(rest.SelectMany(p => p.Values).Select(w => w.Url), Is.EqualTo(new[] { "https://example.com/2", "https://example.com/1", "https://example.com/0" }));
    }

    [Test]
    public async Task Test_deliveries_to_an_unreachable_endpoint_are_logged_as_failures_and_page()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var hook = await client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions { Url = Unreachable, Events = [WebhookEventType.RunCreated] });

        var first = await client.Webhooks.SendTestAsync(hook.Id);
        for (var i = 0; i < 3; i++)
        {
            await client.Webhooks.SendTestAsync(hook.Id, new WebhookTestOptions { Event = WebhookEventType.UserCreated });
        }

        var retried = await client.Webhooks.RetryDeliveryAsync(hook.Id, first.Id);
        var pages = await client.Webhooks.ListDeliveriesAsync(hook.Id).AsPages(pageSizeHint: 2).ToListAsync();
        var all = pages.SelectMany(p => p.Values).ToList();

        Assert.That(first.Event, Is.EqualTo(WebhookEventType.RunCreated));
        Assert.That(first.Success, Is.False);
        Assert.That(first.StatusCode, Is.Null);
        Assert.That(first.Error, Does.Contain("Connection failed"));
        Assert.That(first.Attempt, Is.EqualTo(1));
        Assert.That(first.Trigger, Is.EqualTo("test"));
        Assert.That(first.DeliveredAt, Is.Null);
        Assert.That(retried.EventId, Is.EqualTo(first.EventId));
        Assert.That(retried.Attempt, Is.EqualTo(2));
        Assert.That(retried.Trigger, Is.EqualTo("manual"));
        Assert.That(pages.Select(p => p.Values.Count), Is.EqualTo(new[] { 2, 2, 1 }));
        Assert.That(all[0].Id, Is.EqualTo(retried.Id), "newest first");
        Assert.That(all.Select(d => d.Id), Is.Unique);
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(async () => await client.Webhooks.RetryDeliveryAsync(hook.Id, "dlv_missing"));
    }

    [Test]
    public async Task Rotating_returns_a_new_secret_and_the_grace_period()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var hook = await client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions { Url = Unreachable, Events = [WebhookEventType.RunCreated] });

        var rotated = await client.Webhooks.RotateSecretAsync(hook.Id, new WebhookRotateSecretOptions { GracePeriod = TimeSpan.FromHours(1) });
        var defaulted = await client.Webhooks.RotateSecretAsync(hook.Id);
        var fetched = await client.Webhooks.GetAsync(hook.Id);

        Assert.That(rotated.Secret, Does.StartWith("whsec_").And.Not.EqualTo(hook.Secret));
        Assert.That(rotated.PreviousSecretExpiresAt, Is.EqualTo(DateTimeOffset.UtcNow.AddHours(1)).Within(TimeSpan.FromMinutes(1)));
        Assert.That(defaulted.PreviousSecretExpiresAt, Is.EqualTo(DateTimeOffset.UtcNow.AddHours(24)).Within(TimeSpan.FromMinutes(1)));
        Assert.That(fetched.Secret, Is.Null);
        var ex = await Assert.ThrowsAsync<BotCadenceValidationException>(async () => await client.Webhooks.RotateSecretAsync(hook.Id, new WebhookRotateSecretOptions { GracePeriod = TimeSpan.FromDays(30) }));
        Assert.That(ex!.Field, Is.EqualTo("grace_period_seconds"));
    }

    [Test]
    public async Task Trigger_webhooks_have_no_deliveries_to_test_or_secret_to_rotate()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var workflow = await ActiveWorkflowAsync(client);
        var trigger = await client.Webhooks.CreateTriggerAsync(new WebhookTriggerCreateOptions { WorkflowId = workflow.Id });

        await Assert.ThrowsAsync<BotCadenceConflictException>(async () => await client.Webhooks.SendTestAsync(trigger.Id));
        await Assert.ThrowsAsync<BotCadenceConflictException>(async () => await client.Webhooks.RotateSecretAsync(trigger.Id));
        Assert.That(await client.Webhooks.ListDeliveriesAsync(trigger.Id).ToListAsync(), Is.Empty);
    }
}

/// <summary>Webhooks operations for the matrix.</summary>
public sealed class WebhooksMatrix : IOperationMatrix
{
    public async Task<IReadOnlyList<OperationCase>> ArrangeAsync(IBotCadenceClient owner)
    {
        var workflow = await WebhooksTests.ActiveWorkflowAsync(owner, "webhooks matrix");
        var hook = await owner.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions { Url = WebhooksTests.Unreachable, Events = [WebhookEventType.RunCreated] });
        var delivery = await owner.Webhooks.SendTestAsync(hook.Id);
        var id = hook.Id;
        const string scope = "webhooks:manage";
        return
        [
            new("Webhooks.CreateSubscription", scope, false, false, c => c.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions { Url = WebhooksTests.Unreachable, Events = [WebhookEventType.RunCreated] })),
            new("Webhooks.CreateTrigger", scope, true, false, c => c.Webhooks.CreateTriggerAsync(new WebhookTriggerCreateOptions { WorkflowId = workflow.Id })),
            new("Webhooks.List", scope, false, true, c => OperationMatrixTests.FirstPageAsync(c.Webhooks.ListAsync())),
            new("Webhooks.Get", scope, true, true, c => c.Webhooks.GetAsync(id)),
            new("Webhooks.Delete", scope, true, false, c => c.Webhooks.DeleteAsync(id)),
            new("Webhooks.ListDeliveries", scope, true, true, c => OperationMatrixTests.FirstPageAsync(c.Webhooks.ListDeliveriesAsync(id))),
            new("Webhooks.RetryDelivery", scope, true, false, c => c.Webhooks.RetryDeliveryAsync(id, delivery.Id)),
            new("Webhooks.SendTest", scope, true, false, c => c.Webhooks.SendTestAsync(id)),
            new("Webhooks.RotateSecret", scope, true, false, c => c.Webhooks.RotateSecretAsync(id)),
        ];
    }
}
