
namespace Botcadence.ReferenceServer.Templates;

/// <summary>/v1/templates routes.</summary>
internal static class TemplateEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/templates");
        group.MapGet("", List).RequireScope(Scopes.TemplatesRead);
        group.MapPost("", CreateAsync).RequireScope(Scopes.TemplatesWrite);
        group.MapGet("/{templateId}", Get).RequireScope(Scopes.TemplatesRead);
        group.MapPatch("/{templateId}", PatchAsync).RequireScope(Scopes.TemplatesWrite);
        group.MapPost("/{templateId}/publish", Publish).RequireScope(Scopes.TemplatesPublish);
    }

    private static IResult List(HttpContext context, TemplateStore store) =>
        Pagination.FilteredPage(context, store, "status", TemplateStatus.All, t => t.Status, t => t.ToJson());

    private static async Task<IResult> CreateAsync(HttpContext context, TemplateStore store, ServerClock clock)
    {
        var body = (await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false))!;
        var name = Fields.TryGet(body, "name", out var n) ? TemplateRequests.Name(n) : throw Fields.Required("name");
        var description = Fields.TryGet(body, "description", out var d) ? Fields.NullableString(d, "description", 10_000) : null;
        var tasks = Fields.TryGet(body, "tasks", out var t) && t is not null ? TemplateRequests.Tasks(t) : [];
        var due = Fields.TryGet(body, "due_in_hours", out var h) ? TemplateRequests.DueInHours(h, "due_in_hours") : null;
        var now = clock.UtcNow;
        var template = new Template(Ids.New("tmpl"), context.Caller().OrganizationId, store.NextSequence(), name, description,
            TemplateStatus.Draft, tasks, due, now, now, null);
        store.Add(template);
        return ApiResults.Created(template.ToJson(), "/v1/templates/" + template.Id);
    }

    private static IResult Get(HttpContext context, string templateId, TemplateStore store) =>
        ApiResults.Ok(store.Require(context.Caller().OrganizationId, templateId).ToJson());

    private static async Task<IResult> PatchAsync(HttpContext context, string templateId, TemplateStore store, ServerClock clock)
    {
        store.Require(context.Caller().OrganizationId, templateId);
        var body = (await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false))!;
        var changes = new List<Func<Template, Template>>();
        if (Fields.TryGet(body, "name", out var n))
        {
            var name = TemplateRequests.Name(n);
            changes.Add(t => t with { Name = name });
        }

        if (Fields.TryGet(body, "description", out var d))
        {
            var description = Fields.NullableString(d, "description", 10_000);
            changes.Add(t => t with { Description = description });
        }

        if (Fields.TryGet(body, "tasks", out var tk))
        {
            var tasks = tk is null ? [] : TemplateRequests.Tasks(tk);
            changes.Add(t => t with { Tasks = tasks });
        }

        if (Fields.TryGet(body, "due_in_hours", out var h))
        {
            var due = TemplateRequests.DueInHours(h, "due_in_hours");
            changes.Add(t => t with { DueInHours = due });
        }

        var updated = store.RequireUpdate(context.Caller().OrganizationId, templateId, t =>
        {
            if (t.Status != TemplateStatus.Draft)
            {
                throw new ApiException(ApiError.Conflict($"Template {t.Id} is published; only a draft can be edited."));
            }

            return changes.Aggregate(t, (current, change) => change(current)) with { UpdatedAt = clock.UtcNow };
        });
        return ApiResults.Ok(updated.ToJson());
    }

    private static IResult Publish(HttpContext context, string templateId, TemplateStore store, ServerClock clock)
    {
        var updated = store.RequireUpdate(context.Caller().OrganizationId, templateId, t =>
        {
            if (t.Status != TemplateStatus.Draft)
            {
                throw new ApiException(ApiError.Conflict($"Template {t.Id} is already published."));
            }

            if (t.Tasks.Count == 0)
            {
                throw Fields.Invalid("tasks", "A template needs at least one task to be published.");
            }

            var now = clock.UtcNow;
            return t with { Status = TemplateStatus.Published, PublishedAt = now, UpdatedAt = now };
        });
        return ApiResults.Ok(updated.ToJson());
    }
}
