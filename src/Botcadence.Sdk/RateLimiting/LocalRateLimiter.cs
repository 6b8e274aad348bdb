using System.Threading.RateLimiting;

namespace Botcadence.Sdk.RateLimiting;

/// <summary>
/// A <see cref="BotCadenceRateLimiter"/> for one process: every client using this instance shares its count. When several
/// processes use the same key, use the Redis limiter of the <c>Botcadence.Sdk.Redis</c> package instead.
/// </summary>
public sealed class LocalRateLimiter : BotCadenceRateLimiter
{
    private readonly object _gate = new();
    private readonly RateLimitState _state;
    private readonly BotCadenceRateLimiterOptions _options;
    private readonly TimeProvider _timeProvider;
    private long _lastUseTimestamp;

    /// <summary>Creates the limiter.</summary>
    /// <param name="options">The settings (defaults when null).</param>
    /// <param name="timeProvider">The clock (default: the system clock).</param>
    public LocalRateLimiter(BotCadenceRateLimiterOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new BotCadenceRateLimiterOptions();
        _options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _state = new RateLimitState(_options.InitialLimit, (long)_options.InitialWindow.TotalMilliseconds);
        _lastUseTimestamp = _timeProvider.GetTimestamp();
    }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => _timeProvider.GetElapsedTime(Interlocked.Read(ref _lastUseTimestamp));

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _state.Remaining,
                TotalSuccessfulLeases = TotalGranted,
                TotalFailedLeases = TotalRefused,
            };
        }
    }

    /// <inheritdoc />
    public override ValueTask ObserveAsync(RateLimitFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        lock (_gate)
        {
            _state.Observe(_timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), feedback);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var wait = TryAcquire(permitCount);
        return wait == 0 ? Grant() : Refuse(TimeSpan.FromMilliseconds(wait));
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            var wait = TryAcquire(permitCount);
            if (wait == 0)
            {
                return Grant();
            }

            var delay = TimeSpan.FromMilliseconds(wait);
            if (_timeProvider.GetElapsedTime(started) + delay > _options.MaxWait)
            {
                return Refuse(delay);
            }

            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private long TryAcquire(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        Interlocked.Exchange(ref _lastUseTimestamp, _timeProvider.GetTimestamp());
        lock (_gate)
        {
            return _state.TryAcquire(_timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), permitCount, (long)_options.SafetyMargin.TotalMilliseconds);
        }
    }
}
