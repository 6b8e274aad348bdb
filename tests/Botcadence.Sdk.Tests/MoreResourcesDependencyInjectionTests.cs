using Microsoft.Extensions.DependencyInjection;

namespace Botcadence.Sdk.Tests;

/// <summary>Credentials, Integrations, DataSources, Users, Agents, Analytics and ApiKeys resolve from DI and work.</summary>
[TestFixture]
public sealed class MoreResourcesDependencyInjectionTests
{
    [Test]
    public async Task Every_resource_client_resolves_and_is_the_clients_own()
    {
        var org = ServerFixture.Server.CreateOrganization("di");
        var services = new ServiceCollection();
        services.AddBotCadence(o =>
        {
            o.ApiKey = ServerFixture.Server.CreateApiKey(org.Id).Key;
            o.BaseAddress = ServerFixture.Server.BaseAddress;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IBotCadenceClient>();

        Assert.That(provider.GetRequiredService<ICredentialsClient>(), Is.SameAs(client.Credentials));
        Assert.That(provider.GetRequiredService<IIntegrationsClient>(), Is.SameAs(client.Integrations));
        Assert.That(provider.GetRequiredService<IDataSourcesClient>(), Is.SameAs(client.DataSources));
        Assert.That(provider.GetRequiredService<IUsersClient>(), Is.SameAs(client.Users));
        Assert.That(provider.GetRequiredService<IAgentsClient>(), Is.SameAs(client.Agents));
        Assert.That(provider.GetRequiredService<IAnalyticsClient>(), Is.SameAs(client.Analytics));
        Assert.That(provider.GetRequiredService<IApiKeysClient>(), Is.SameAs(client.ApiKeys));
        Assert.That(await provider.GetRequiredService<IUsersClient>().ListAsync().ToListAsync(), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task A_session_token_configured_through_di_manages_api_keys()
    {
        var org = ServerFixture.Server.CreateOrganization("di-session");
        var services = new ServiceCollection();
        services.AddBotCadence(o =>
        {
            o.ApiKey = ServerFixture.Server.CreateSessionToken(org.Id);
            o.BaseAddress = ServerFixture.Server.BaseAddress;
        });
        await using var provider = services.BuildServiceProvider();
        var keys = provider.GetRequiredService<IApiKeysClient>();

        var created = await keys.CreateAsync(new ApiKeyCreateOptions { Name = "from DI", Scopes = ["users:read"] });

        Assert.That((await keys.ListAsync().ToListAsync()).Select(k => k.Id), Is.EqualTo(new[] { created.Id }));
    }
}
