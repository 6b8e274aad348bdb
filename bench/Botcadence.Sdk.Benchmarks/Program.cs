using BenchmarkDotNet.Running;

if (Botcadence.Sdk.Benchmarks.FileStreamingBenchmark.IsSelected(args))
{
    // One long memory measurement rather than a BenchmarkDotNet job (see FileStreamingBenchmark).
    return await Botcadence.Sdk.Benchmarks.FileStreamingBenchmark.RunAsync();
}

if (Botcadence.Sdk.Benchmarks.PagingScaleRun.IsSelected(args))
{
    // Live-heap sampling and the prefetch gain with a 5 ms page: Stopwatch measurements, not BenchmarkDotNet jobs.
    return await Botcadence.Sdk.Benchmarks.PagingScaleRun.RunAsync();
}

if (Botcadence.Sdk.Benchmarks.ConcurrencyRun.IsSelected(args))
{
    return await Botcadence.Sdk.Benchmarks.ConcurrencyRun.RunAsync(args);
}

if (Botcadence.Sdk.Benchmarks.AllocationProfileRun.IsSelected(args))
{
    // Exact bytes per call and a sampled breakdown by allocated type: not a BenchmarkDotNet job.
    return await Botcadence.Sdk.Benchmarks.AllocationProfileRun.RunAsync();
}

if (Botcadence.Sdk.Benchmarks.ServerRun.IsSelected(args))
{
    return await Botcadence.Sdk.Benchmarks.ServerRun.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Botcadence.Sdk.Benchmarks.ClientOverheadBenchmarks).Assembly).Run(args);
return 0;
