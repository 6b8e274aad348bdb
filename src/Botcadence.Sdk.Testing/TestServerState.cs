using System.Text.Json.Nodes;
using Botcadence.ReferenceServer;
using Botcadence.ReferenceServer.Executions;
using Botcadence.ReferenceServer.Forms;
using Botcadence.ReferenceServer.Templates;
using Botcadence.ReferenceServer.Workflows;

namespace Botcadence.Sdk.Testing;

/// <summary>
/// What the test server holds, read straight from its stores (no request, no rate limit, no fault), as the SDK's models:
/// assert the side effects of your code, e.g. <c>Assert.That(server.State.Workflows(), Has.Count.EqualTo(1))</c>.
/// </summary>
public sealed class TestServerState
{
    private readonly BotCadenceTestServer _server;

    internal TestServerState(BotCadenceTestServer server) => _server = server;

    /// <summary>The workflows of an organization, newest first.</summary>
    /// <param name="organizationId">The organization; the default one when null.</param>
    /// <returns>The workflows.</returns>
    public IReadOnlyList<Workflow> Workflows(string? organizationId = null)
    {
        var org = Org(organizationId);
        var executions = _server.Internal<ExecutionStore>();
        return _server.Internal<WorkflowStore>().List(org, _ => true)
            .Select(w => BotCadenceTestServer.Deserialize(w.ToJson(executions.Stats(org, w.Id)), BotCadenceJsonContext.Default.Workflow))
            .ToList();
    }

    /// <summary>The executions of an organization, newest first (at most the 100 newest).</summary>
    /// <param name="workflowId">Only this workflow's executions, when set.</param>
    /// <param name="organizationId">The organization; the default one when null.</param>
    /// <returns>The executions.</returns>
    public IReadOnlyList<Execution> Executions(string? workflowId = null, string? organizationId = null)
    {
        var page = _server.Internal<ExecutionStore>().CursorPage(Org(organizationId), null, workflowId, null, 100);
        return (page["data"] as JsonArray ?? [])
            .Select(e => BotCadenceTestServer.Deserialize(e!, BotCadenceJsonContext.Default.Execution))
            .ToList();
    }

    /// <summary>The process templates of an organization, newest first.</summary>
    /// <param name="organizationId">The organization; the default one when null.</param>
    /// <returns>The templates.</returns>
    public IReadOnlyList<Template> Templates(string? organizationId = null) =>
        _server.Internal<TemplateStore>().List(Org(organizationId))
            .Select(t => BotCadenceTestServer.Deserialize(t.ToJson(), BotCadenceJsonContext.Default.Template))
            .ToList();

    /// <summary>The forms of an organization, newest first.</summary>
    /// <param name="organizationId">The organization; the default one when null.</param>
    /// <returns>The forms.</returns>
    public IReadOnlyList<Form> Forms(string? organizationId = null)
    {
        var org = Org(organizationId);
        var forms = _server.Internal<FormStore>();
        return forms.List(org)
            .Select(f => BotCadenceTestServer.Deserialize(f.ToJson(forms.SubmissionCount(f)), BotCadenceJsonContext.Default.Form))
            .ToList();
    }

    /// <summary>The webhooks (triggers and subscriptions) of an organization, newest first, without their secrets.</summary>
    /// <param name="organizationId">The organization; the default one when null.</param>
    /// <returns>The webhooks.</returns>
    public IReadOnlyList<Webhook> Webhooks(string? organizationId = null)
    {
        var store = _server.Internal<ReferenceServer.Webhooks.WebhookStore>();
        return store.List(Org(organizationId), _ => true)
            .Select(w => BotCadenceTestServer.Deserialize(store.WithLock(w, x => x.ToJson(_server.RootAddress, includeSecret: false)), BotCadenceJsonContext.Default.Webhook))
            .ToList();
    }

    /// <summary>The events published in an organization, oldest first (what subscriptions are sent).</summary>
    /// <param name="organizationId">The organization; the default one when null.</param>
    /// <returns>Each event's id, type, time and data.</returns>
    public IReadOnlyList<PublishedEventInfo> Events(string? organizationId = null) =>
        _server.Reference.PublishedEvents(Org(organizationId));

    private string Org(string? organizationId) => organizationId ?? _server.DefaultOrganization.Id;
}
