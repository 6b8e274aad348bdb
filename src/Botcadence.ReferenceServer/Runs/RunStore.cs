using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Events;

namespace Botcadence.ReferenceServer.Runs;

/// <summary>Runs per organization. Reads compute OVERDUE from the server clock and publish <c>run.overdue</c> once.</summary>
internal sealed class RunStore(ServerClock clock, EventBus events) : OrganizationScopedStore<Run>("Run")
{
    /// <summary>Reads a run (404 NOT_FOUND when there is none), noting (once) that it became overdue.</summary>
    public Run RequireRead(string organizationId, string id) => Observe(Require(organizationId, id));

    /// <summary>Lists runs newest first with their effective status, noting newly overdue ones.</summary>
    public IReadOnlyList<Run> ReadAll(string organizationId, Func<Run, string, bool> filter)
    {
        var now = clock.UtcNow;
        return List(organizationId, _ => true).Select(Observe).Where(r => filter(r, r.EffectiveStatus(now))).ToList();
    }

    private Run Observe(Run run)
    {
        if (run.OverduePublished || run.EffectiveStatus(clock.UtcNow) != RunStatus.Overdue)
        {
            return run;
        }

        var first = false;
        var updated = Update(run.OrganizationId, run.Id, r =>
        {
            if (r.OverduePublished || r.EffectiveStatus(clock.UtcNow) != RunStatus.Overdue)
            {
                return r;
            }

            first = true;
            return r with { OverduePublished = true };
        }) ?? run;
        if (first)
        {
            events.Publish(run.OrganizationId, EventTypes.RunOverdue, new JsonObject
            {
                ["run_id"] = run.Id,
                ["template_id"] = run.TemplateId,
                ["due_date"] = JsonResponse.Time(run.DueDate),
            });
        }

        return updated;
    }
}
