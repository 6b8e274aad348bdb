namespace Botcadence.ReferenceServer.Agents;

/// <summary>Messages sent to agents.</summary>
internal sealed class AgentMessageStore() : OrganizationScopedStore<AgentMessage>("Message");
