namespace InventoryMapping.Jobs;

/// <summary>
/// A file a job wrote: its blob (container and name, before the storage prefix), how many data rows it has, and
/// when shown to a caller a read-only link valid until <see cref="DownloadUrlExpiresOn"/>;
/// <c>GET /api/jobs/{jobId}/file</c> streams the same file.
/// </summary>
public sealed record JobFile(string Container, string Name, long Rows)
{
    public Uri? DownloadUrl { get; init; }

    public DateTimeOffset? DownloadUrlExpiresOn { get; init; }
}
