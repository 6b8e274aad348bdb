using System.Globalization;

namespace Botcadence.ReferenceServer.Requests;

/// <summary>Query-string parsing; every bad value is 400 INVALID_REQUEST naming the parameter.</summary>
internal static class Query
{
    public static string? Single(HttpContext context, string name)
    {
        var values = context.Request.Query[name];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw Bad(name, $"Query parameter '{name}' must be given at most once.");
        }

        return values[0];
    }

    public static int Int(HttpContext context, string name, int defaultValue, int min, int max)
    {
        var text = Single(context, name);
        if (text is null)
        {
            return defaultValue;
        }

        // int.TryParse alone accepts trailing NUL characters ("1\0" parses as 1): only an optional sign and ASCII digits pass.
        if (!IsInteger(text) || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Bad(name, $"Query parameter '{name}' must be an integer between {min} and {max}.");
        }

        return value;
    }

    private static bool IsInteger(string text)
    {
        var digits = text.AsSpan(text.Length > 0 && text[0] is '-' or '+' ? 1 : 0);
        return digits.Length is > 0 and <= 11 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    public static string? OneOf(HttpContext context, string name, IReadOnlyCollection<string> allowed)
    {
        var text = Single(context, name);
        if (text is null)
        {
            return null;
        }

        return allowed.Contains(text) ? text : throw Bad(name, $"Query parameter '{name}' must be one of: {string.Join(", ", allowed)}.");
    }

    public static DateTimeOffset? Date(HttpContext context, string name)
    {
        var text = Single(context, name);
        if (text is null)
        {
            return null;
        }

        return TryParseDate(text, out var value) ? value : throw Bad(name, $"Query parameter '{name}' must be an ISO-8601 date or date-time.");
    }

    public static bool TryParseDate(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 10 || !char.IsAsciiDigit(text[0]) || text[4] != '-')
        {
            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return false;
        }

        value = value.ToUniversalTime();
        return true;
    }

    public static ApiException Bad(string name, string message) => new(ApiError.BadRequest(message, name));
}
