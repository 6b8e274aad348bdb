using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Forms;

/// <summary>A form definition.</summary>
internal sealed record Form(
    string Id,
    string OrganizationId,
    long Sequence,
    string Name,
    string? Description,
    IReadOnlyList<FormField> Fields,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IOrganizationScoped;

/// <summary>One stored submission of a form.</summary>
internal sealed record FormSubmission(
    string Id,
    string OrganizationId,
    long Sequence,
    string FormId,
    JsonObject Data,
    DateTimeOffset CreatedAt) : IOrganizationScoped;

/// <summary>Forms per organization.</summary>
internal sealed class FormStore : OrganizationScopedStore<Form>
{
    public SubmissionStore Submissions { get; } = new();

    public static JsonObject ToJson(Form form, int submissionCount) => new()
    {
        ["id"] = form.Id,
        ["name"] = form.Name,
        ["description"] = form.Description,
        ["fields"] = FormFields.ToJson(form.Fields),
        ["submission_count"] = submissionCount,
        ["created_at"] = JsonResponse.Time(form.CreatedAt),
        ["updated_at"] = JsonResponse.Time(form.UpdatedAt),
    };

    public static JsonObject ToJson(FormSubmission submission) => new()
    {
        ["id"] = submission.Id,
        ["form_id"] = submission.FormId,
        ["data"] = submission.Data.DeepClone(),
        ["created_at"] = JsonResponse.Time(submission.CreatedAt),
    };
}

/// <summary>Submissions of every form.</summary>
internal sealed class SubmissionStore : OrganizationScopedStore<FormSubmission>
{
}
