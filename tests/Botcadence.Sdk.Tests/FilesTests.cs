using System.Net;
using System.Security.Cryptography;
using Botcadence.ReferenceServer;
using Botcadence.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Botcadence.Sdk.Tests;

/// <summary>Records every value reported, synchronously (unlike <see cref="Progress{T}"/>).</summary>
public sealed class RecordingProgress : IProgress<long>
{
    public List<long> Values { get; } = [];

    public void Report(long value)
    {
        lock (Values)
        {
            Values.Add(value);
        }
    }
}

[TestFixture]
public sealed class FilesTests
{
    [Test]
    public async Task Upload_from_a_non_seekable_stream_and_download_round_trip_with_equal_sha256_and_progress()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        const long size = 3 * 1024 * 1024 + 17;
        var expected = GeneratedStream.Sha256(size, seed: 7);
        var upProgress = new RecordingProgress();

        await using var source = new GeneratedStream(size, seed: 7);
        var file = await client.Files.UploadAsync(source, "report (final).bin", "application/x-test", new FileUploadOptions { Progress = upProgress });

        Assert.That(file.Id, Does.StartWith("file_"));
        Assert.That(file.FileName, Is.EqualTo("report (final).bin"));
        Assert.That(file.ContentType, Is.EqualTo("application/x-test"));
        Assert.That(file.Size, Is.EqualTo(size));
        Assert.That(file.Sha256, Is.EqualTo(expected));
        Assert.That(upProgress.Values, Has.Count.GreaterThan(10));
        Assert.That(upProgress.Values, Is.Ordered.Ascending);
        Assert.That(upProgress.Values[^1], Is.EqualTo(size));

        var metadata = await client.Files.GetMetadataAsync(file.Id);
        Assert.That(metadata.Sha256, Is.EqualTo(expected));
        Assert.That(metadata.Size, Is.EqualTo(size));
        Assert.That(metadata.CreatedAt, Is.EqualTo(file.CreatedAt));

        await using (var download = await client.Files.DownloadAsync(file.Id))
        {
            Assert.That(download.Content.CanSeek, Is.False);
            Assert.That(download.ContentLength, Is.EqualTo(size));
            Assert.That(download.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(download.Response.RequestId, Is.Not.Null);
            Assert.That(Convert.ToHexStringLower(await SHA256.HashDataAsync(download.Content)), Is.EqualTo(expected));
        }

        var downProgress = new RecordingProgress();
        using var sink = new HashingSink();
        var copied = await client.Files.DownloadToAsync(file.Id, sink, downProgress);
        Assert.That(copied, Is.EqualTo(size));
        Assert.That(sink.Sha256(), Is.EqualTo(expected));
        Assert.That(downProgress.Values, Has.Count.GreaterThan(10));
        Assert.That(downProgress.Values[^1], Is.EqualTo(size));
    }

    [Test]
    public async Task Download_has_content_type_length_and_attachment_disposition()
    {
        var (client, _, key) = ServerFixture.NewTenant();
        using var clientScope = client;
        using var content = new MemoryStream("hello, files"u8.ToArray());
        var file = await client.Files.UploadAsync(content, "résumé.txt", "text/plain");

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ServerFixture.Server.BaseAddress, "files/" + file.Id));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Key);
        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/plain"));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(12));
        Assert.That(response.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
        Assert.That(response.Content.Headers.ContentDisposition.FileNameStar, Is.EqualTo("résumé.txt"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("hello, files"));
    }

    [Test]
    public async Task Upload_attaches_to_a_run_task_and_checks_they_exist()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var template = await RunsTests.PublishedAsync(client);
        var run = await client.Runs.LaunchAsync(new RunLaunchOptions { TemplateId = template.Id });

        var file = await client.Files.UploadAsync(new MemoryStream([1, 2, 3]), "scan.pdf", "application/pdf", new FileUploadOptions { RunId = run.Id, TaskId = run.Tasks[0].Id });
        Assert.That(file.RunId, Is.EqualTo(run.Id));
        Assert.That(file.TaskId, Is.EqualTo(run.Tasks[0].Id));
        Assert.That((await client.Files.GetMetadataAsync(file.Id)).TaskId, Is.EqualTo(run.Tasks[0].Id));

        await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => client.Files.UploadAsync(new MemoryStream([1]), "a", null, new FileUploadOptions { RunId = "run_missing" }));
        var badTask = await Assert.ThrowsAsync<BotCadenceValidationException>(() => client.Files.UploadAsync(new MemoryStream([1]), "a", null, new FileUploadOptions { RunId = run.Id, TaskId = "task_missing" }));
        Assert.That(badTask!.Field, Is.EqualTo("task_id"));
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => client.Files.GetMetadataAsync("file_missing"));
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => client.Files.DownloadAsync("file_missing"));
    }

    [Test]
    public async Task An_upload_over_the_maximum_is_413_with_the_error_envelope()
    {
        await using var server = await ReferenceServer.ReferenceServer.StartAsync(new ReferenceServerOptions { MaxFileBytes = 1024 });
        using var client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = server.ApiKey, BaseAddress = server.BaseAddress });

        var exact = await client.Files.UploadAsync(new GeneratedStream(1024), "exact.bin");
        Assert.That(exact.Size, Is.EqualTo(1024));

        var ex = await Assert.ThrowsAsync<BotCadenceApiException>(() => client.Files.UploadAsync(new GeneratedStream(1025), "big.bin"));
        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(ex.Field, Is.EqualTo("file"));
        Assert.That(ex.RequestId, Is.Not.Null.And.Not.Empty);

        var bigger = await Assert.ThrowsAsync<BotCadenceApiException>(() => client.Files.UploadAsync(new GeneratedStream(64 * 1024), "bigger.bin"));
        Assert.That(bigger!.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Uploads_above_the_1_MiB_JSON_limit_are_accepted()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var file = await client.Files.UploadAsync(new GeneratedStream(2 * 1024 * 1024 + 1), "two-mib.bin");
        Assert.That(file.Size, Is.EqualTo(2 * 1024 * 1024 + 1));
    }

    [Test]
    public async Task A_streamed_upload_is_sent_once_even_on_503()
    {
        using var mock = WireMockServer.Start();
        mock.Given(Request.Create().WithPath("/v1/files").UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
        var options = new BotCadenceClientOptions { ApiKey = "sk_test_x", BaseAddress = new Uri(mock.Url + "/v1"), RetryDelay = TimeSpan.FromMilliseconds(5), MaxRetries = 3 };
        var recorder = new RecordingHandler { InnerHandler = new HttpClientHandler() };
        using var client = new BotCadenceClient(options, recorder);

        await Assert.ThrowsAsync<BotCadenceServerException>(() => client.Files.UploadAsync(new GeneratedStream(1000), "once.bin"));

        Assert.That(mock.LogEntries.Count, Is.EqualTo(1));
        Assert.That(recorder.NonReplayable, Is.EqualTo(new[] { true }), "the request carries RetryStrategy.NonReplayable");
        var sent = mock.LogEntries.Single().RequestMessage!;
        Assert.That(sent.Headers!["Content-Type"].Single(), Does.StartWith("multipart/form-data"));
    }

    [Test]
    public async Task A_download_is_retried_on_503_like_any_GET()
    {
        using var mock = WireMockServer.Start();
        mock.Given(Request.Create().WithPath("/v1/files/file_1").UsingGet()).InScenario("s").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503));
        mock.Given(Request.Create().WithPath("/v1/files/file_1").UsingGet()).InScenario("s").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octet-stream").WithBody([1, 2, 3]));
        var options = new BotCadenceClientOptions { ApiKey = "sk_test_x", BaseAddress = new Uri(mock.Url + "/v1"), RetryDelay = TimeSpan.FromMilliseconds(5) };
        using var client = new BotCadenceClient(options);

        using var sink = new MemoryStream();
        Assert.That(await client.Files.DownloadToAsync("file_1", sink), Is.EqualTo(3));
        Assert.That(sink.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(mock.LogEntries.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task A_download_returns_after_the_headers_without_buffering_the_body()
    {
        // A body that can be streamed but never finishes serializing: buffering it (HttpCompletionOption.ResponseContentRead)
        // would hang, streaming it returns at once.
        var options = new BotCadenceClientOptions { ApiKey = "sk_test_x", BaseAddress = new Uri("http://files.invalid/v1") };
        using var client = new BotCadenceClient(options, new EndlessBodyTransport());

        var download = client.Files.DownloadAsync("file_1");
        var finished = await Task.WhenAny(download, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.That(finished, Is.SameAs(download), "DownloadAsync waited for the whole body");
        await using var stream = await download;
        using var reader = new StreamReader(stream.Content);
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("streamed"));
    }

    private sealed class EndlessBodyTransport : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new NeverBufferedContent(), RequestMessage = request });
    }

    private sealed class NeverBufferedContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => Task.Delay(Timeout.Infinite);

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream("streamed"u8.ToArray()));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Test]
    public async Task Argument_checks()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Files.UploadAsync(null!, "a"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Files.UploadAsync(new MemoryStream(), ""));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Files.DownloadAsync(""));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Files.DownloadToAsync("file_1", null!));
    }

    private sealed class RecordingHandler : DelegatingHandler
    {
        public List<bool> NonReplayable { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            NonReplayable.Add(CallContext.TryGet(request, out var call) && !call.Replayable);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Files operations for the matrix.</summary>
public sealed class FilesMatrix : IOperationMatrix
{
    public async Task<IReadOnlyList<OperationCase>> ArrangeAsync(IBotCadenceClient owner)
    {
        var file = await owner.Files.UploadAsync(new MemoryStream("matrix"u8.ToArray()), "matrix.txt", "text/plain");
        var id = file.Id;
        return
        [
            new("Files.Upload", "files:write", false, false, c => c.Files.UploadAsync(new MemoryStream([1, 2, 3]), "x.bin")),
            new("Files.Download", "files:read", true, true, async c =>
            {
                await using var stream = await c.Files.DownloadAsync(id);
            }),
            new("Files.DownloadTo", "files:read", true, true, c => c.Files.DownloadToAsync(id, Stream.Null)),
            new("Files.GetMetadata", "files:read", true, true, c => c.Files.GetMetadataAsync(id)),
        ];
    }
}
