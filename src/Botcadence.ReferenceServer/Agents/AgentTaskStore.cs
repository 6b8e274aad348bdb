namespace Botcadence.ReferenceServer.Agents;

/// <summary>Agent task history.</summary>
internal sealed class AgentTaskStore() : OrganizationScopedStore<AgentTask>("Task");
