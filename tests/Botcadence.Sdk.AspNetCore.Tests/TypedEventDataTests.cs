using System.Security.Cryptography;
using System.Text.Json;
using Botcadence.ReferenceServer;

namespace Botcadence.Sdk.AspNetCore.Tests;

/// <summary>
/// Issue 15 point 7: typed data for every event type of PRODUCT.md, each read from a real, signed delivery of the
/// reference server to a receiver on Kestrel. The one-time set-up causes every event; each test reads one type.
/// </summary>
[TestFixture]
public sealed class TypedEventDataTests
{
    private ReferenceServer.ReferenceServer _server = null!;
    private Receiver _receiver = null!;
    private BotCadenceClient _client = null!;
    private OrganizationInfo _org = null!;
    private Run _run = null!;
    private string _agentId = null!;
    private string _invoiceId = null!;
    private string _userId = null!;

    [OneTimeSetUp]
    public async Task CauseEveryEventAsync()
    {
        _server = await ReferenceServer.ReferenceServer.StartAsync(new ReferenceServerOptions { StepDuration = TimeSpan.FromMilliseconds(5) });
        _org = _server.CreateOrganization("typed " + Guid.NewGuid().ToString("N"));
        _client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = _server.CreateApiKey(_org.Id).Key, BaseAddress = _server.BaseAddress });
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _receiver = await Receiver.StartAsync([secret]);
        await _client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions { Url = _receiver.Url.AbsoluteUri, Events = [WebhookEventType.All], Secret = secret });

        var form = await _client.Forms.CreateAsync(new FormCreateOptions { Name = "f", Fields = [new FormFieldOptions { Name = "firstName" }] });
        await _client.Forms.SubmitAsync(form.Id, new { firstName = "Ada" });

        var template = await _client.Templates.CreateAsync(new TemplateCreateOptions { Name = "t", Tasks = [new TemplateTaskOptions { Name = "Only" }] });
        await _client.Templates.PublishAsync(template.Id);
        _run = await _client.Runs.LaunchAsync(new RunLaunchOptions { TemplateId = template.Id, Name = "typed run", DueDate = DateTimeOffset.UtcNow.AddSeconds(1) });
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await _client.Runs.GetAsync(_run.Id); // observed past its due date: run.overdue
        await _client.Runs.CompleteTaskAsync(_run.Id, _run.Tasks[0].Id, "done"); // task.completed, run.completed

        var agent = _server.AddAgent(_org.Id, "Typed", status: "online");
        _agentId = agent.Id;
        await _client.Agents.SendMessageAsync(agent.Id, new AgentMessageOptions { Content = "hello", Metadata = JsonSerializer.SerializeToElement(new { customerId = "c1" }) });
        await _client.Agents.SetSkillsAsync(agent.Id, ["booking"]);
        _server.SetAgentStatus(_org.Id, agent.Id, "busy");
        _invoiceId = _server.CreateInvoice(_org.Id, 49.5m, "eur");
        _userId = _server.AddUser(_org.Id, "Grace", "grace@example.com").Id;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _receiver.DisposeAsync();
        await _server.DisposeAsync();
    }

    private Task<WebhookEvent> DeliveredAsync(WebhookEventType type) =>
        Eventually.ResultAsync(() => Task.FromResult(_receiver.Handled.FirstOrDefault(e => e.Type == type)!), e => e is not null, $"a delivered {type} event");

    [Test]
    public async Task Form_submitted()
    {
        var data = (await DeliveredAsync(WebhookEventType.FormSubmitted)).GetFormSubmitted();
        Assert.That(data.SubmissionId, Does.StartWith("sub_"));
        Assert.That(data.Data.GetProperty("firstName").GetString(), Is.EqualTo("Ada"));
    }

    [Test]
    public async Task Run_created()
    {
        var data = (await DeliveredAsync(WebhookEventType.RunCreated)).GetRunEvent();
        Assert.That(data.RunId, Is.EqualTo(_run.Id));
        Assert.That(data.Name, Is.EqualTo("typed run"));
        Assert.That(data.CreatedAt, Is.Not.Null);
    }

    [Test]
    public async Task Run_overdue()
    {
        var data = (await DeliveredAsync(WebhookEventType.RunOverdue)).GetRunEvent();
        Assert.That(data.RunId, Is.EqualTo(_run.Id));
        Assert.That(data.DueDate, Is.Not.Null);
    }

    [Test]
    public async Task Run_completed()
    {
        var data = (await DeliveredAsync(WebhookEventType.RunCompleted)).GetRunEvent();
        Assert.That(data.RunId, Is.EqualTo(_run.Id));
        Assert.That(data.CompletedAt, Is.Not.Null);
    }

    [Test]
    public async Task Task_completed()
    {
        var data = (await DeliveredAsync(WebhookEventType.TaskCompleted)).GetTaskCompleted();
        Assert.That(data.TaskId, Is.EqualTo(_run.Tasks[0].Id));
        Assert.That(data.Value!.Value.GetString(), Is.EqualTo("done"));
    }

    [Test]
    public async Task Agent_message_received()
    {
        var data = (await DeliveredAsync(WebhookEventType.AgentMessageReceived)).GetAgentMessageReceived();
        Assert.That(data.AgentId, Is.EqualTo(_agentId));
        Assert.That(data.Metadata!.Value.GetProperty("customerId").GetString(), Is.EqualTo("c1"));
    }

    [Test]
    public async Task Agent_message_sent()
    {
        var data = (await DeliveredAsync(WebhookEventType.AgentMessageSent)).GetAgentMessageSent();
        Assert.That(data.AgentId, Is.EqualTo(_agentId));
        Assert.That(data.InReplyTo, Does.StartWith("msg_"));
        Assert.That(data.Content, Is.Not.Empty);
    }

    [Test]
    public async Task Agent_task_completed()
    {
        var data = (await DeliveredAsync(WebhookEventType.AgentTaskCompleted)).GetAgentTask();
        Assert.That(data.AgentId, Is.EqualTo(_agentId));
        Assert.That(data.Status, Is.EqualTo(AgentTaskStatus.Completed));
    }

    [Test]
    public async Task Agent_skill_installed()
    {
        var data = (await DeliveredAsync(WebhookEventType.AgentSkillInstalled)).GetAgentSkillInstalled();
        Assert.That(data.AgentId, Is.EqualTo(_agentId));
        Assert.That(data.Skill, Is.EqualTo("booking"));
    }

    [Test]
    public async Task Agent_status_changed()
    {
        var data = (await DeliveredAsync(WebhookEventType.AgentStatusChanged)).GetAgentStatusChanged();
        Assert.That(data.AgentId, Is.EqualTo(_agentId));
        Assert.That(data.Status, Is.EqualTo(AgentStatus.Busy));
        Assert.That(data.PreviousStatus, Is.EqualTo(AgentStatus.Online));
    }

    [Test]
    public async Task Billing_invoice_created()
    {
        var data = (await DeliveredAsync(WebhookEventType.BillingInvoiceCreated)).GetInvoiceCreated();
        Assert.That(data.InvoiceId, Is.EqualTo(_invoiceId));
        Assert.That(data.Amount, Is.EqualTo(49.5m));
        Assert.That(data.Currency, Is.EqualTo("eur"));
    }

    [Test]
    public async Task User_created()
    {
        var evt = await DeliveredAsync(WebhookEventType.UserCreated);
        var user = evt.GetUser();
        Assert.That(user.Id, Is.EqualTo(_userId));
        Assert.That(user.Email, Is.EqualTo("grace@example.com"));
        Assert.Throws<InvalidOperationException>(() => evt.GetRunEvent(), "a getter of another event type");
    }
}
