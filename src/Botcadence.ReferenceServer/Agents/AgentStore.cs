namespace Botcadence.ReferenceServer.Agents;

/// <summary>Agents per organization; every organization starts with three.</summary>
internal sealed class AgentStore(ServerClock clock) : OrganizationScopedStore<Agent>("Agent")
{
    public Agent Create(string organizationId, string name, string? description, string status, IReadOnlyList<string> skills)
    {
        var now = clock.UtcNow;
        return Add(new Agent(Ids.New("agt"), organizationId, NextSequence(), name, description, status, skills, now, now));
    }

    protected override IEnumerable<Agent> Seed(string organizationId)
    {
        var now = clock.UtcNow;
        yield return new Agent(Ids.New("agt"), organizationId, NextSeedSequence(), "Sales Agent", "Qualifies inbound leads.", "offline", ["crm"], now, now);
        yield return new Agent(Ids.New("agt"), organizationId, NextSeedSequence(), "Support Bot", "Answers customer questions.", "online", ["faq", "ticketing"], now, now);
        yield return new Agent(Ids.New("agt"), organizationId, NextSeedSequence(), "Reservations Assistant", "Books tables and appointments.", "online", ["booking", "faq"], now, now);
    }
}
