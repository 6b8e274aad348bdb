namespace Botcadence.ReferenceServer.Core;

/// <summary>Source-generated log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Execution {ExecutionId} crashed")]
    public static partial void ExecutionCrashed(ILogger logger, Exception exception, string executionId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Event subscriber failed for {EventId} {EventType}")]
    public static partial void EventSubscriberFailed(ILogger logger, string eventId, string eventType, Exception exception);
}
