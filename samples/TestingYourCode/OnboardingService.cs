using System.Collections.Concurrent;

namespace TestingYourCode;

/// <summary>
/// The "user" code under test: provisions a customer's onboarding workflow (create, activate, subscribe to its
/// completions) and reacts to the signed webhook the service sends when an execution completes.
/// </summary>
public sealed class OnboardingService(IWorkflowsClient workflows, IWebhooksClient webhooks)
{
    private readonly ConcurrentDictionary<string, string> _completedExecutions = new();
    private string? _webhookSecret;

    /// <summary>The executions this service saw complete, by id (value: the workflow id).</summary>
    public IReadOnlyDictionary<string, string> CompletedExecutions => _completedExecutions;

    /// <summary>Creates and activates the customer's workflow and subscribes <paramref name="webhookUrl"/> to its completions.</summary>
    public async Task<Workflow> ProvisionAsync(string customer, Uri webhookUrl, CancellationToken cancellationToken = default)
    {
        var workflow = await workflows.CreateAsync(
            new WorkflowCreateOptions
            {
                Name = $"Onboarding: {customer}",
                Trigger = new WorkflowTriggerOptions { Type = "webhook" },
                Actions = [new WorkflowActionOptions { Type = "send_email", Config = System.Text.Json.JsonSerializer.SerializeToElement(new { to = "{{email}}", template = "welcome" }) }],
            },
            cancellationToken: cancellationToken);
        var active = await workflows.ActivateAsync(workflow.Id, cancellationToken: cancellationToken);
        var subscription = await webhooks.CreateSubscriptionAsync(
            new WebhookSubscriptionCreateOptions { Url = webhookUrl.ToString(), Events = [WebhookEventType.ExecutionCompleted] },
            cancellationToken: cancellationToken);
        _webhookSecret = subscription.Secret;
        return active;
    }

    /// <summary>Counts the active workflows, across every page.</summary>
    public async Task<int> CountActiveAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var workflow in workflows.ListAsync(cancellationToken: cancellationToken))
        {
            if (workflow.Status == WorkflowStatus.Active)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The webhook endpoint's logic: verify the signature, then record completed executions. Returns the HTTP status to answer.</summary>
    public int HandleWebhook(string body, IReadOnlyDictionary<string, string> headers)
    {
        if (_webhookSecret is null)
        {
            return 503;
        }

        WebhookEvent evt;
        try
        {
            evt = new WebhookVerifier(_webhookSecret).Verify(body, headers);
        }
        catch (WebhookVerificationException)
        {
            return 400;
        }

        if (evt.Type == WebhookEventType.ExecutionCompleted)
        {
            _completedExecutions[evt.Data.GetProperty("id").GetString()!] = evt.Data.GetProperty("workflow_id").GetString()!;
        }

        return 204;
    }
}
