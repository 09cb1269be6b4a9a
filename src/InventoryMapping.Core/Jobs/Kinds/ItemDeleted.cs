
namespace InventoryMapping.Jobs.Kinds;

/// <summary>A deleted item, and the jobs (one per channel) unlinking the listings that were linked to it.</summary>
public sealed record ItemDeleted(string ItemId, IReadOnlyList<Job> UnlinkJobs);
