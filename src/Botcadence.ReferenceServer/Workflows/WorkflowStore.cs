namespace Botcadence.ReferenceServer.Workflows;

/// <summary>Workflows per organization.</summary>
internal sealed class WorkflowStore() : OrganizationScopedStore<Workflow>("Workflow");
