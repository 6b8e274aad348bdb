namespace Botcadence.Sdk;

/// <summary>
/// An open file download: the content stream (not buffered) with what the response said about it. Dispose it to release
/// the connection. A read of <see cref="Content"/> that fails because the connection broke mid-way throws
/// <see cref="BotCadenceNetworkException"/>; the SDK does not retry a download after its headers arrived.
/// </summary>
public sealed class FileDownload : IDisposable, IAsyncDisposable
{
    internal FileDownload(Stream content, string? contentType, long? contentLength, string? fileName, ResponseInfo response)
    {
        Content = content;
        ContentType = contentType;
        ContentLength = contentLength;
        FileName = fileName;
        Response = response;
    }

    /// <summary>The file's bytes, read as they arrive.</summary>
    public Stream Content { get; }

    /// <summary>The <c>Content-Type</c> the service sent, when it sent one.</summary>
    public string? ContentType { get; }

    /// <summary>The <c>Content-Length</c>, when the service sent one.</summary>
    public long? ContentLength { get; }

    /// <summary>The file name from <c>Content-Disposition</c>, when the service sent one.</summary>
    public string? FileName { get; }

    /// <summary>Status, request id, rate limits, headers and attempts of the download call.</summary>
    public ResponseInfo Response { get; }

    /// <summary>Closes the stream and releases the connection.</summary>
    public void Dispose() => Content.Dispose();

    /// <summary>Closes the stream and releases the connection.</summary>
    /// <returns>A task that completes when the stream is closed.</returns>
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
