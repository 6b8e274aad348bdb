namespace Botcadence.ReferenceServer.Core;

/// <summary>The server's notion of time and its tunables, shared by every component.</summary>
internal sealed class ServerClock(ReferenceServerOptions options)
{
    public TimeProvider TimeProvider { get; } = options.TimeProvider;

    public TimeSpan StepDuration { get; } = options.StepDuration;

    /// <summary>Now, truncated to whole milliseconds so stored times equal what the wire shows (filters and cursors agree with the JSON).</summary>
    public DateTimeOffset UtcNow
    {
        get
        {
            var now = TimeProvider.GetUtcNow().ToUniversalTime();
            return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        }
    }
}
