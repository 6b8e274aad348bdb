namespace Botcadence.Sdk.Tests;

/// <summary>One SDK operation, with the scope it needs and whether it names a resource by id.</summary>
/// <param name="Operation">A readable name, e.g. <c>Workflows.Get</c>.</param>
/// <param name="Scope">The scope the operation requires.</param>
/// <param name="NamesResource">True when it targets an id created in the owner's organization (so another organization gets 404).</param>
/// <param name="IsRead">True for a list or get (checked with a revoked key).</param>
/// <param name="Invoke">Calls the operation with the given client.</param>
public sealed record OperationCase(string Operation, string Scope, bool NamesResource, bool IsRead, Func<IBotCadenceClient, Task> Invoke)
{
    public override string ToString() => Operation;
}

/// <summary>
/// Implemented once per resource (in that resource's test file): creates what its operations need in the owner's
/// organization and lists every operation. <see cref="OperationMatrixTests"/> finds every implementation.
/// </summary>
public interface IOperationMatrix
{
    Task<IReadOnlyList<OperationCase>> ArrangeAsync(IBotCadenceClient owner);
}

/// <summary>Every operation × a key lacking its scope (403 MISSING_SCOPE naming it), another organization (404), a revoked key (401).</summary>
[TestFixture]
public sealed class OperationMatrixTests
{
    private static List<OperationCase> _cases = null!;
    private static string _ownerOrg = null!;
    private static BotCadenceClient _owner = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        var (owner, org, _) = ServerFixture.NewTenant();
        _owner = owner;
        _ownerOrg = org.Id;
        _cases = [];
        foreach (var type in typeof(OperationMatrixTests).Assembly.GetTypes().Where(t => typeof(IOperationMatrix).IsAssignableFrom(t) && t.IsClass && !t.IsAbstract))
        {
            var matrix = (IOperationMatrix)Activator.CreateInstance(type)!;
            _cases.AddRange(await matrix.ArrangeAsync(owner));
        }
    }

    [OneTimeTearDown]
    public void Dispose() => _owner.Dispose();

    private static IEnumerable<string> AllScopes() => _cases.Select(c => c.Scope).Distinct();

    [Test]
    public void Covers_every_public_operation_of_every_resource_client()
    {
        // API keys take a session token, not an API key: ApiKeysTests covers them (403 FORBIDDEN with any API key).
        var clientInterfaces = typeof(IBotCadenceClient).GetProperties().Select(p => p.PropertyType).Where(t => t.IsInterface && t != typeof(IApiKeysClient));
        // WaitForCompletionAsync and ExecuteAndWaitAsync are compositions of Workflows.Execute and Executions.Get (ExecutionWaitTests).
        var operations = clientInterfaces
            .SelectMany(i => i.GetMethods().Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.Name is not "WaitForCompletionAsync" and not "ExecuteAndWaitAsync")
                .Select(m => $"{i.Name[1..].Replace("Client", "", StringComparison.Ordinal)}.{m.Name[..^"Async".Length]}"))
            .Distinct();

        Assert.That(_cases.Select(c => c.Operation).Distinct(), Is.SupersetOf(operations));
    }

    [Test]
    public async Task A_key_lacking_the_scope_gets_403_naming_it()
    {
        var failures = new List<string>();
        foreach (var operation in _cases)
        {
            var key = ServerFixture.Server.CreateApiKey(_ownerOrg, AllScopes().Where(s => s != operation.Scope).ToList());
            using var client = ServerFixture.ClientFor(key.Key);
            try
            {
                await operation.Invoke(client);
                failures.Add($"{operation}: succeeded without {operation.Scope}");
            }
            catch (BotCadencePermissionException ex) when (ex.Code == ErrorCode.MissingScope && ex.RequiredScope == operation.Scope)
            {
            }
            catch (Exception ex)
            {
                failures.Add($"{operation}: {ex.GetType().Name} {ex.Message}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task Another_organization_gets_404_for_every_id()
    {
        var (stranger, _, _) = ServerFixture.NewTenant();
        using var strangerScope = stranger;
        var failures = new List<string>();
        foreach (var operation in _cases.Where(c => c.NamesResource))
        {
            try
            {
                await operation.Invoke(stranger);
                failures.Add($"{operation}: succeeded from another organization");
            }
            catch (BotCadenceNotFoundException)
            {
            }
            catch (Exception ex)
            {
                failures.Add($"{operation}: {ex.GetType().Name} {ex.Message}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task A_revoked_key_gets_401_for_every_list_and_get()
    {
        var key = ServerFixture.Server.CreateApiKey(_ownerOrg);
        ServerFixture.Server.RevokeApiKey(key.Id);
        using var revoked = ServerFixture.ClientFor(key.Key);
        var failures = new List<string>();
        foreach (var operation in _cases.Where(c => c.IsRead))
        {
            try
            {
                await operation.Invoke(revoked);
                failures.Add($"{operation}: succeeded with a revoked key");
            }
            catch (BotCadenceAuthenticationException ex) when (ex.Code == ErrorCode.KeyRevoked)
            {
            }
            catch (Exception ex)
            {
                failures.Add($"{operation}: {ex.GetType().Name} {ex.Message}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    /// <summary>Enumerates a list far enough to send its first request.</summary>
    public static async Task FirstPageAsync<T>(AsyncPageable<T> pageable)
    {
        await using var pages = pageable.AsPages().GetAsyncEnumerator();
        await pages.MoveNextAsync();
    }
}

/// <summary>Workflows and Executions operations for the matrix.</summary>
public sealed class WorkflowsAndExecutionsMatrix : IOperationMatrix
{
    public async Task<IReadOnlyList<OperationCase>> ArrangeAsync(IBotCadenceClient owner)
    {
        var workflow = await owner.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "matrix", Status = WorkflowStatus.Active, Actions = [new WorkflowActionOptions { Type = "log" }] });
        var execution = await owner.Workflows.ExecuteAsync(workflow.Id);
        var id = workflow.Id;
        return
        [
            new("Workflows.List", "workflows:read", false, true, c => OperationMatrixTests.FirstPageAsync(c.Workflows.ListAsync())),
            new("Workflows.Create", "workflows:write", false, false, c => c.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "x" })),
            new("Workflows.Get", "workflows:read", true, true, c => c.Workflows.GetAsync(id)),
            new("Workflows.Update", "workflows:write", true, false, c => c.Workflows.UpdateAsync(id, new WorkflowUpdateOptions { Name = "y" })),
            new("Workflows.Replace", "workflows:write", true, false, c => c.Workflows.ReplaceAsync(id, new WorkflowCreateOptions { Name = "matrix", Status = WorkflowStatus.Active, Actions = [new WorkflowActionOptions { Type = "log" }] })),
            new("Workflows.Delete", "workflows:write", true, false, c => c.Workflows.DeleteAsync(id)),
            new("Workflows.Activate", "workflows:write", true, false, c => c.Workflows.ActivateAsync(id)),
            new("Workflows.Deactivate", "workflows:write", true, false, c => c.Workflows.DeactivateAsync(id)),
            new("Workflows.Execute", "workflows:execute", true, false, c => c.Workflows.ExecuteAsync(id)),
            new("Workflows.GetMetrics", "workflows:read", true, true, c => c.Workflows.GetMetricsAsync(id)),
            new("Executions.List", "executions:read", false, true, c => OperationMatrixTests.FirstPageAsync(c.Executions.ListAsync())),
            new("Executions.ListForWorkflow", "executions:read", true, true, c => OperationMatrixTests.FirstPageAsync(c.Executions.ListForWorkflowAsync(id))),
            new("Executions.Get", "executions:read", true, true, c => c.Executions.GetAsync(execution.Id)),
            new("Executions.GetForWorkflow", "executions:read", true, true, c => c.Executions.GetForWorkflowAsync(id, execution.Id)),
        ];
    }
}
