namespace Botcadence.Sdk;

/// <summary>The two ways the service pages a list; the continuation tokens of <see cref="AsyncPageable{T}.FromValues"/> follow it.</summary>
public enum PagingStyle
{
    /// <summary>Numbered pages with a total count (<c>page</c>, <c>per_page</c>, <c>total</c>): tokens are <c>"{page}:{perPage}"</c>.</summary>
    Page = 0,

    /// <summary>An opaque cursor per page (<c>next_cursor</c>, <c>has_more</c>), no total count.</summary>
    Cursor = 1,
}
