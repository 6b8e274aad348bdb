namespace Botcadence.Sdk.Tests;

/// <summary>Every Credentials operation through the SDK against the in-process reference server.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class CredentialsTests
{
    private const string Secret = "xoxb-your-token-7f3e";

    [Test]
    public async Task Create_get_list_delete_and_the_value_is_never_returned()
    {
        var log = new CapturingLoggerProvider();
        var (tenant, _, key) = ServerFixture.NewTenant();
        tenant.Dispose();
        using var client = ServerFixture.ClientFor(key.Key, loggerFactory: log.CreateFactory());

        var created = await client.Credentials.CreateAsync(new CredentialCreateOptions { Name = "Slack Bot Token", Type = CredentialType.ApiKey, Value = Secret });
        var fetched = await client.Credentials.GetAsync(created.Id);
        var listed = await client.Credentials.ListAsync().ToListAsync();

        Assert.That(created.Id, Does.StartWith("cred_"));
        Assert.That(fetched.Name, Is.EqualTo("Slack Bot Token"));
        Assert.That(fetched.Type, Is.EqualTo(CredentialType.ApiKey));
        Assert.That(fetched.CreatedAt, Is.EqualTo(created.CreatedAt));
        Assert.That(listed.Select(c => c.Id), Is.EqualTo(new[] { created.Id }));
        Assert.That(new CredentialCreateOptions { Name = "n", Value = Secret }.ToString(), Does.Not.Contain("xoxb"));
        Assert.That(log.Entries.Select(e => e.Message), Has.None.Contains("xoxb"), "nothing the SDK logs shows the value");

        await client.Credentials.DeleteAsync(created.Id);
        Assert.That(await client.Credentials.ListAsync().ToListAsync(), Is.Empty);
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(async () => await client.Credentials.GetAsync(created.Id));
    }

    [Test]
    public async Task A_validation_error_names_the_field_and_never_echoes_the_value()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;

        var missingName = await Assert.ThrowsAsync<BotCadenceValidationException>(async () =>
            await client.Credentials.CreateAsync(new CredentialCreateOptions { Name = "", Value = Secret }));
        var badType = await Assert.ThrowsAsync<BotCadenceValidationException>(async () =>
            await client.Credentials.CreateAsync(new CredentialCreateOptions { Name = "n", Type = new CredentialType("password"), Value = Secret }));
        var missingValue = await Assert.ThrowsAsync<BotCadenceValidationException>(async () =>
            await client.Credentials.CreateAsync(new CredentialCreateOptions { Name = "n" }));

        Assert.That(missingName!.Field, Is.EqualTo("name"));
        Assert.That(badType!.Field, Is.EqualTo("type"));
        Assert.That(missingValue!.Field, Is.EqualTo("value"));
        foreach (var ex in new[] { missingName, badType })
        {
            Assert.That(ex.RawBody + ex.Message, Does.Not.Contain("xoxb"));
        }
    }

    [Test]
    public async Task Lists_page_across_three_pages_filter_by_type_and_resume()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await client.Credentials.CreateAsync(new CredentialCreateOptions { Name = $"c{i}", Type = CredentialType.ApiKey, Value = $"v{i}" })).Id);
        }

        var oauth = await client.Credentials.CreateAsync(new CredentialCreateOptions { Name = "o", Type = CredentialType.OAuthToken, Value = "t" });

        await PagingAssert.ThreePagesAndResumeAsync(
            client.Credentials.ListAsync(new CredentialListOptions { Type = CredentialType.ApiKey }), c => c.Id, Enumerable.Reverse(ids).ToList());
        var onlyOauth = await client.Credentials.ListAsync(new CredentialListOptions { Type = CredentialType.OAuthToken, PageSize = 1 }).ToListAsync();
        Assert.That(onlyOauth.Select(c => c.Id), Is.EqualTo(new[] { oauth.Id }));
    }
}

/// <summary>Credentials operations for the matrix.</summary>
public sealed class CredentialsMatrix : IOperationMatrix
{
    public async Task<IReadOnlyList<OperationCase>> ArrangeAsync(IBotCadenceClient owner)
    {
        var id = (await owner.Credentials.CreateAsync(new CredentialCreateOptions { Name = "matrix", Value = "secret" })).Id;
        return
        [
            new("Credentials.List", "credentials:read", false, true, c => OperationMatrixTests.FirstPageAsync(c.Credentials.ListAsync())),
            new("Credentials.Create", "credentials:write", false, false, c => c.Credentials.CreateAsync(new CredentialCreateOptions { Name = "x", Value = "y" })),
            new("Credentials.Get", "credentials:read", true, true, c => c.Credentials.GetAsync(id)),
            new("Credentials.Delete", "credentials:write", true, false, c => c.Credentials.DeleteAsync(id)),
        ];
    }
}
