using System.Text.Json.Serialization.Metadata;

namespace Botcadence.Sdk;

/// <summary>
/// The two paging styles of the API, reduced to one <see cref="PagedList{T}"/> each: every page is one logical call
/// through <see cref="ClientCore.CallAsync"/> (so retries, timeouts, error mapping and telemetry apply per page).
/// Resource clients call these as <c>_core.PageStyle(…)</c> and <c>_core.CursorStyle(…)</c>.
/// </summary>
internal static class Pager
{
    /// <summary>A page-style list (<c>?page=&amp;per_page=</c>): <paramref name="send"/> requests one page; each page is one call.</summary>
    public static AsyncPageable<T> PageStyle<T>(this ClientCore core, string operation, RequestOptions? options, Func<CallContext, int, int?, CancellationToken, Task<HttpResponseMessage>> send,
        JsonTypeInfo<PageEnvelope<T>> typeInfo, int? pageSize, CancellationToken cancellationToken, bool prefetchNextPage = false) =>
        new PagedList<T>(async (token, sizeHint, ct) =>
        {
            var (page, perPage) = PageTokens.ParsePageToken(token, sizeHint ?? pageSize);
            var (envelope, info) = await ReadPageAsync(core, operation, options, (call, c) => send(call, page, perPage, c), typeInfo, ct).ConfigureAwait(false);
            return PageTokens.ToPageStylePage(envelope, page, perPage, info);
        }, cancellationToken, prefetchNextPage: prefetchNextPage);

    /// <summary>A cursor-style list (<c>?cursor=&amp;limit=</c>): <paramref name="send"/> requests the page after a cursor; each page is one call.</summary>
    public static AsyncPageable<T> CursorStyle<T>(this ClientCore core, string operation, RequestOptions? options, Func<CallContext, string?, int?, CancellationToken, Task<HttpResponseMessage>> send,
        JsonTypeInfo<PageEnvelope<T>> typeInfo, int? pageSize, CancellationToken cancellationToken, bool prefetchNextPage = false) =>
        new PagedList<T>(async (cursor, sizeHint, ct) =>
        {
            var (envelope, info) = await ReadPageAsync(core, operation, options, (call, c) => send(call, cursor, sizeHint ?? pageSize, c), typeInfo, ct).ConfigureAwait(false);
            return PageTokens.ToCursorStylePage(envelope, info);
        }, cancellationToken, prefetchNextPage: prefetchNextPage);

    /// <summary>One page as one call: the envelope (not unwrapped) and the call's response info.</summary>
    private static Task<(PageEnvelope<T> Envelope, ResponseInfo Info)> ReadPageAsync<T>(ClientCore core, string operation, RequestOptions? options,
        Func<CallContext, CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<PageEnvelope<T>> typeInfo, CancellationToken cancellationToken) =>
        core.CallAsync<(PageEnvelope<T>, ResponseInfo), PageReader<T>>(new CallContext(operation, options), send, new PageReader<T>(typeInfo), keepResponse: false, cancellationToken);

    /// <summary>Reads one page's envelope as it came (a list is never unwrapped).</summary>
    private readonly struct PageReader<T>(JsonTypeInfo<PageEnvelope<T>> typeInfo) : ClientCore.IResponseReader<(PageEnvelope<T>, ResponseInfo)>
    {
        public ValueTask<(PageEnvelope<T>, ResponseInfo)> ReadAsync(HttpResponseMessage response, ResponseInfo info, CancellationToken cancellationToken) =>
            response.Content is BufferedContent buffered
                ? new((ClientCore.Deserialize(response, buffered.Body, typeInfo, unwrap: false), info))
                : ReadStreamedAsync(response, info, typeInfo, cancellationToken);

        private static async ValueTask<(PageEnvelope<T>, ResponseInfo)> ReadStreamedAsync(HttpResponseMessage response, ResponseInfo info,
            JsonTypeInfo<PageEnvelope<T>> typeInfo, CancellationToken cancellationToken) =>
            (await ClientCore.DeserializeAsync(response, typeInfo, unwrap: false, cancellationToken).ConfigureAwait(false), info);
    }
}
