using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Files;

/// <summary>An uploaded file's metadata; its content lives on disk at <see cref="Path"/>.</summary>
internal sealed record StoredFile(
    string Id,
    string OrganizationId,
    long Sequence,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string? RunId,
    string? TaskId,
    DateTimeOffset CreatedAt,
    string Path) : IOrganizationScoped;

/// <summary>
/// File metadata in memory, content on disk in a temporary directory (removed on dispose), so large uploads never
/// live in memory.
/// </summary>
internal sealed class FileStore : OrganizationScopedStore<StoredFile>, IDisposable
{
    private readonly bool ownsDirectory;

    public FileStore(ReferenceServerOptions options)
    {
        MaxFileBytes = options.MaxFileBytes;
        ownsDirectory = options.FileStorageDirectory is null;
        Directory = options.FileStorageDirectory ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "botcadence-files-" + Ids.Hex(6));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public long MaxFileBytes { get; }

    public string NewTempPath() => System.IO.Path.Combine(Directory, Ids.Hex(12) + ".part");

    public static JsonObject ToJson(StoredFile file) => new()
    {
        ["id"] = file.Id,
        ["filename"] = file.FileName,
        ["content_type"] = file.ContentType,
        ["size"] = file.Size,
        ["sha256"] = file.Sha256,
        ["run_id"] = file.RunId,
        ["task_id"] = file.TaskId,
        ["created_at"] = JsonResponse.Time(file.CreatedAt),
    };

    public void Dispose()
    {
        if (!ownsDirectory)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
