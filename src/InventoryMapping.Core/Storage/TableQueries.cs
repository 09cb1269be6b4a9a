using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Storage;

public static class TableQueries
{
    /// <summary>
    /// One page of a query from <paramref name="continuation"/>: one storage request. It may hold fewer rows than
    /// asked, even none, while a continuation token says more may follow (pages also end at partition boundaries).
    /// </summary>
    public static async Task<Page<T>> ReadPageAsync<T>(
        this TableClient table, string filter, string? continuation, int pageSize, CancellationToken cancellationToken, IEnumerable<string>? select = null)
        where T : class, ITableEntity
    {
        await foreach (var page in table.QueryAsync<T>(filter, pageSize, select, cancellationToken).AsPages(continuation))
        {
            return page;
        }

        return Page<T>.FromValues([], continuationToken: null, response: null!);
    }
}
