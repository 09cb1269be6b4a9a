using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Storage;

/// <summary>
/// The one place that writes under an ETag and decodes the answer: <see cref="WriteOutcome.Written"/> (the entity
/// now carries its new ETag), <see cref="WriteOutcome.Conflict"/> (409, 412) or <see cref="WriteOutcome.Missing"/>
/// (404). Any other failure is unexpected and throws.
/// </summary>
public static class ConditionalWrites
{
    /// <summary>Inserts <paramref name="entity"/> if it has no ETag (it was never read), else replaces it under its ETag.</summary>
    public static Task<WriteOutcome> TryWriteAsync<T>(this TableClient table, T entity, CancellationToken cancellationToken)
        where T : ITableEntity =>
        entity.ETag == default ? table.TryAddAsync(entity, cancellationToken) : table.TryReplaceAsync(entity, entity.ETag, cancellationToken);

    /// <summary>Inserts <paramref name="entity"/>; <see cref="WriteOutcome.Conflict"/> if the row exists.</summary>
    public static async Task<WriteOutcome> TryAddAsync<T>(this TableClient table, T entity, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            entity.ETag = NewETag(response);
            return WriteOutcome.Written;
        }
        catch (RequestFailedException e) when (Decode(e) is { } outcome)
        {
            return outcome;
        }
    }

    /// <summary>Replaces the row if it is still at <paramref name="ifMatch"/> (<see cref="ETag.All"/>: whatever it is at).</summary>
    public static async Task<WriteOutcome> TryReplaceAsync<T>(this TableClient table, T entity, ETag ifMatch, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        try
        {
            var response = await table.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            entity.ETag = NewETag(response);
            return WriteOutcome.Written;
        }
        catch (RequestFailedException e) when (Decode(e) is { } outcome)
        {
            return outcome;
        }
    }

    /// <summary>Deletes the row if it is still at <paramref name="ifMatch"/> (<see cref="ETag.All"/>: whatever it is at).</summary>
    public static async Task<WriteOutcome> TryDeleteAsync(this TableClient table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            // The SDK answers a delete of a missing row with its 404 response instead of throwing.
            var response = await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken).ConfigureAwait(false);
            return response.Status == 404 ? WriteOutcome.Missing : WriteOutcome.Written;
        }
        catch (RequestFailedException e) when (Decode(e) is { } outcome)
        {
            return outcome;
        }
    }

    /// <summary>
    /// Submits one entity-group transaction (all or nothing). Written: every entity written carries its new ETag.
    /// Conflict or missing: nothing was written, and <see cref="TransactionOutcome.FailedAction"/> says which action failed.
    /// </summary>
    public static async Task<TransactionOutcome> TrySubmitAsync(this TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            var responses = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < actions.Count; i++)
            {
                if (actions[i].ActionType != TableTransactionActionType.Delete)
                {
                    actions[i].Entity.ETag = NewETag(responses.Value[i]);
                }
            }

            return TransactionOutcome.Written;
        }
        catch (TableTransactionFailedException e) when (Decode(e) is { } outcome)
        {
            return new TransactionOutcome(outcome, e.FailedTransactionActionIndex);
        }
    }

    private static ETag NewETag(Response response) => response.Headers.ETag ?? default;

    private static WriteOutcome? Decode(RequestFailedException e) => e.Status switch
    {
        409 or 412 => WriteOutcome.Conflict,
        404 => WriteOutcome.Missing,
        _ => null,
    };
}
