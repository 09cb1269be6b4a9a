namespace InventoryMapping.Jobs;

/// <summary>
/// The files of an import job: the file it read (<c>imports/{channelId}/{name}.csv</c>), and under
/// <c>imports-results/</c> its errors CSV (when rows were rejected) and its result document, once written.
/// </summary>
public sealed record ImportFiles(string Source, string? Errors, string? Result);
