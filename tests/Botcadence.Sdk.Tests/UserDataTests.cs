using System.Text.Json;
using Botcadence.ReferenceServer;

namespace Botcadence.Sdk.Tests;

/// <summary>
/// Issue 15 point 1: users' own data reaches the service exactly as written. Each test sends camelCase (and mixed)
/// names through the reflection overload and reads back what the reference server stored.
/// </summary>
[TestFixture]
public sealed class UserDataTests
{
    private static WorkflowCreateOptions LogWorkflow(string name = "names") =>
        new() { Name = name, Status = WorkflowStatus.Active, Actions = [new WorkflowActionOptions { Type = "log" }] };

    [Test]
    public async Task Execute_input_property_names_arrive_unchanged()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var workflow = await client.Workflows.CreateAsync(LogWorkflow());

        var started = await client.Workflows.ExecuteAsync(workflow.Id, new { firstName = "Ada", LastName = "Lovelace", address = new { zipCode = "N1" } });
        var stored = await client.Executions.GetAsync(started.Id);

        var input = stored.Input!.Value;
        Assert.That(input.GetProperty("firstName").GetString(), Is.EqualTo("Ada"));
        Assert.That(input.GetProperty("LastName").GetString(), Is.EqualTo("Lovelace"));
        Assert.That(input.GetProperty("address").GetProperty("zipCode").GetString(), Is.EqualTo("N1"));
        Assert.That(input.TryGetProperty("first_name", out _), Is.False, "no naming policy on user data");
    }

    [Test]
    public async Task Form_submission_names_arrive_unchanged()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var form = await client.Forms.CreateAsync(new FormCreateOptions
        {
            Name = "names",
            Fields = [new FormFieldOptions { Name = "firstName", Required = true }, new FormFieldOptions { Name = "emailAddress", Type = FormFieldType.Email }],
        });

        await client.Forms.SubmitAsync(form.Id, new { firstName = "Ada", emailAddress = "ada@example.com" });
        var stored = (await client.Forms.ListSubmissionsAsync(form.Id).ToListAsync()).Single();

        Assert.That(stored.Data.GetProperty("firstName").GetString(), Is.EqualTo("Ada"));
        Assert.That(stored.Data.GetProperty("emailAddress").GetString(), Is.EqualTo("ada@example.com"));
        Assert.That(stored.Data.TryGetProperty("first_name", out _), Is.False);
    }

    [Test]
    public async Task Form_submission_from_a_dictionary_and_from_typed_metadata_keeps_names()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var form = await client.Forms.CreateAsync(new FormCreateOptions { Name = "names", Fields = [new FormFieldOptions { Name = "firstName" }, new FormFieldOptions { Name = "Email" }, new FormFieldOptions { Name = "Plan" }] });

        var fromDictionary = await client.Forms.SubmitAsync(form.Id, new Dictionary<string, object?> { ["firstName"] = "Ada" });
        var typed = await client.Forms.SubmitAsync(form.Id, new SignupInput("t@b.c", "pro"), TestJsonContext.Default.SignupInput);

        Assert.That(fromDictionary.Data.GetProperty("firstName").GetString(), Is.EqualTo("Ada"));
        Assert.That(typed.Data.GetProperty("Email").GetString(), Is.EqualTo("t@b.c"), "the caller's own metadata decides the names");
    }

    [Test]
    public async Task Run_task_values_arrive_unchanged()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var template = await client.Templates.CreateAsync(new TemplateCreateOptions
        {
            Name = "names",
            Tasks = [new TemplateTaskOptions { Name = "Approve", Fields = [new FormFieldOptions { Name = "approvedBy", Required = true }] }],
        });
        await client.Templates.PublishAsync(template.Id);
        var run = await client.Runs.LaunchAsync(new RunLaunchOptions { TemplateId = template.Id });

        await client.Runs.CompleteTaskAsync(run.Id, run.Tasks[0].Id, new { approvedBy = "ada" });
        var stored = await client.Runs.GetAsync(run.Id);

        Assert.That(stored.Tasks[0].Value!.Value.GetProperty("approvedBy").GetString(), Is.EqualTo("ada"));
    }

    [Test]
    public async Task Data_source_records_arrive_unchanged()
    {
        var (client, org, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var ds = ServerFixture.Server.CreateDataSource(org.Id, "People", [new DataSourceColumnInfo("firstName", "text", Required: true), new DataSourceColumnInfo("shoeSize", "number")]);

        var created = await client.DataSources.CreateRecordAsync(ds.Id, new { firstName = "Ada", shoeSize = 38 });
        await client.DataSources.UpdateRecordAsync(ds.Id, created.Id, new { shoeSize = 39 });
        var stored = (await client.DataSources.ListRecordsAsync(ds.Id).ToListAsync()).Single();

        Assert.That(stored.Values.GetProperty("firstName").GetString(), Is.EqualTo("Ada"));
        Assert.That(stored.Values.GetProperty("shoeSize").GetInt32(), Is.EqualTo(39));
    }

    [Test]
    public async Task Agent_message_metadata_arrives_unchanged()
    {
        var (client, org, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var agent = ServerFixture.Server.AddAgent(org.Id, "Names");

        var message = await client.Agents.SendMessageAsync(agent.Id, new AgentMessageOptions
        {
            Content = "hi",
            Metadata = JsonSerializer.SerializeToElement(new { customerId = "c1", orderRef = new { lineNo = 2 } }),
        });

        Assert.That(message.Metadata!.Value.GetProperty("customerId").GetString(), Is.EqualTo("c1"));
        Assert.That(message.Metadata!.Value.GetProperty("orderRef").GetProperty("lineNo").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Free_form_arguments_that_are_not_objects_are_rejected_by_the_sdk()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;

        Assert.Throws<ArgumentException>(() => client.Forms.SubmitAsync("form_1", JsonDocument.Parse("[1]").RootElement));
        Assert.Throws<ArgumentException>(() => client.DataSources.CreateRecordAsync("ds_1", "text"));
        await Task.CompletedTask;
    }
}
