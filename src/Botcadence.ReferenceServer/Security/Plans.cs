namespace Botcadence.ReferenceServer.Security;

/// <summary>Plan names, lowest first.</summary>
internal static class Plans
{
    public const string Free = "free";
    public const string Starter = "starter";
    public const string Pro = "pro";
    public const string Business = "business";
    public const string Enterprise = "enterprise";

    public static IReadOnlyList<string> All { get; } = [Free, Starter, Pro, Business, Enterprise];

    /// <summary>True when <paramref name="plan"/> is <paramref name="required"/> or above (free &lt; starter &lt; pro &lt; business &lt; enterprise).</summary>
    public static bool Includes(string plan, string required)
    {
        var index = IndexOf(plan);
        return index >= 0 && index >= (IndexOf(required) is >= 0 and var r ? r : int.MaxValue);
    }

    private static int IndexOf(string plan)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == plan)
            {
                return i;
            }
        }

        return -1;
    }
}
