using System.Diagnostics;
using System.Globalization;
using Botcadence.ReferenceServer;

using Botcadence.Testing;

namespace Botcadence.Sdk.Benchmarks;

/// <summary>
/// Uploads and then downloads a generated, non-seekable 1 GiB stream through the SDK against the in-process reference
/// server (which streams uploads to disk and downloads from disk), sampling the process's working set throughout.
/// Target: the working set grows by at most 32 MiB over its level after a warm-up transfer. Not a BenchmarkDotNet
/// class: it is one long measurement, run by <c>dotnet run -c Release -- --filter '*FileStreaming*'</c>.
/// </summary>
public static class FileStreamingBenchmark
{
    public const long Size = 1L << 30;
    public const long BudgetBytes = 32L << 20;

    /// <summary>True when the arguments select this benchmark (<c>--filter</c> with a pattern naming it).</summary>
    public static bool IsSelected(string[] args)
    {
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] is "--filter" or "-f" && args[i + 1].Contains("FileStreaming", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static async Task<int> RunAsync(long size = Size)
    {
        await using var server = await ReferenceServer.ReferenceServer.StartAsync(new ReferenceServerOptions
        {
            MaxFileBytes = 2L << 30,
            EnterpriseRateLimitPerMinute = int.MaxValue,
        });
        using var client = new BotCadenceClient(new BotCadenceClientOptions
        {
            ApiKey = server.ApiKey,
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromMinutes(30),
            AttemptTimeout = TimeSpan.FromMinutes(30),
        });

        // Warm-up: JIT, connection pool, Kestrel's memory pool and the array pool reach their steady state.
        await TransferAsync(client, 64L << 20, seed: 1, progress: null);

        using var process = Process.GetCurrentProcess();
        ForceGc();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peakBefore = process.PeakWorkingSet64;
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);

        var max = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                max = Math.Max(max, self.WorkingSet64);
                try
                {
                    await Task.Delay(50, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        var stopwatch = Stopwatch.StartNew();
        var (upload, download, uploaded, sha) = await TransferAsync(client, size, seed: 42, progress: null);
        stopwatch.Stop();
        await sampling.CancelAsync();
        await sampler;

        process.Refresh();
        var after = process.WorkingSet64;
        var peakAfter = process.PeakWorkingSet64;
        var growth = max - baseline;
        var pass = growth <= BudgetBytes && uploaded.Sha256 == sha;

        static string MiB(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";
        static string Rate(long bytes, TimeSpan t) => (bytes / 1048576.0 / t.TotalSeconds).ToString("0", CultureInfo.InvariantCulture) + " MiB/s";
        Console.WriteLine("File streaming (1 GiB) through the SDK against the in-process reference server");
        Console.WriteLine($"  size:                       {size} bytes ({MiB(size)}), generated on the fly, non-seekable");
        Console.WriteLine($"  upload:                     {upload.TotalSeconds:0.0} s ({Rate(size, upload)}), sha256 {uploaded.Sha256}");
        Console.WriteLine($"  download:                   {download.TotalSeconds:0.0} s ({Rate(size, download)}), sha256 {sha}");
        Console.WriteLine($"  sha256 equal:               {uploaded.Sha256 == sha}");
        Console.WriteLine($"  working set before:         {MiB(baseline)}");
        Console.WriteLine($"  working set max (sampled):  {MiB(max)}");
        Console.WriteLine($"  working set after:          {MiB(after)}");
        Console.WriteLine($"  peak working set before:    {MiB(peakBefore)}");
        Console.WriteLine($"  peak working set after:     {MiB(peakAfter)} (growth {MiB(peakAfter - peakBefore)})");
        Console.WriteLine($"  managed heap before/after:  {MiB(managedBefore)} / {MiB(GC.GetTotalMemory(false))}");
        Console.WriteLine($"  growth (max - before):      {MiB(growth)} (budget {MiB(BudgetBytes)}): {(pass ? "PASS" : "FAIL")}");
        Console.WriteLine($"  total time:                 {stopwatch.Elapsed.TotalSeconds:0.0} s");
        return pass ? 0 : 1;
    }

    private static async Task<(TimeSpan Upload, TimeSpan Download, FileMetadata File, string DownloadSha)> TransferAsync(BotCadenceClient client, long size, int seed, IProgress<long>? progress)
    {
        var watch = Stopwatch.StartNew();
        FileMetadata file;
        await using (var source = new GeneratedStream(size, seed))
        {
            file = await client.Files.UploadAsync(source, "generated.bin", "application/octet-stream", new FileUploadOptions { Progress = progress });
            if (file.Size != size || file.Sha256 != source.Sha256())
            {
                throw new InvalidOperationException($"Upload mismatch: {file.Size} bytes, {file.Sha256} vs {source.Sha256()}.");
            }
        }

        var upload = watch.Elapsed;
        watch.Restart();
        using var sink = new HashingSink();
        var received = await client.Files.DownloadToAsync(file.Id, sink, progress);
        if (received != size)
        {
            throw new InvalidOperationException($"Downloaded {received} of {size} bytes.");
        }

        return (upload, watch.Elapsed, file, sink.Sha256());
    }

    private static void ForceGc()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
