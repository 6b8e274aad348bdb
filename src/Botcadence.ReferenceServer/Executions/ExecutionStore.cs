using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Workflows;

namespace Botcadence.ReferenceServer.Executions;

/// <summary>Executions per organization. All reads map to JSON under the lock, so callers never see a torn execution.</summary>
internal sealed class ExecutionStore(ServerClock clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Execution> _byId = new(StringComparer.Ordinal);
    private readonly List<Execution> _ordered = []; // ascending sequence
    private long _sequence;

    public Execution Create(Workflow workflow, JsonObject input)
    {
        lock (_gate)
        {
            var execution = new Execution
            {
                Id = Ids.New("exec"),
                OrganizationId = workflow.OrganizationId,
                WorkflowId = workflow.Id,
                Sequence = ++_sequence,
                Input = input,
                CreatedAt = clock.UtcNow,
                Steps = workflow.Actions.Select(a => new ExecutionStep { Id = a.Id, Type = a.Type, Config = (JsonObject)a.Config.DeepClone() }).ToList(),
            };
            _byId.Add(execution.Id, execution);
            _ordered.Add(execution);
            return execution;
        }
    }

    /// <summary>Runs <paramref name="mutate"/> under the lock (the engine's only way to change an execution).</summary>
    public T Mutate<T>(Execution execution, Func<Execution, T> mutate)
    {
        lock (_gate)
        {
            return mutate(execution);
        }
    }

    public JsonObject? GetJson(string organizationId, string id, string? workflowId = null)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var e) && e.OrganizationId == organizationId && (workflowId is null || e.WorkflowId == workflowId)
                ? e.ToJson()
                : null;
        }
    }

    public JsonObject PageForWorkflow(string organizationId, string workflowId, string? status, DateTimeOffset? from, DateTimeOffset? to, int page, int perPage)
    {
        lock (_gate)
        {
            var items = NewestFirst(organizationId)
                .Where(e => e.WorkflowId == workflowId
                    && (status is null || e.Status == status)
                    && (from is null || e.CreatedAt >= from)
                    && (to is null || e.CreatedAt < to))
                .ToList();
            return Pagination.Page(items, page, perPage, e => e.ToJson());
        }
    }

    public JsonObject CursorPage(string organizationId, string? status, string? workflowId, long? before, int limit)
    {
        lock (_gate)
        {
            var items = NewestFirst(organizationId)
                .Where(e => (status is null || e.Status == status) && (workflowId is null || e.WorkflowId == workflowId));
            return Pagination.Cursor(items, e => e.Sequence, before, limit, e => e.ToJson());
        }
    }

    public WorkflowExecutionStats Stats(string organizationId, string workflowId)
    {
        lock (_gate)
        {
            int total = 0, completed = 0, failed = 0;
            foreach (var e in _ordered)
            {
                if (e.OrganizationId != organizationId || e.WorkflowId != workflowId)
                {
                    continue;
                }

                total++;
                completed += e.Status == ExecutionStatus.Completed ? 1 : 0;
                failed += e.Status == ExecutionStatus.Failed ? 1 : 0;
            }

            return new WorkflowExecutionStats(total, completed, failed);
        }
    }

    /// <summary>Status, started_at (created_at while pending) and duration of each of a workflow's executions.</summary>
    public IReadOnlyList<ExecutionFacts> Facts(string organizationId, string workflowId)
    {
        lock (_gate)
        {
            return _ordered
                .Where(e => e.OrganizationId == organizationId && e.WorkflowId == workflowId)
                .Select(e => new ExecutionFacts(e.Status, e.StartedAt ?? e.CreatedAt, e.DurationMs))
                .ToList();
        }
    }

    private IEnumerable<Execution> NewestFirst(string organizationId)
    {
        for (var i = _ordered.Count - 1; i >= 0; i--)
        {
            if (_ordered[i].OrganizationId == organizationId)
            {
                yield return _ordered[i];
            }
        }
    }
}
