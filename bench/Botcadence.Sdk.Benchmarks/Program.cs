using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Botcadence.Sdk.Benchmarks.ClientOverheadBenchmarks).Assembly).Run(args);
