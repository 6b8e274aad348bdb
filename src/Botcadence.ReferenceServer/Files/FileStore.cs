namespace Botcadence.ReferenceServer.Files;

/// <summary>
/// File metadata in memory, content on disk in a temporary directory (removed on dispose), so large uploads never
/// live in memory.
/// </summary>
internal sealed class FileStore : OrganizationScopedStore<FileMetadata>, IDisposable
{
    private readonly bool _ownsDirectory;

    public FileStore(ReferenceServerOptions options)
        : base("File")
    {
        MaxFileBytes = options.MaxFileBytes;
        _ownsDirectory = options.FileStorageDirectory is null;
        Directory = options.FileStorageDirectory ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "botcadence-files-" + Ids.Hex(6));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public long MaxFileBytes { get; }

    public string NewTempPath() => System.IO.Path.Combine(Directory, Ids.Hex(12) + ".part");

    public void Dispose()
    {
        if (!_ownsDirectory)
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
