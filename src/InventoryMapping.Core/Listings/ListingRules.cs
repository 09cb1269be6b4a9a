using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Listings;

/// <summary>What makes a valid listing, and how Amazon's description of one applies to its row.</summary>
internal static class ListingRules
{
    public const int MaxTitleLength = 1000;

    /// <summary>The listing with Amazon's fields from <paramref name="input"/>; a new one if <paramref name="current"/> is null.</summary>
    internal static ListingEntity Apply(ListingEntity? current, ListingInput input, string channelId, DateTimeOffset now)
    {
        var listingId = ListingIds.FromSku(input.Sku!);
        var next = current ?? new ListingEntity
        {
            PartitionKey = ListingShard.PartitionKeyOf(channelId, listingId),
            RowKey = listingId,
            Sku = input.Sku!,
            CreatedAt = now,
        };
        next.Title = input.Title!;
        next.Asin = input.Asin;
        next.Price = ListingMapping.FormatPrice(input.Price);
        next.IsFba = input.IsFba ?? false;
        next.Quantity = next.IsFba ? null : input.Quantity;
        next.IsActive = input.IsActive ?? true;
        if (input.Amazon is { } amazon)
        {
            next.Status = amazon.Status;
            next.AmazonListingId = amazon.ListingId;
            next.ProductId = amazon.ProductId;
            next.ProductIdType = amazon.ProductIdType;
            next.OpenDate = amazon.OpenDate;
            next.FulfillmentChannel = amazon.FulfillmentChannel;
        }

        next.UpdatedAt = now;
        return next;
    }

    internal static bool SameAmazonFields(ListingEntity a, ListingEntity b) =>
        a.Title == b.Title && a.Asin == b.Asin && a.Price == b.Price && a.IsFba == b.IsFba && a.Quantity == b.Quantity && a.IsActive == b.IsActive
        && a.Status == b.Status && a.AmazonListingId == b.AmazonListingId && a.ProductId == b.ProductId && a.ProductIdType == b.ProductIdType
        && a.OpenDate == b.OpenDate && a.FulfillmentChannel == b.FulfillmentChannel;

    internal static DomainError? Check(ListingInput input)
    {
        if (AmazonSku.Problem(input.Sku) is { } sku)
        {
            return DomainError.Invalid("sku", sku);
        }

        if (input.Title is null || input.Title.Length > MaxTitleLength || input.Title.Any(char.IsControl))
        {
            return DomainError.Invalid("title", $"title is required: at most {MaxTitleLength} characters, no control characters.");
        }

        if (input.Price is < 0)
        {
            return DomainError.Invalid("price", "price may not be negative.");
        }

        if (input.Quantity is < 0)
        {
            return DomainError.Invalid("quantity", "quantity may not be negative.");
        }

        return null;
    }
}
