using InventoryMapping.Channels;
using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;

namespace InventoryMapping.Listings;

/// <summary>Reading a channel's listings, and recording listings as Amazon describes them.</summary>
public sealed class ListingService(ChannelStore channels, ListingStore listings, ListingWriter writer, TimeProvider clock)
{
    public async Task<Result<Listing>> GetAsync(string channelId, string listingId, bool includeSyncStatus, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(channelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        var listing = ListingIds.TryGetSku(listingId, out _) ? await listings.GetAsync(channelId, listingId, includeSyncStatus, cancellationToken) : null;
        return listing is null ? DomainError.NotFound("Listing", listingId) : listing;
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

        return await listings.QueryAsync(query, token, scope, cancellationToken);
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
        return result.IsSuccess ? (result.Value!.ToListing(channelId, includeSyncStatus: false), created) : result.Error;
    }
}
