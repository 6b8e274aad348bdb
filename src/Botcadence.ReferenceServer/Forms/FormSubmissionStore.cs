namespace Botcadence.ReferenceServer.Forms;

/// <summary>Submissions of every form.</summary>
internal sealed class FormSubmissionStore() : OrganizationScopedStore<FormSubmission>("Submission");
