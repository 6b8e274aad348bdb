using Refit;

namespace Botcadence.Sdk;

/// <summary>The Files endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface IFilesApi
{
    /// <summary>The content is a streamed multipart body; the property marks the request as never to be retried.</summary>
    [Post("/files")]
    Task<HttpResponseMessage> UploadAsync([Body] HttpContent content, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    /// <summary>Refit sends with <see cref="HttpCompletionOption.ResponseHeadersRead"/> and hands back the unread response: the body streams.</summary>
    [Get("/files/{fileId}")]
    Task<HttpResponseMessage> DownloadAsync(string fileId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/files/{fileId}/metadata")]
    Task<HttpResponseMessage> GetMetadataAsync(string fileId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);
}
