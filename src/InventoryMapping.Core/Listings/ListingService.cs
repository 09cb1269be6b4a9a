using InventoryMapping.Channels;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;

namespace InventoryMapping.Listings;

/// <summary>Reading a channel's listings, and recording listings as Amazon describes them.</summary>
public sealed class ListingService(ChannelStore channels, ListingStore listings, ListingWriter writer, LinkedItems linkedItems, Inventory.InventoryStore items, TimeProvider clock)
{
    /// <summary>One listing, with whether the stock sync sends it and the quantity it would send now (and why).</summary>
    public async Task<Result<Listing>> GetAsync(string channelId, string listingId, bool includeSyncStatus, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(channelId, cancellationToken) is not { } channel)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        var row = ListingIds.TryGetSku(listingId, out _) ? await listings.GetEntityAsync(channelId, listingId, cancellationToken) : null;
        if (row is null)
        {
            return ListingIds.NotFound(channelId, listingId);
        }

        var item = row.IsLinked && row.LinkedItemId is { } itemId ? await items.GetAsync(itemId, cancellationToken) : null;
        return await linkedItems.ShowAsync(channelId, row, includeSyncStatus, cancellationToken) with
        {
            SyncEligibility = SyncEligibilityRule.Of(row),
            QuantityToList = item is null ? null : QuantityToList.Of(item.StockLevels, channel.LocationIds, channel.StockRules, row.StockRules()),
        };
    }

    /// <summary>
    /// The channel's listing whose SKU is exactly <paramref name="sku"/> (case and spaces as they are), listed or retired,
    /// as a page of one, or of none: one point read, so a client needs no copy of the listing id encoding.
    /// </summary>
    public async Task<Result<ListingPage>> LookUpAsync(string channelId, string sku, bool includeSyncStatus, CancellationToken cancellationToken)
    {
        if (AmazonSku.Problem(sku) is { } problem)
        {
            return DomainError.Invalid("sku", problem);
        }

        if (await channels.GetAsync(channelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        return await listings.GetEntityAsync(channelId, ListingIds.FromSku(sku), cancellationToken) is { } row
            ? new ListingPage([await linkedItems.ShowAsync(channelId, row, includeSyncStatus, cancellationToken)], null)
            : new ListingPage([], null);
    }

    /// <summary>
    /// A page of listings from where <paramref name="continuationToken"/> says. A token only continues the pages it came
    /// from (same channel and filters); another, a modified or an outdated one is refused, so no client stops early.
    /// </summary>
    public async Task<Result<ListingPage>> QueryAsync(ListingQuery query, string? continuationToken, CancellationToken cancellationToken)
    {
        if (query.PageSize is < 1 or > ListingQuery.MaxPageSize)
        {
            return DomainError.Invalid("pageSize", $"pageSize is 1 to {ListingQuery.MaxPageSize}.");
        }

        if (query.Text is { Length: > 100 })
        {
            return DomainError.Invalid("q", "q has at most 100 characters.");
        }

        var scope = query.Scope;
        if (!PageToken.TryDecode(continuationToken, out var token, scope))
        {
            return DomainError.Invalid(
                "continuationToken", "continuationToken is not one this endpoint returned for these listings and filters (or it was changed).");
        }

        if (await channels.GetAsync(query.ChannelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", query.ChannelId);
        }

        var (rows, next) = await listings.QueryAsync(query, token, scope, cancellationToken);
        return new ListingPage(await linkedItems.ShowAsync(query.ChannelId, rows, query.IncludeSyncStatus, cancellationToken), next);
    }

    /// <summary>Creates the listing or updates Amazon's fields of it; the link, Ignore Sync and sync status stay as they are.</summary>
    public async Task<Result<(Listing Listing, bool Created)>> PutAsync(string channelId, ListingInput input, CancellationToken cancellationToken)
    {
        if (ListingRules.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (await channels.GetAsync(channelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        var listingId = ListingIds.FromSku(input.Sku!);
        var now = clock.GetUtcNow();
        var created = false;
        var result = await writer.UpsertAsync(
            channelId,
            listingId,
            ifMatch: null,
            current =>
            {
                created = current is null;
                var next = ListingRules.Apply(current?.Clone(), input, channelId, now);
                return current is not null && ListingRules.SameAmazonFields(current, next) ? null : next;
            },
            cancellationToken);
        // Unchanged, the upsert answers with the stored row, so there is always one here.
        return result.IsSuccess ? (await linkedItems.ShowAsync(channelId, result.Value!, includeSyncStatus: false, cancellationToken), created) : result.Error;
    }
}
