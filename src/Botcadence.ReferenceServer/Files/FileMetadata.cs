using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Files;

/// <summary>An uploaded file's metadata; its content lives on disk at <see cref="Path"/>.</summary>
internal sealed record FileMetadata(
    string Id, string OrganizationId, long Sequence,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string? RunId,
    string? TaskId,
    DateTimeOffset CreatedAt,
    string Path) : IOrganizationScoped
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["filename"] = FileName,
        ["content_type"] = ContentType,
        ["size"] = Size,
        ["sha256"] = Sha256,
        ["run_id"] = RunId,
        ["task_id"] = TaskId,
        ["created_at"] = JsonResponse.Time(CreatedAt),
    };
}
