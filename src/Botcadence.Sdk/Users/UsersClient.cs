namespace Botcadence.Sdk;

/// <summary>Users: the members of the organization.</summary>
public interface IUsersClient
{
    /// <summary>Lists the organization's members, newest first (scope <c>users:read</c>).</summary>
    /// <param name="options">Filters and page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The members, enumerable item by item or page by page.</returns>
    AsyncPageable<User> ListAsync(UserListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
internal sealed class UsersClient : IUsersClient
{
    private readonly ClientCore _core;
    private readonly IUsersApi _api;

    public UsersClient(ClientCore core, IUsersApi api)
    {
        _core = core;
        _api = api;
    }

    public AsyncPageable<User> ListAsync(UserListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var role = options?.Role?.Value;
        var pageSize = options?.PageSize;
        return _core.PageStyle("Users.List", requestOptions, (call, page, perPage, ct) => _api.ListAsync(page, perPage, role, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeUser, pageSize, cancellationToken, options?.PrefetchNextPage == true);
    }
}
