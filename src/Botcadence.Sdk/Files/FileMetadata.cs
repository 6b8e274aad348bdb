using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>What the service knows about an uploaded file.</summary>
public sealed class FileMetadata : BotCadenceResult
{
    /// <summary>The file's id (opaque, e.g. <c>file_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The file name given at upload.</summary>
    [JsonInclude, JsonPropertyName("filename")] public string FileName { get; internal set; } = string.Empty;

    /// <summary>The media type given at upload (default <c>application/octet-stream</c>).</summary>
    [JsonInclude] public string ContentType { get; internal set; } = string.Empty;

    /// <summary>The size in bytes.</summary>
    [JsonInclude] public long Size { get; internal set; }

    /// <summary>The lower-case hex SHA-256 of the content, computed by the service.</summary>
    [JsonInclude] public string Sha256 { get; internal set; } = string.Empty;

    /// <summary>The run the file is attached to.</summary>
    [JsonInclude] public string? RunId { get; internal set; }

    /// <summary>The task of that run it is attached to.</summary>
    [JsonInclude] public string? TaskId { get; internal set; }

    /// <summary>When it was uploaded.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }
}

/// <summary>Options of <c>Files.UploadAsync</c>.</summary>
public sealed class FileUploadOptions
{
    /// <summary>Attaches the file to this run.</summary>
    public string? RunId { get; set; }

    /// <summary>Attaches the file to this task of <see cref="RunId"/>.</summary>
    public string? TaskId { get; set; }

    /// <summary>Told the number of content bytes sent so far, after each chunk.</summary>
    public IProgress<long>? Progress { get; set; }
}
