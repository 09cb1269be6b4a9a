namespace InventoryMapping.Inventory;

/// <summary>
/// Inventory search as the API offers it. One registration decides the engine: today the in-process
/// <see cref="InventorySearch"/>; beyond one process's memory, an Azure AI Search client behind the same contract.
/// </summary>
public interface IInventorySearch
{
    Task<Result<InventorySearchPage>> SearchAsync(string? query, int pageSize, string? continuationToken, CancellationToken cancellationToken);
}
