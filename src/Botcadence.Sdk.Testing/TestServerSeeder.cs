using System.Text.Json;

namespace Botcadence.Sdk.Testing;

/// <summary>
/// One-line creation of the resources tests start from, through the server's own API (so every rule and event applies)
/// with the default full-scope key, never faulted and never counted against your clients.
/// </summary>
public sealed class TestServerSeeder
{
    private readonly BotCadenceTestServer _server;

    internal TestServerSeeder(BotCadenceTestServer server) => _server = server;

    /// <summary>Creates a workflow (a webhook trigger and one <c>send_email</c> action unless given) and activates it.</summary>
    /// <param name="name">Display name.</param>
    /// <param name="actions">The actions; one <c>send_email</c> when null.</param>
    /// <param name="trigger">The trigger; a <c>webhook</c> trigger when null.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The active workflow.</returns>
    public async Task<Workflow> ActiveWorkflowAsync(string name = "Test workflow", IEnumerable<WorkflowActionOptions>? actions = null, WorkflowTriggerOptions? trigger = null, CancellationToken cancellationToken = default)
    {
        var workflow = await DraftWorkflowAsync(name, actions, trigger, cancellationToken).ConfigureAwait(false);
        return await _server.KitClient(null).Workflows.ActivateAsync(workflow.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a draft workflow.</summary>
    /// <param name="name">Display name.</param>
    /// <param name="actions">The actions; one <c>send_email</c> when null.</param>
    /// <param name="trigger">The trigger; a <c>webhook</c> trigger when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The draft workflow.</returns>
    public Task<Workflow> DraftWorkflowAsync(string name = "Test workflow", IEnumerable<WorkflowActionOptions>? actions = null, WorkflowTriggerOptions? trigger = null, CancellationToken cancellationToken = default) =>
        _server.KitClient(null).Workflows.CreateAsync(
            new WorkflowCreateOptions
            {
                Name = name,
                Trigger = trigger ?? new WorkflowTriggerOptions { Type = "webhook" },
                Actions = actions?.ToList() ?? [new WorkflowActionOptions { Type = "send_email", Config = JsonDocument.Parse("""{"to":"{{email}}"}""").RootElement }],
            },
            cancellationToken: cancellationToken);

    /// <summary>Creates a process template with the given tasks (one task when none) and publishes it.</summary>
    /// <param name="name">Display name.</param>
    /// <param name="taskNames">The tasks' names, in order.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The published template.</returns>
    public async Task<Template> PublishedTemplateAsync(string name = "Test template", IEnumerable<string>? taskNames = null, CancellationToken cancellationToken = default)
    {
        var client = _server.KitClient(null);
        var tasks = (taskNames?.ToList() is { Count: > 0 } names ? names : ["Review"]).Select(n => new TemplateTaskOptions { Name = n }).ToList();
        var template = await client.Templates.CreateAsync(new TemplateCreateOptions { Name = name, Tasks = tasks }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await client.Templates.PublishAsync(template.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a form with the given text fields (an <c>email</c> field when none).</summary>
    /// <param name="name">Display name.</param>
    /// <param name="fieldNames">Required text fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The form.</returns>
    public Task<Form> FormAsync(string name = "Test form", IEnumerable<string>? fieldNames = null, CancellationToken cancellationToken = default)
    {
        var fields = fieldNames?.Select(f => new FormFieldOptions { Name = f, Type = FormFieldType.Text, Required = true }).ToList()
            ?? [new FormFieldOptions { Name = "email", Type = FormFieldType.Email, Required = true }];
        return _server.KitClient(null).Forms.CreateAsync(new FormCreateOptions { Name = name, Fields = fields }, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Subscribes a URL to events (the server's built-in receiver, <see cref="TestServerWebhooks.ReceiverUrl"/>, when null);
    /// the result carries the signing <see cref="Webhook.Secret"/>.
    /// </summary>
    /// <param name="events">The event types; every type when null.</param>
    /// <param name="url">Where to deliver.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription, with its secret.</returns>
    public Task<Webhook> WebhookSubscriptionAsync(IEnumerable<WebhookEventType>? events = null, Uri? url = null, CancellationToken cancellationToken = default) =>
        _server.KitClient(null).Webhooks.CreateSubscriptionAsync(
            new WebhookSubscriptionCreateOptions
            {
                Url = (url ?? _server.Webhooks.ReceiverUrl).ToString(),
                Events = events?.ToList() ?? [WebhookEventType.All],
            },
            cancellationToken: cancellationToken);
}
