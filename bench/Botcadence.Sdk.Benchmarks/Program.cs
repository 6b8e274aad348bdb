using BenchmarkDotNet.Running;

if (Botcadence.Sdk.Benchmarks.FileStreamingBenchmark.IsSelected(args))
{
    // One long memory measurement rather than a BenchmarkDotNet job (see FileStreamingBenchmark).
    return await Botcadence.Sdk.Benchmarks.FileStreamingBenchmark.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(Botcadence.Sdk.Benchmarks.ClientOverheadBenchmarks).Assembly).Run(args);
return 0;
