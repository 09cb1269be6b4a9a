namespace InventoryMapping.Imports;

/// <summary>
/// What an import job reads (stored on the job): the blob <paramref name="Name"/> (<c>{channelId}/{name}.csv</c> in
/// the imports container), the version it started on (<paramref name="ETag"/>, every read is of that version) and
/// its length, and the options.
/// </summary>
internal sealed record ImportParameters(string Name, string ETag, long Length, ImportOptions Options)
{
    public int Version { get; init; } = 1;

    /// <summary>Why the options that came with the file (its metadata or sidecar) were refused; the import fails with it.</summary>
    public string? OptionsError { get; init; }
}
