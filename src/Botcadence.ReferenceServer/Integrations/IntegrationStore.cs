namespace Botcadence.ReferenceServer.Integrations;

/// <summary>Integrations per organization; every organization starts with Slack and Gmail connected and HubSpot in error.</summary>
internal sealed class IntegrationStore(ServerClock clock) : OrganizationScopedStore<Integration>("Integration")
{
    public Integration Create(string organizationId, string provider, string name, string status) =>
        Add(new Integration(Ids.New("intg"), organizationId, NextSequence(), provider, name, status, clock.UtcNow, null));

    protected override IEnumerable<Integration> Seed(string organizationId)
    {
        var now = clock.UtcNow;
        yield return new Integration(Ids.New("intg"), organizationId, NextSeedSequence(), "slack", "Slack", Integration.Connected, now, null);
        yield return new Integration(Ids.New("intg"), organizationId, NextSeedSequence(), "gmail", "Gmail", Integration.Connected, now, null);
        yield return new Integration(Ids.New("intg"), organizationId, NextSeedSequence(), "hubspot", "HubSpot", Integration.Error, now, null);
    }
}
