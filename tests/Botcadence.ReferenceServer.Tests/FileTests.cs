using System.Net.Http.Headers;
using System.Text;
using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class FileTests : ServerFixture
{
    protected override ReferenceServerOptions Options() => new() { MaxFileBytes = 4096 };

    private static Action<HttpRequestMessage> Multipart(params (string Name, string? FileName, byte[] Bytes)[] parts) => request =>
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, fileName, bytes) in parts)
        {
            var part = new ByteArrayContent(bytes);
            if (fileName is null)
            {
                content.Add(part, name);
            }
            else
            {
                part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                content.Add(part, name, fileName);
            }
        }

        request.Content = content;
    };

    [Test]
    public async Task Upload_returns_201_metadata_and_download_streams_it_back()
    {
        var api = NewTenant();
        var created = await api.PostAsync("files", configure: Multipart(("file", "notes.txt", "hello"u8.ToArray())));
        Assert.That(created.Code, Is.EqualTo(201), created.Raw);
        Assert.That(created.Id, Does.Match("^file_[0-9a-f]{16}$"));
        Assert.That(created.Message.Headers.Location?.ToString(), Is.EqualTo("/v1/files/" + created.Id));
        Assert.That(Check.Str(created.Body["filename"]), Is.EqualTo("notes.txt"));
        Assert.That(Check.Str(created.Body["content_type"]), Is.EqualTo("text/plain"));
        Assert.That(created.Body["size"]!.GetValue<long>(), Is.EqualTo(5));
        Assert.That(Check.Str(created.Body["sha256"]), Is.EqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"));

        var download = await api.GetAsync("files/" + created.Id);
        Assert.That(download.Code, Is.EqualTo(200));
        Assert.That(download.Raw, Is.EqualTo("hello"));
        Assert.That(download.Header("Content-Type"), Is.EqualTo("text/plain"));
        Assert.That(download.Header("Content-Length"), Is.EqualTo("5"));
        Assert.That(download.Header("Content-Disposition"), Is.EqualTo("attachment; filename=notes.txt; filename*=UTF-8''notes.txt"));
        Assert.That(download.Header("X-Request-Id"), Is.Not.Null);

        var metadata = await api.GetAsync($"files/{created.Id}/metadata");
        Assert.That(metadata.Raw, Is.EqualTo(created.Raw));
        Check.Error(await NewTenant().GetAsync("files/" + created.Id), 404, "NOT_FOUND");
        Check.Error(await NewTenant().GetAsync($"files/{created.Id}/metadata"), 404, "NOT_FOUND");
    }

    [Test]
    public async Task Bad_uploads_get_error_envelopes()
    {
        var api = NewTenant();
        Check.Error(await api.PostAsync("files", """{"file":"x"}"""), 415, "INVALID_REQUEST");
        Check.Error(await api.PostAsync("files", configure: Multipart(("run_id", null, "run_x"u8.ToArray()))), 400, "INVALID_REQUEST", "file");
        Check.Error(await api.PostAsync("files", configure: Multipart(("file", "a", [1]), ("task_id", null, "task_x"u8.ToArray()))), 422, "VALIDATION_ERROR", "task_id");
        Check.Error(await api.PostAsync("files", configure: Multipart(("file", "a", [1]), ("run_id", null, "run_nope"u8.ToArray()))), 404, "NOT_FOUND");
        Check.Error(await api.PostAsync("files", configure: Multipart(("file", "a", [1]), ("file", "b", [2]))), 400, "INVALID_REQUEST", "file");
        Check.Error(await api.PostAsync("files", configure: Multipart(("file", "big", new byte[4097]))), 413, "INVALID_REQUEST", "file");
        Check.Error(await api.PostAsync("files", configure: r =>
        {
            r.Content = new StringContent("--b\r\nnot a header\r\n", Encoding.UTF8);
            r.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        }), 400, "INVALID_REQUEST");
        Assert.That((await api.PostAsync("files", configure: Multipart(("file", "max", new byte[4096])))).Code, Is.EqualTo(201));
    }

    [Test]
    public async Task Idempotency_keys_do_not_buffer_or_replay_uploads()
    {
        var api = NewTenant();
        var first = await api.PostAsync("files", configure: r => { Multipart(("file", "a.txt", "a"u8.ToArray()))(r); r.Headers.Add("Idempotency-Key", "k1"); });
        var second = await api.PostAsync("files", configure: r => { Multipart(("file", "a.txt", "a"u8.ToArray()))(r); r.Headers.Add("Idempotency-Key", "k1"); });
        Assert.That(first.Code, Is.EqualTo(201), first.Raw);
        Assert.That(second.Code, Is.EqualTo(201), second.Raw);
        Assert.That(second.Id, Is.Not.EqualTo(first.Id));
    }

    [Test]
    public async Task Scopes_are_enforced()
    {
        var denied = Check.Error(await NewTenant(["files:read"]).PostAsync("files", configure: Multipart(("file", "a", [1]))), 403, "MISSING_SCOPE");
        Assert.That(Check.Str(denied["required_scope"]), Is.EqualTo("files:write"));
        var read = Check.Error(await NewTenant(["files:write"]).GetAsync("files/file_x"), 403, "MISSING_SCOPE");
        Assert.That(Check.Str(read["required_scope"]), Is.EqualTo("files:read"));
    }
}

[TestFixture]
internal sealed class FileStorageTests
{
    private static readonly HttpClient Http = new();

    [Test]
    public async Task File_content_lives_on_disk_and_the_directory_is_deleted_with_the_server()
    {
        var server = await ReferenceServer.StartAsync();
        var storeType = typeof(ReferenceServer).Assembly.GetType("Botcadence.ReferenceServer.Files.FileStore", throwOnError: true)!;
        var directory = (string)storeType.GetProperty("Directory")!.GetValue(server.Services.GetService(storeType))!;
        try
        {
            var api = new Api(Http, server.BaseAddress, server.ApiKey);
            var created = await api.PostAsync("files", configure: r =>
            {
                var content = new MultipartFormDataContent();
                content.Add(new ByteArrayContent(new byte[3000]), "file", "zeros.bin");
                r.Content = content;
            });
            Assert.That(created.Code, Is.EqualTo(201), created.Raw);
            Assert.That(new FileInfo(Path.Combine(directory, created.Id)).Length, Is.EqualTo(3000));
            Assert.That(Directory.GetFiles(directory).Select(Path.GetFileName), Is.EqualTo(new[] { created.Id }), "no temporary part files are left");
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.That(Directory.Exists(directory), Is.False);
    }
}
