using System.Buffers;
using System.Net.Http.Headers;

namespace Botcadence.Sdk;

/// <summary>Files: streamed upload and download of attachments, and their metadata.</summary>
public interface IFilesClient
{
    /// <summary>
    /// Uploads a file as <c>multipart/form-data</c> (scope <c>files:write</c>), streaming <paramref name="content"/> from its
    /// current position in chunks without buffering it, so any stream works, including non-seekable ones. The upload is
    /// sent once and never retried (a stream cannot be replayed): on a transient failure, retry yourself with a fresh
    /// stream. A file over the service's limit is a <see cref="BotCadenceException"/> with status 413.
    /// </summary>
    /// <param name="content">The bytes to upload; read to its end, not disposed.</param>
    /// <param name="fileName">The file name to store.</param>
    /// <param name="contentType">The media type; <c>application/octet-stream</c> when null.</param>
    /// <param name="options">Run and task to attach to, and a progress callback.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The stored file's metadata, with the service's SHA-256.</returns>
    Task<FileMetadata> UploadAsync(Stream content, string fileName, string? contentType = null, FileUploadOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a file's content for reading (scope <c>files:read</c>). The body is not buffered and not retried once the
    /// headers arrived: read <see cref="FileDownload.Content"/> and dispose the result to release the connection. A
    /// download cut off mid-way surfaces as a <see cref="BotCadenceNetworkException"/> thrown by a read of that stream;
    /// call again (a range-less download restarts from the beginning).
    /// </summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request (until the headers arrive; pass a token to your reads too).</param>
    /// <returns>The content stream with its content type, length, file name and the call's response; the caller disposes it.</returns>
    Task<FileDownload> DownloadAsync(string fileId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Copies a file's content into <paramref name="destination"/> in chunks (scope <c>files:read</c>).</summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="destination">Where to write the content; not disposed.</param>
    /// <param name="progress">Told the number of bytes received so far, after each chunk.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes copied.</returns>
    Task<long> DownloadToAsync(string fileId, Stream destination, IProgress<long>? progress = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a file's metadata (scope <c>files:read</c>).</summary>
    /// <param name="fileId">The file's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The metadata.</returns>
    Task<FileMetadata> GetMetadataAsync(string fileId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
internal sealed class FilesClient : IFilesClient
{
    private readonly ClientCore _core;
    private readonly IFilesApi _api;

    public FilesClient(ClientCore core, IFilesApi api)
    {
        _core = core;
        _api = api;
    }

    public async Task<FileMetadata> UploadAsync(Stream content, string fileName, string? contentType = null, FileUploadOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        if (!content.CanRead)
        {
            throw new ArgumentException("The content stream must be readable.", nameof(content));
        }

        using var multipart = new MultipartFormDataContent();
        var file = new StreamingUploadContent(content, options?.Progress);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType);
        if (!string.IsNullOrEmpty(options?.RunId))
        {
            multipart.Add(new StringContent(options.RunId), "run_id");
        }

        if (!string.IsNullOrEmpty(options?.TaskId))
        {
            multipart.Add(new StringContent(options.TaskId), "task_id");
        }

        multipart.Add(file, "file", fileName);
        // The one non-replayable call: a streamed body cannot be sent twice.
        var upload = new CallContext("Files.Upload", requestOptions, replayable: false);
        return await _core.ReadAsync(upload, (call, ct) => _api.UploadAsync(multipart, call, ct), BotCadenceJsonContext.Default.FileMetadata, cancellationToken).ConfigureAwait(false);
    }

    public async Task<FileDownload> DownloadAsync(string fileId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        var (response, info) = await _core.ReceiveStreamingAsync("Files.Download", requestOptions, (call, ct) => _api.DownloadAsync(fileId, call, ct), cancellationToken).ConfigureAwait(false);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var headers = response.Content.Headers;
            var fileName = headers.ContentDisposition?.FileNameStar ?? headers.ContentDisposition?.FileName?.Trim('"');
            return new FileDownload(new ResponseStream(response, body), headers.ContentType?.ToString(), headers.ContentLength, fileName, info);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            response.Dispose();
            throw new BotCadenceNetworkException($"The connection failed while opening the file: {ex.Message}", ex) { Response = info, Attempts = info.Attempts };
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task<long> DownloadToAsync(string fileId, Stream destination, IProgress<long>? progress = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var download = await DownloadAsync(fileId, requestOptions, cancellationToken).ConfigureAwait(false);
        await using (download.ConfigureAwait(false))
        {
            var source = download.Content;
            var buffer = ArrayPool<byte>.Shared.Rent(StreamingUploadContent.ChunkSize);
            try
            {
                long total = 0;
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(0, StreamingUploadContent.ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    total += read;
                    progress?.Report(total);
                }

                return total;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public Task<FileMetadata> GetMetadataAsync(string fileId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        return _core.ReadAsync("Files.GetMetadata", requestOptions, (call, ct) => _api.GetMetadataAsync(fileId, call, ct), BotCadenceJsonContext.Default.FileMetadata, cancellationToken);
    }
}
