namespace Botcadence.ReferenceServer.Forms;

/// <summary>Forms per organization, with their submissions.</summary>
internal sealed class FormStore() : OrganizationScopedStore<Form>("Form")
{
    public FormSubmissionStore Submissions { get; } = new();

    /// <summary>How many submissions the form has.</summary>
    public int SubmissionCount(Form form) => Submissions.List(form.OrganizationId, s => s.FormId == form.Id).Count;
}
