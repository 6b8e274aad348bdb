namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>Stored first responses per (organization, Idempotency-Key), kept 24 h on the server clock.</summary>
internal sealed class IdempotencyStore(ServerClock clock)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Org, string Key), Entry> _entries = [];

    /// <summary>Claims the key; returns the existing entry if there is one (in flight or completed).</summary>
    public Entry? TryBegin(string organizationId, string key, string fingerprint)
    {
        var now = clock.UtcNow;
        lock (_gate)
        {
            if (_entries.TryGetValue((organizationId, key), out var existing))
            {
                if (existing.Response is null || existing.ExpiresAt > now)
                {
                    return existing;
                }

                _entries.Remove((organizationId, key));
            }

            if (_entries.Count > 10_000)
            {
                foreach (var stale in _entries.Where(e => e.Value.Response is not null && e.Value.ExpiresAt <= now).Select(e => e.Key).ToList())
                {
                    _entries.Remove(stale);
                }
            }

            _entries[(organizationId, key)] = new Entry(fingerprint);
            return null;
        }
    }

    public void Complete(string organizationId, string key, StoredResponse response)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((organizationId, key), out var entry))
            {
                entry.Response = response;
                entry.ExpiresAt = clock.UtcNow + Retention;
            }
        }
    }

    public void Abandon(string organizationId, string key)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((organizationId, key), out var entry) && entry.Response is null)
            {
                _entries.Remove((organizationId, key));
            }
        }
    }

    public sealed class Entry(string fingerprint)
    {
        public string Fingerprint { get; } = fingerprint;

        public StoredResponse? Response { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }
    }
}

/// <summary>A response as replayed to a repeated idempotent request.</summary>
internal sealed record StoredResponse(int Status, string? ContentType, string? Location, byte[] Body);
