using System.Text.Json.Nodes;

namespace Botcadence.Sdk.Benchmarks;

// One definition for every hand-written side: the benchmarks here and bench/StartupBenchmark/HandWritten, which links
// this file (it stays a separate tiny program so its start-up loads nothing else).

/// <summary>What a careful user writes by hand: records of the same shape, source-generated, snake_case.</summary>
internal sealed record HandWorkflow(
    string Id, string Name, string? Description, string Status, string? Channel, HandTrigger? Trigger, List<HandAction> Actions,
    DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt, DateTimeOffset? ActivatedAt, DateTimeOffset? DeactivatedAt,
    long ExecutionCount, double? SuccessRate);

internal sealed record HandTrigger(string Type, string? Event, List<string>? Keywords, JsonObject? Config);

internal sealed record HandAction(string? Id, string Type, JsonObject? Config);
