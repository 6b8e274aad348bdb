using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Workflows;

namespace Botcadence.ReferenceServer.Executions;

/// <summary>Executions per organization. All reads map to JSON under the lock, so callers never see a torn execution.</summary>
internal sealed class ExecutionStore(ServerClock clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Execution> byId = new(StringComparer.Ordinal);
    private readonly List<Execution> ordered = []; // ascending sequence
    private long sequence;

    public Execution Create(Workflow workflow, JsonObject input)
    {
        lock (gate)
        {
            var execution = new Execution
            {
                Id = Ids.New("exec"),
                OrganizationId = workflow.OrganizationId,
                WorkflowId = workflow.Id,
                Sequence = ++sequence,
                Input = input,
                CreatedAt = clock.UtcNow,
                Steps = workflow.Actions.Select(a => new ExecutionStep { Id = a.Id, Type = a.Type, Config = (JsonObject)a.Config.DeepClone() }).ToList(),
            };
            byId.Add(execution.Id, execution);
            ordered.Add(execution);
            return execution;
        }
    }

    /// <summary>Runs <paramref name="mutate"/> under the lock (the engine's only way to change an execution).</summary>
    public T Mutate<T>(Execution execution, Func<Execution, T> mutate)
    {
        lock (gate)
        {
            return mutate(execution);
        }
    }

    public JsonObject? GetJson(string organizationId, string id, string? workflowId = null)
    {
        lock (gate)
        {
            return byId.TryGetValue(id, out var e) && e.OrganizationId == organizationId && (workflowId is null || e.WorkflowId == workflowId)
                ? ExecutionJson.ToJson(e)
                : null;
        }
    }

    public JsonObject PageForWorkflow(string organizationId, string workflowId, string? status, DateTimeOffset? from, DateTimeOffset? to, int page, int perPage)
    {
        lock (gate)
        {
            var items = NewestFirst(organizationId)
                .Where(e => e.WorkflowId == workflowId
                    && (status is null || e.Status == status)
                    && (from is null || e.CreatedAt >= from)
                    && (to is null || e.CreatedAt < to))
                .ToList();
            return Pagination.Page(items, page, perPage, ExecutionJson.ToJson);
        }
    }

    public JsonObject CursorPage(string organizationId, string? status, string? workflowId, long? before, int limit)
    {
        lock (gate)
        {
            var items = NewestFirst(organizationId)
                .Where(e => (status is null || e.Status == status) && (workflowId is null || e.WorkflowId == workflowId));
            return Pagination.Cursor(items, e => e.Sequence, before, limit, ExecutionJson.ToJson);
        }
    }

    public WorkflowExecutionStats Stats(string organizationId, string workflowId)
    {
        lock (gate)
        {
            int total = 0, completed = 0, failed = 0;
            foreach (var e in ordered)
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
        lock (gate)
        {
            return ordered
                .Where(e => e.OrganizationId == organizationId && e.WorkflowId == workflowId)
                .Select(e => new ExecutionFacts(e.Status, e.StartedAt ?? e.CreatedAt, e.DurationMs))
                .ToList();
        }
    }

    private IEnumerable<Execution> NewestFirst(string organizationId)
    {
        for (var i = ordered.Count - 1; i >= 0; i--)
        {
            if (ordered[i].OrganizationId == organizationId)
            {
                yield return ordered[i];
            }
        }
    }
}
