using System.Globalization;

namespace Botcadence.Sdk;

/// <summary>Formats instants for query strings: UTC ISO-8601, whatever the current culture.</summary>
internal static class Iso8601
{
    public static string? Format(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
