using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Events;

namespace Botcadence.ReferenceServer.Forms;

/// <summary>/v1/forms routes: forms (page style) and their submissions (cursor style).</summary>
internal static class FormEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/forms");
        group.MapGet("", List).RequireScope(Scopes.FormsRead);
        group.MapPost("", CreateAsync).RequireScope(Scopes.FormsWrite);
        group.MapGet("/{formId}", Get).RequireScope(Scopes.FormsRead);
        group.MapPost("/{formId}/submissions", SubmitAsync).RequireScope(Scopes.FormsWrite);
        group.MapGet("/{formId}/submissions", ListSubmissions).RequireScope(Scopes.FormsRead);
    }

    private static IResult List(HttpContext context, FormStore store)
    {
        var (page, perPage) = Pagination.PageParams(context);
        var search = Query.Single(context, "search");
        var items = store.List(context.Caller().OrganizationId, f =>
            string.IsNullOrEmpty(search) || f.Name.Contains(search, StringComparison.OrdinalIgnoreCase));
        return ApiResults.Ok(Pagination.Page(items, page, perPage, f => f.ToJson(store.SubmissionCount(f))));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, FormStore store, ServerClock clock)
    {
        var body = (await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false))!;
        var name = Fields.TryGet(body, "name", out var n) ? Fields.String(n, "name", 1, 200) : throw Fields.Required("name");
        var description = Fields.TryGet(body, "description", out var d) ? Fields.NullableString(d, "description", 10_000) : null;
        var fields = Fields.TryGet(body, "fields", out var f) && f is not null ? FormFields.Parse(f, "fields") : throw Fields.Required("fields");
        var now = clock.UtcNow;
        var form = new Form(Ids.New("form"), context.Caller().OrganizationId, store.NextSequence(), name, description, fields, now, now);
        store.Add(form);
        return ApiResults.Created(form.ToJson(store.SubmissionCount(form)), "/v1/forms/" + form.Id);
    }

    private static IResult Get(HttpContext context, string formId, FormStore store)
    {
        var form = store.Require(context.Caller().OrganizationId, formId);
        return ApiResults.Ok(form.ToJson(store.SubmissionCount(form)));
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, string formId, FormStore store, ServerClock clock, EventBus events)
    {
        var form = store.Require(context.Caller().OrganizationId, formId);
        var body = (await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false))!;
        var data = Fields.TryGet(body, "data", out var d) && d is not null ? Fields.Object(d, "data") : throw Fields.Required("data");
        FormFields.Validate(form.Fields, data, "data");
        var submission = new FormSubmission(
            Ids.New("sub"), form.OrganizationId, store.Submissions.NextSequence(), form.Id, (JsonObject)data.DeepClone(), clock.UtcNow);
        store.Submissions.Add(submission);
        var json = submission.ToJson();
        events.Publish(form.OrganizationId, EventTypes.FormSubmitted, new JsonObject
        {
            ["form_id"] = form.Id,
            ["submission_id"] = submission.Id,
            ["data"] = submission.Data.DeepClone(),
        });
        return ApiResults.Created(json, $"/v1/forms/{form.Id}/submissions/{submission.Id}");
    }

    private static IResult ListSubmissions(HttpContext context, string formId, FormStore store)
    {
        var form = store.Require(context.Caller().OrganizationId, formId);
        var (before, limit) = Pagination.CursorParams(context);
        var items = store.Submissions.List(form.OrganizationId, s => s.FormId == form.Id);
        return ApiResults.Ok(Pagination.Cursor(items, s => s.Sequence, before, limit, s => s.ToJson()));
    }
}
