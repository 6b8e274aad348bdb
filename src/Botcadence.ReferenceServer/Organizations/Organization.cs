namespace Botcadence.ReferenceServer.Organizations;

/// <summary>An organization (tenant).</summary>
internal sealed record Organization(string Id, string Name, string Plan, int? RateLimitPerMinute, DateTimeOffset CreatedAt);
