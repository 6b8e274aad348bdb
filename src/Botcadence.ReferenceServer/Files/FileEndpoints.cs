using System.Security.Cryptography;
using System.Text;
using Botcadence.ReferenceServer.Runs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Botcadence.ReferenceServer.Files;

/// <summary>/v1/files routes: multipart upload streamed to disk, streamed download, metadata.</summary>
internal static class FileEndpoints
{
    private const int MultipartSlackBytes = 64 * 1024;
    private const int MaxFieldBytes = 1024;

    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/files");
        group.MapPost("", UploadAsync).RequireScope(Scopes.FilesWrite).StreamsRequestBody();
        group.MapGet("/{fileId}", DownloadAsync).RequireScope(Scopes.FilesRead);
        group.MapGet("/{fileId}/metadata", Metadata).RequireScope(Scopes.FilesRead);
    }

    private static ApiError TooLarge(long max) =>
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.InvalidRequest, $"The file is larger than the maximum of {max} bytes.") { Field = "file" };

    private static async Task<IResult> UploadAsync(HttpContext context, FileStore store, RunStore runs, ServerClock clock)
    {
        var max = store.MaxFileBytes;
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = max + MultipartSlackBytes;
        }

        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(new ApiError(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.InvalidRequest,
                $"Unsupported Content-Type '{request.ContentType ?? "(none)"}'; send multipart/form-data with a 'file' part."));
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
        {
            throw new ApiException(ApiError.BadRequest("The multipart boundary is missing or too long."));
        }

        if (request.ContentLength is { } length && length > max + MultipartSlackBytes)
        {
            throw new ApiException(TooLarge(max));
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        string? runId = null, taskId = null, fileName = null, contentType = null, sha256 = null, tempPath = null;
        long size = 0;
        try
        {
            MultipartSection? section;
            while ((section = await ReadSectionAsync(reader, context.RequestAborted).ConfigureAwait(false)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || StringSegment.IsNullOrEmpty(disposition.Name))
                {
                    throw new ApiException(ApiError.BadRequest("Every multipart section needs 'Content-Disposition: form-data; name=…'."));
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                switch (name)
                {
                    case "file":
                        if (tempPath is not null)
                        {
                            throw new ApiException(ApiError.BadRequest("Send exactly one 'file' part.", "file"));
                        }

                        fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                        fileName = string.IsNullOrWhiteSpace(fileName) ? "file" : Path.GetFileName(fileName.Replace('\\', '/'));
                        contentType = string.IsNullOrWhiteSpace(section.ContentType) ? "application/octet-stream" : section.ContentType.Trim();

                        // Served back as the download's Content-Type, so it must be a header value Kestrel can write.
                        if (contentType.Length > 200 || contentType.Any(c => c is < ' ' or > '~')
                            || !MediaTypeHeaderValue.TryParse(contentType, out var partType) || partType.MediaType.IndexOf('/') <= 0)
                        {
                            throw new ApiException(ApiError.BadRequest("The 'file' part's Content-Type is not a valid media type.", "file"));
                        }

                        tempPath = store.NewTempPath();
                        (size, sha256) = await CopyToDiskAsync(section.Body, tempPath, max, context.RequestAborted).ConfigureAwait(false);
                        break;
                    case "run_id":
                        runId = await ReadFieldAsync(section, name, context.RequestAborted).ConfigureAwait(false);
                        break;
                    case "task_id":
                        taskId = await ReadFieldAsync(section, name, context.RequestAborted).ConfigureAwait(false);
                        break;
                    default:
                        var discard = new byte[16 * 1024];
                        while (await ReadPartAsync(section.Body, discard, context.RequestAborted).ConfigureAwait(false) > 0)
                        {
                        }

                        break;
                }
            }

            if (tempPath is null)
            {
                throw Fields.Required("file");
            }

            var org = context.Caller().OrganizationId;
            if (!string.IsNullOrEmpty(taskId) && string.IsNullOrEmpty(runId))
            {
                throw Fields.Invalid("task_id", "'task_id' needs a 'run_id'.");
            }

            if (!string.IsNullOrEmpty(runId))
            {
                var run = runs.Require(org, runId);
                if (!string.IsNullOrEmpty(taskId) && run.Tasks.All(t => t.Id != taskId))
                {
                    throw Fields.Invalid("task_id", $"Run {run.Id} has no task {taskId}.");
                }
            }

            var id = Ids.New("file");
            var finalPath = Path.Combine(store.Directory, id);
            File.Move(tempPath, finalPath);
            tempPath = null;
            var file = new FileMetadata(id, org, store.NextSequence(), fileName!, contentType!, size, sha256!,
                string.IsNullOrEmpty(runId) ? null : runId, string.IsNullOrEmpty(taskId) ? null : taskId, clock.UtcNow, finalPath);
            store.Add(file);
            return ApiResults.Created(file.ToJson(), "/v1/files/" + file.Id);
        }
        finally
        {
            if (tempPath is not null)
            {
                TryDelete(tempPath);
            }
        }
    }

    private static async Task<MultipartSection?> ReadSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            throw new ApiException(ApiError.BadRequest("The multipart body is malformed: " + ex.Message));
        }
        catch (InvalidDataException ex)
        {
            throw new ApiException(ApiError.BadRequest("The multipart body is malformed: " + ex.Message));
        }
    }

    /// <summary>
    /// Reads from a section's body. A body cut off before its closing boundary, or otherwise malformed, is the client's
    /// fault: 400, not 500. (A connection that ends early surfaces as Kestrel's own 400 <see cref="BadHttpRequestException"/>.)
    /// </summary>
    private static async ValueTask<int> ReadPartAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            throw new ApiException(ApiError.BadRequest("The multipart body is truncated or malformed: " + ex.Message));
        }
        catch (InvalidDataException ex)
        {
            throw new ApiException(ApiError.BadRequest("The multipart body is truncated or malformed: " + ex.Message));
        }
    }

    private static async Task<(long Size, string Sha256)> CopyToDiskAsync(Stream body, string path, long max, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
        {
            int read;
            while ((read = await ReadPartAsync(body, buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                size += read;
                if (size > max)
                {
                    throw new ApiException(TooLarge(max));
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, string name, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var total = 0;
        int read;
        while (total <= MaxFieldBytes && (read = await ReadPartAsync(section.Body, buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        if (total > MaxFieldBytes)
        {
            throw Fields.Invalid(name, $"'{name}' is too long.");
        }

        return Encoding.UTF8.GetString(buffer, 0, total).Trim();
    }

    private static async Task DownloadAsync(HttpContext context, string fileId, FileStore store)
    {
        var file = store.Require(context.Caller().OrganizationId, fileId);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = file.ContentType;
        response.ContentLength = file.Size;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers["X-Content-SHA256"] = file.Sha256;
        await response.SendFileAsync(file.Path, context.RequestAborted).ConfigureAwait(false);
    }

    private static IResult Metadata(HttpContext context, string fileId, FileStore store) =>
        ApiResults.Ok(store.Require(context.Caller().OrganizationId, fileId).ToJson());

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
