using System.Net;

namespace Botcadence.Sdk.Tests;

/// <summary>Each error class, produced by the real reference server and surfaced as the SDK's own exception types.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ErrorsTests
{
    [Test]
    public async Task Validation_names_the_field()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;

        var ex = await Assert.ThrowsAsync<BotCadenceValidationException>(() => client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "" }));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(ex.Code, Is.EqualTo(ErrorCode.ValidationError));
        Assert.That(ex.Field, Is.EqualTo("name"));
        Assert.That(ex.RequestId, Does.StartWith("req_"));
    }

    [Test]
    public async Task An_unknown_key_is_an_authentication_error()
    {
        using var client = ServerFixture.ClientFor("sk_test_not_a_real_key");

        var ex = await Assert.ThrowsAsync<BotCadenceAuthenticationException>(() => client.Workflows.GetAsync("wf_x"));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.Unauthorized));
    }

    [Test]
    public async Task Expired_and_revoked_keys_say_so()
    {
        var org = ServerFixture.Server.CreateOrganization("expiring");
        var expired = ServerFixture.Server.CreateApiKey(org.Id, expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        var revoked = ServerFixture.Server.CreateApiKey(org.Id);
        ServerFixture.Server.RevokeApiKey(revoked.Id);
        using var expiredClient = ServerFixture.ClientFor(expired.Key);
        using var revokedClient = ServerFixture.ClientFor(revoked.Key);

        var e1 = await Assert.ThrowsAsync<BotCadenceAuthenticationException>(() => expiredClient.Workflows.ListAsync().AsPages().GetAsyncEnumerator().MoveNextAsync().AsTask());
        var e2 = await Assert.ThrowsAsync<BotCadenceAuthenticationException>(() => revokedClient.Executions.GetAsync("exec_x"));

        Assert.That(e1!.Code, Is.EqualTo(ErrorCode.KeyExpired));
        Assert.That(e2!.Code, Is.EqualTo(ErrorCode.KeyRevoked));
    }

    [Test]
    public async Task A_missing_scope_names_the_scope()
    {
        var (client, _, _) = ServerFixture.NewTenant(scopes: ["workflows:read"]);
        using var clientScope = client;

        var ex = await Assert.ThrowsAsync<BotCadencePermissionException>(() => client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "x" }));
        var ex2 = await Assert.ThrowsAsync<BotCadencePermissionException>(() => client.Executions.GetAsync("exec_x"));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.MissingScope));
        Assert.That(ex.RequiredScope, Is.EqualTo("workflows:write"));
        Assert.That(ex2!.RequiredScope, Is.EqualTo("executions:read"));
    }

    [Test]
    public async Task Another_organizations_workflow_is_not_found()
    {
        var (mine, _, _) = ServerFixture.NewTenant();
        var (theirs, _, _) = ServerFixture.NewTenant();
        using var mineScope = mine;
        using var theirsScope = theirs;
        var workflow = await theirs.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "private" });

        await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => mine.Workflows.GetAsync(workflow.Id));
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => mine.Workflows.DeleteAsync(workflow.Id));
        Assert.That((await theirs.Workflows.GetAsync(workflow.Id)).Name, Is.EqualTo("private"));
    }

    [Test]
    public async Task Executing_an_inactive_workflow_is_a_conflict()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var workflow = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "draft" });

        var ex = await Assert.ThrowsAsync<BotCadenceConflictException>(() => client.Workflows.ExecuteAsync(workflow.Id));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.Conflict));
    }

    [Test]
    public async Task Exceeding_the_plan_limit_is_a_rate_limit_error_with_retry_after()
    {
        var (client, _, _) = ServerFixture.NewTenant(plan: "free", configure: o => o.MaxRetries = 0);
        using var clientScope = client;

        BotCadenceRateLimitException? limited = null;
        for (var i = 0; i < 61 && limited is null; i++)
        {
            try
            {
                await client.Workflows.ListAsync().AsPages().GetAsyncEnumerator().MoveNextAsync();
            }
            catch (BotCadenceRateLimitException ex)
            {
                limited = ex;
            }
        }

        Assert.That(limited, Is.Not.Null, "the 61st request within a minute on the free plan is refused");
        Assert.That(limited!.RetryAfter, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(limited.RateLimit!.Limit, Is.EqualTo(60));
        Assert.That(limited.RateLimit.Remaining, Is.Zero);
    }

    [Test]
    public async Task Rate_limit_state_follows_each_call()
    {
        var (client, _, _) = ServerFixture.NewTenant(plan: "pro");
        using var clientScope = client;

        var pages = client.Workflows.ListAsync().AsPages().GetAsyncEnumerator();
        await pages.MoveNextAsync();
        var first = pages.Current.Response.RateLimit!;
        var second = (await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "x" })).Response!.RateLimit!;

        Assert.That(first.Limit, Is.EqualTo(300));
        Assert.That(second.Remaining, Is.EqualTo(first.Remaining - 1));
        Assert.That(second.Reset, Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1)));
    }
}
