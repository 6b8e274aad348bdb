namespace Botcadence.ReferenceServer.Workflows;

/// <summary>Workflows per organization. Thread-safe; another organization's id is simply not found.</summary>
internal sealed class WorkflowStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Workflow> byId = new(StringComparer.Ordinal);
    private long sequence;

    public long NextSequence() => Interlocked.Increment(ref sequence);

    public void Add(Workflow workflow)
    {
        lock (gate)
        {
            byId.Add(workflow.Id, workflow);
        }
    }

    public Workflow? Get(string organizationId, string id)
    {
        lock (gate)
        {
            return byId.TryGetValue(id, out var wf) && wf.OrganizationId == organizationId ? wf : null;
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Workflow> List(string organizationId, Func<Workflow, bool> filter)
    {
        lock (gate)
        {
            return byId.Values
                .Where(w => w.OrganizationId == organizationId && filter(w))
                .OrderByDescending(w => w.Sequence)
                .ToList();
        }
    }

    /// <summary>Atomically replaces a workflow with <paramref name="update"/>'s result; null if not found.</summary>
    public Workflow? Update(string organizationId, string id, Func<Workflow, Workflow> update)
    {
        lock (gate)
        {
            if (!byId.TryGetValue(id, out var current) || current.OrganizationId != organizationId)
            {
                return null;
            }

            var updated = update(current);
            byId[id] = updated;
            return updated;
        }
    }

    public bool Delete(string organizationId, string id)
    {
        lock (gate)
        {
            return byId.TryGetValue(id, out var current) && current.OrganizationId == organizationId && byId.Remove(id);
        }
    }
}
