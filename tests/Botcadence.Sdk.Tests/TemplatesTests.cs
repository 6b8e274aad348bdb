namespace Botcadence.Sdk.Tests;

[TestFixture]
public sealed class TemplatesTests
{
    internal static TemplateCreateOptions Onboarding(string name = "Vendor Onboarding") => new()
    {
        Name = name,
        Description = "Seed 002's process.",
        DueInHours = 72,
        Tasks =
        [
            new TemplateTaskOptions { Id = "collect", Name = "Collect documents", DueInHours = 24 },
            new TemplateTaskOptions
            {
                Name = "Legal review",
                Fields = [new FormFieldOptions { Name = "decision", Type = FormFieldType.Select, Options = ["approve", "reject"], Required = true }, new FormFieldOptions { Name = "notes", Type = FormFieldType.Textarea }],
            },
            new TemplateTaskOptions { Name = "Send welcome pack", Required = false },
        ],
    };

    [Test]
    public async Task Create_makes_a_draft_with_assigned_task_ids()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var template = await client.Templates.CreateAsync(Onboarding());

        Assert.That(template.Id, Does.StartWith("tmpl_"));
        Assert.That(template.Status, Is.EqualTo(TemplateStatus.Draft));
        Assert.That(template.PublishedAt, Is.Null);
        Assert.That(template.DueInHours, Is.EqualTo(72));
        Assert.That(template.Tasks[0].Id, Is.EqualTo("collect"));
        Assert.That(template.Tasks[1].Id, Does.StartWith("task_def_"));
        Assert.That(template.Tasks.Select(t => t.Required), Is.EqualTo(new bool?[] { true, true, false }));
        Assert.That(template.Tasks[0].DueInHours, Is.EqualTo(24));
        Assert.That(template.Tasks[1].Fields![0].Options, Is.EqualTo(new[] { "approve", "reject" }));

        var fetched = await client.Templates.GetAsync(template.Id);
        Assert.That(fetched.Name, Is.EqualTo("Vendor Onboarding"));
        Assert.That(fetched.Tasks.Select(t => t.Id), Is.EqualTo(template.Tasks.Select(t => t.Id)));
    }

    [Test]
    public async Task Update_edits_a_draft_and_publish_freezes_it()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var template = await client.Templates.CreateAsync(new TemplateCreateOptions { Name = "Draft" });

        var noTasks = await Assert.ThrowsAsync<BotCadenceValidationException>(() => client.Templates.PublishAsync(template.Id));
        Assert.That(noTasks!.Field, Is.EqualTo("tasks"));

        var updated = await client.Templates.UpdateAsync(template.Id, new TemplateUpdateOptions { Name = "Renamed", Tasks = [new TemplateTaskOptions { Name = "Only task" }], DueInHours = 5 });
        Assert.That(updated.Name, Is.EqualTo("Renamed"));
        Assert.That(updated.Tasks.Single().Name, Is.EqualTo("Only task"));
        Assert.That(updated.DueInHours, Is.EqualTo(5));

        var published = await client.Templates.PublishAsync(template.Id);
        Assert.That(published.Status, Is.EqualTo(TemplateStatus.Published));
        Assert.That(published.PublishedAt, Is.Not.Null);

        var edit = await Assert.ThrowsAsync<BotCadenceConflictException>(() => client.Templates.UpdateAsync(template.Id, new TemplateUpdateOptions { Name = "Too late" }));
        Assert.That(edit!.Code, Is.EqualTo(ErrorCode.Conflict));
        await Assert.ThrowsAsync<BotCadenceConflictException>(() => client.Templates.PublishAsync(template.Id));
        Assert.That((await client.Templates.GetAsync(template.Id)).Name, Is.EqualTo("Renamed"));
    }

    [Test]
    public async Task Invalid_definitions_are_422_naming_the_field()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var badType = new TemplateCreateOptions { Name = "x", Tasks = [new TemplateTaskOptions { Name = "t", Fields = [new FormFieldOptions { Name = "f", Type = new FormFieldType("colour") }] }] };
        var ex = await Assert.ThrowsAsync<BotCadenceValidationException>(() => client.Templates.CreateAsync(badType));
        Assert.That(ex!.Field, Is.EqualTo("tasks[0].fields[0].type"));

        var badHours = new TemplateCreateOptions { Name = "x", Tasks = [new TemplateTaskOptions { Name = "t", DueInHours = 0 }] };
        Assert.That((await Assert.ThrowsAsync<BotCadenceValidationException>(() => client.Templates.CreateAsync(badHours)))!.Field, Is.EqualTo("tasks[0].due_in_hours"));
        Assert.That((await Assert.ThrowsAsync<BotCadenceValidationException>(() => client.Templates.CreateAsync(new TemplateCreateOptions())))!.Field, Is.EqualTo("name"));
    }

    [Test]
    public async Task Templates_page_across_three_pages_and_filter_by_status()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var t = await client.Templates.CreateAsync(Onboarding($"T{i}"));
            ids.Add(t.Id);
            if (i % 2 == 0)
            {
                await client.Templates.PublishAsync(t.Id);
            }
        }

        var pages = await client.Templates.ListAsync().AsPages(pageSizeHint: 2).ToListAsync();
        Assert.That(pages.Select(p => p.Values.Count), Is.EqualTo(new[] { 2, 2, 1 }));
        Assert.That(pages.SelectMany(p => p.Values).Select(t => t.Id), Is.EqualTo(Enumerable.Reverse(ids)));
        Assert.That(pages[0].TotalCount, Is.EqualTo(5));
        Assert.That(pages[^1].ContinuationToken, Is.Null);
        var resumed = await client.Templates.ListAsync().AsPages(pages[1].ContinuationToken).ToListAsync();
        Assert.That(resumed.SelectMany(p => p.Values).Select(t => t.Id), Is.EqualTo(new[] { ids[0] }));

        var published = await client.Templates.ListAsync(new TemplateListOptions { Status = TemplateStatus.Published }).ToListAsync();
        var drafts = await client.Templates.ListAsync(new TemplateListOptions { Status = TemplateStatus.Draft, PageSize = 1 }).ToListAsync();
        Assert.That(published.Select(t => t.Name), Is.EqualTo(new[] { "T4", "T2", "T0" }));
        Assert.That(drafts.Select(t => t.Name), Is.EqualTo(new[] { "T3", "T1" }));
    }
}

/// <summary>Templates operations for the matrix.</summary>
public sealed class TemplatesMatrix : IOperationMatrix
{
    public async Task<IReadOnlyList<OperationCase>> ArrangeAsync(IBotCadenceClient owner)
    {
        var template = await owner.Templates.CreateAsync(TemplatesTests.Onboarding("matrix"));
        var id = template.Id;
        return
        [
            new("Templates.List", "templates:read", false, true, c => OperationMatrixTests.FirstPageAsync(c.Templates.ListAsync())),
            new("Templates.Get", "templates:read", true, true, c => c.Templates.GetAsync(id)),
            new("Templates.Create", "templates:write", false, false, c => c.Templates.CreateAsync(new TemplateCreateOptions { Name = "x" })),
            new("Templates.Update", "templates:write", true, false, c => c.Templates.UpdateAsync(id, new TemplateUpdateOptions { Name = "y" })),
            new("Templates.Publish", "templates:publish", true, false, c => c.Templates.PublishAsync(id)),
        ];
    }
}
