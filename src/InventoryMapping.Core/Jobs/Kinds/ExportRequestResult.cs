namespace InventoryMapping.Jobs.Kinds;

/// <summary>
/// What became of an export request file, written next to the file it asks for
/// (<c>exports/{channelId}/{name}.result.json</c>): the job that writes it, or why the request was refused.
/// </summary>
public sealed record ExportRequestResult(string Request, string Status, string? JobId = null, string? Job = null, string? File = null, DomainError? Error = null)
{
    public const string Started = "started";
    public const string Refused = "refused";
}
