using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Botcadence.ReferenceServer.Executions;

/// <summary>
/// Runs executions in the background on the server's <see cref="TimeProvider"/>: pending → running,
/// then each step in order (step duration, or the action's <c>delay_ms</c>), then completed or failed.
/// </summary>
internal sealed partial class ExecutionEngine(ExecutionStore store, ServerClock clock, Events.EventBus bus, ILogger<ExecutionEngine> logger) : IAsyncDisposable
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private int _disposed;

    public void Start(Execution execution)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var token = _stopping.Token;
        var task = Task.Run(() => RunAsync(execution, token), CancellationToken.None);
        _running[execution.Id] = task;
        _ = task.ContinueWith(_ => _running.TryRemove(execution.Id, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// Launches an execution of an active workflow (409 CONFLICT otherwise): stores it pending, publishes
    /// <c>workflow.executed</c> and starts it.
    /// </summary>
    /// <returns>The new execution and its wire shape at launch.</returns>
    public (Execution Execution, JsonObject Json) Launch(Workflows.Workflow workflow, JsonObject input)
    {
        if (workflow.Status != Workflows.WorkflowStatus.Active)
        {
            throw new ApiException(ApiError.Conflict($"Workflow {workflow.Id} is not active."));
        }

        var execution = store.Create(workflow, input);
        var json = store.GetJson(workflow.OrganizationId, execution.Id)!;
        bus.Publish(workflow.OrganizationId, Events.EventTypes.WorkflowExecuted, (JsonObject)json.DeepClone());
        Start(execution);
        return (execution, json);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running.Values.ToArray()).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // expected on shutdown
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(Execution execution, CancellationToken token)
    {
        try
        {
            store.WithLock(execution, e =>
            {
                var now = clock.UtcNow;
                e.Status = ExecutionStatus.Running;
                e.StartedAt = now;
                e.Logs.Add(new ExecutionLog(now, "info", $"Execution started ({e.Steps.Count} step(s)).", null));
                return 0;
            });

            JsonNode? lastOutput = null;
            for (var index = 0; index < execution.Steps.Count; index++)
            {
                var step = execution.Steps[index];

                // Arm the timer before the step shows as running, so whoever sees "running" can advance a fake clock past it.
                // The start is read before arming, so started_at + delay never exceeds completed_at.
                var startedAt = clock.UtcNow;
                var duration = DelayFor(step.Config);
                var delay = Task.Delay(duration, clock.TimeProvider, token);
                store.WithLock(execution, e =>
                {
                    var now = startedAt;
                    step.Status = ExecutionStatus.Running;
                    step.StartedAt = now;
                    step.Input = e.Input.DeepClone();
                    e.Logs.Add(new ExecutionLog(now, "info", $"Step {step.Id} ({step.Type}) started.", step.Id));
                    return 0;
                });

                await delay.ConfigureAwait(false);

                // System timers may fire a hair early (millisecond tick granularity); top up so the step really took its duration.
                for (var remaining = startedAt + duration - clock.UtcNow; remaining > TimeSpan.Zero; remaining = startedAt + duration - clock.UtcNow)
                {
                    await Task.Delay(remaining, clock.TimeProvider, token).ConfigureAwait(false);
                }

                if (IsFailure(step))
                {
                    var message = step.Config["message"] is JsonValue m && m.GetValueKind() == JsonValueKind.String
                        ? m.GetValue<string>()
                        : $"Step {step.Id} ({step.Type}) failed.";
                    var failedIndex = index;
                    store.WithLock(execution, e =>
                    {
                        var now = clock.UtcNow;
                        step.Status = ExecutionStatus.Failed;
                        step.CompletedAt = now;
                        step.Error = message;
                        foreach (var later in e.Steps.Skip(failedIndex + 1))
                        {
                            later.Status = ExecutionStatus.Skipped;
                        }

                        e.Logs.Add(new ExecutionLog(now, "error", $"Step {step.Id} failed: {message}", step.Id));
                        e.Status = ExecutionStatus.Failed;
                        e.CompletedAt = now;
                        e.Error = new JsonObject { ["code"] = "STEP_FAILED", ["message"] = message, ["step_id"] = step.Id };
                        e.Logs.Add(new ExecutionLog(now, "error", "Execution failed.", null));
                        return 0;
                    });
                    PublishFinished(execution, Events.EventTypes.ExecutionFailed);
                    return;
                }

                var output = Render(step.Config, execution.Input);
                output["type"] = step.Type;
                lastOutput = output;
                store.WithLock(execution, e =>
                {
                    var now = clock.UtcNow;
                    step.Status = ExecutionStatus.Completed;
                    step.CompletedAt = now;
                    step.Output = output.DeepClone();
                    e.Logs.Add(new ExecutionLog(now, "info", $"Step {step.Id} completed in {step.DurationMs} ms.", step.Id));
                    return 0;
                });
            }

            store.WithLock(execution, e =>
            {
                var now = clock.UtcNow;
                e.Status = ExecutionStatus.Completed;
                e.CompletedAt = now;
                e.Output = lastOutput?.DeepClone() ?? new JsonObject();
                e.Logs.Add(new ExecutionLog(now, "info", $"Execution completed in {e.DurationMs} ms.", null));
                return 0;
            });
            PublishFinished(execution, Events.EventTypes.ExecutionCompleted);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            Cancel(execution, "Server shutting down.");
        }
#pragma warning disable CA1031 // A background run must never crash the process; the execution records the failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ExecutionCrashed(logger, ex, execution.Id);
            Cancel(execution, "Internal error: " + ex.Message);
        }
    }

    /// <summary>Tells webhook subscribers that the execution finished; the data is the execution as <c>GET /v1/executions/{id}</c> shows it.</summary>
    private void PublishFinished(Execution execution, string eventType)
    {
        if (store.GetJson(execution.OrganizationId, execution.Id) is { } json)
        {
            bus.Publish(execution.OrganizationId, eventType, json);
        }
    }

    private void Cancel(Execution execution, string reason) => store.WithLock(execution, e =>
    {
        var now = clock.UtcNow;
        e.Status = ExecutionStatus.Cancelled;
        e.CompletedAt = now;
        foreach (var step in e.Steps.Where(s => !ExecutionStatus.IsFinished(s.Status) && s.Status != ExecutionStatus.Skipped))
        {
            step.Status = ExecutionStatus.Skipped;
        }

        e.Logs.Add(new ExecutionLog(now, "warning", "Execution cancelled: " + reason, null));
        return 0;
    });

    private static bool IsFailure(ExecutionStep step) =>
        step.Type == "fail" || (step.Config["fail"] is JsonValue f && f.GetValueKind() == JsonValueKind.True);

    private TimeSpan DelayFor(JsonObject config)
    {
        if (config["delay_ms"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out double ms))
        {
            return ms <= 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds));
        }

        return clock.StepDuration;
    }

    /// <summary>Deep-copies <paramref name="config"/>, replacing <c>{{path}}</c> in strings with values from <paramref name="input"/>.</summary>
    internal static JsonObject Render(JsonObject config, JsonObject input) => (JsonObject)RenderNode(config, input)!;

    private static JsonNode? RenderNode(JsonNode? node, JsonObject input)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var pair in obj)
                {
                    copy[pair.Key] = RenderNode(pair.Value, input);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(RenderNode(item, input));
                }

                return items;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                return text.Contains("{{", StringComparison.Ordinal)
                    ? Placeholder().Replace(text, m => Lookup(input, m.Groups[1].Value))
                    : text;
            default:
                return node?.DeepClone();
        }
    }

    private static string Lookup(JsonObject input, string path)
    {
        JsonNode? current = input;
        foreach (var segment in path.Split('.'))
        {
            current = current switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return current switch
        {
            null => string.Empty,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => current.ToJsonString(JsonResponse.WriteOptions),
        };
    }

    [GeneratedRegex(@"\{\{\s*([^{}]+?)\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
