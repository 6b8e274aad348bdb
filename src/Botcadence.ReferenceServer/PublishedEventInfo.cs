using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer;

/// <summary>An event published by the server (see <see cref="ReferenceServer.PublishedEvents"/>).</summary>
/// <param name="Id">The event id (<c>evt_…</c>).</param>
/// <param name="Type">The event type, e.g. <c>user.created</c>.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Data">The event's data (a copy).</param>
public sealed record PublishedEventInfo(string Id, string Type, DateTimeOffset Timestamp, JsonObject Data);
