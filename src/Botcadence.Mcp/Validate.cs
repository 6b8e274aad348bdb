namespace Botcadence.Mcp;

/// <summary>Argument checks the JSON schema cannot express; failures are tool errors the assistant can correct.</summary>
internal static class Validate
{
    public const int MaxLimit = 100;

    public static void Limit(int limit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new ToolFailureException($"Invalid arguments: 'limit' must be between 1 and {MaxLimit}, got {limit}.");
        }
    }

    public static void Id(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ToolFailureException($"Invalid arguments: '{name}' is required and must not be empty.");
        }
    }
}
