using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Workflows;

namespace Botcadence.ReferenceServer.Executions;

/// <summary>
/// Executions per organization, on the one organization-scoped store. An execution is the one mutable item: the engine
/// changes it only under this store's state lock (<see cref="WithLock"/>), and every read maps it to JSON under the same
/// lock, so callers never see a torn execution. The base store's lock is never held while the state lock is taken.
/// </summary>
internal sealed class ExecutionStore(ServerClock clock) : OrganizationScopedStore<Execution>("Execution")
{
    private readonly Lock _state = new();

    public Execution Create(Workflow workflow, JsonObject input) => Add(new Execution
    {
        Id = Ids.New("exec"),
        OrganizationId = workflow.OrganizationId,
        WorkflowId = workflow.Id,
        Sequence = NextSequence(),
        Input = input,
        CreatedAt = clock.UtcNow,
        Steps = workflow.Actions.Select(a => new ExecutionStep { Id = a.Id, Type = a.Type, Config = (JsonObject)a.Config.DeepClone() }).ToList(),
    });

    /// <summary>Runs <paramref name="action"/> under the state lock (the engine's only way to change an execution).</summary>
    public T WithLock<T>(Execution execution, Func<Execution, T> action)
    {
        lock (_state)
        {
            return action(execution);
        }
    }

    public JsonObject? GetJson(string organizationId, string id, string? workflowId = null) =>
        Get(organizationId, id) is { } e && (workflowId is null || e.WorkflowId == workflowId) ? WithLock(e, x => x.ToJson()) : null;

    public JsonObject PageForWorkflow(string organizationId, string workflowId, string? status, DateTimeOffset? from, DateTimeOffset? to, int page, int perPage)
    {
        var ofWorkflow = List(organizationId, e => e.WorkflowId == workflowId && (from is null || e.CreatedAt >= from) && (to is null || e.CreatedAt < to));
        lock (_state)
        {
            var items = ofWorkflow.Where(e => status is null || e.Status == status).ToList();
            return Pagination.Page(items, page, perPage, e => e.ToJson());
        }
    }

    public JsonObject CursorPage(string organizationId, string? status, string? workflowId, long? before, int limit)
    {
        var newestFirst = List(organizationId, e => workflowId is null || e.WorkflowId == workflowId);
        lock (_state)
        {
            return Pagination.Cursor(newestFirst.Where(e => status is null || e.Status == status), e => e.Sequence, before, limit, e => e.ToJson());
        }
    }

    public WorkflowExecutionStats Stats(string organizationId, string workflowId)
    {
        var ofWorkflow = List(organizationId, e => e.WorkflowId == workflowId);
        lock (_state)
        {
            var completed = ofWorkflow.Count(e => e.Status == ExecutionStatus.Completed);
            var failed = ofWorkflow.Count(e => e.Status == ExecutionStatus.Failed);
            return new WorkflowExecutionStats(ofWorkflow.Count, completed, failed);
        }
    }

    /// <summary>Status, started_at (created_at while pending) and duration of each of a workflow's executions, oldest first.</summary>
    public IReadOnlyList<ExecutionFacts> Facts(string organizationId, string workflowId)
    {
        var ofWorkflow = List(organizationId, e => e.WorkflowId == workflowId);
        lock (_state)
        {
            return ofWorkflow.Reverse().Select(e => new ExecutionFacts(e.Status, e.StartedAt ?? e.CreatedAt, e.DurationMs)).ToList();
        }
    }
}
