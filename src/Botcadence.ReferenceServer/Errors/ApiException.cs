namespace Botcadence.ReferenceServer.Errors;

/// <summary>Thrown anywhere in request handling to answer with an error envelope.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(ApiError error)
        : base(error.Message) => Error = error;

    public ApiException()
        : this(new ApiError(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "Internal error."))
    {
    }

    public ApiException(string message)
        : this(new ApiError(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, message))
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException) =>
        Error = new ApiError(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, message);

    public ApiError Error { get; }

    public static ApiException NotFound(string resource, string id) =>
        new(ApiError.NotFound($"{resource} {id} was not found."));
}
