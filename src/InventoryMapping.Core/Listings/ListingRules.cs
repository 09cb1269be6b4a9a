using InventoryMapping.Listings.Storage;
using InventoryMapping.Storage;

namespace InventoryMapping.Listings;

/// <summary>What makes a valid listing, and how Amazon's description of one applies to its row.</summary>
internal static class ListingRules
{
    public const int MaxTitleLength = 1000;

    /// <summary>ASINs are 10 characters; other product ids (EAN, UPC, ISBN) fit too.</summary>
    public const int MaxAsinLength = 40;

    /// <summary>Amazon's report fields (status, ids, dates, fulfillment channel) are short; 200 bounds them well under Table Storage's 64 KiB.</summary>
    public const int MaxAmazonFieldLength = 200;

    /// <summary>The listing with Amazon's fields from <paramref name="input"/>; a new one if <paramref name="current"/> is null.</summary>
    internal static ListingEntity Apply(ListingEntity? current, ListingInput input, string channelId, DateTimeOffset now)
    {
        var listingId = ListingIds.FromSku(input.Sku!);
        var next = current ?? new ListingEntity
        {
            PartitionKey = ListingPartition.PartitionKeyOf(channelId, listingId),
            RowKey = listingId,
            Sku = input.Sku!,
            CreatedAt = now,
        };
        next.Title = input.Title!;
        next.Asin = input.Asin;
        next.Price = ListingMapping.FormatPrice(input.Price);
        next.IsFba = input.IsFba ?? false;
        next.Quantity = next.IsFba ? null : input.Quantity;
        next.IsActive = input.Status != ListingStatus.Inactive;
        next.IsListed = true;
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
        a.Title == b.Title && a.Asin == b.Asin && a.Price == b.Price && a.IsFba == b.IsFba && a.Quantity == b.Quantity && a.IsActive == b.IsActive && a.IsListed == b.IsListed
        && a.Status == b.Status && a.AmazonListingId == b.AmazonListingId && a.ProductId == b.ProductId && a.ProductIdType == b.ProductIdType
        && a.OpenDate == b.OpenDate && a.FulfillmentChannel == b.FulfillmentChannel;

    internal static DomainError? Check(ListingInput input)
    {
        if (AmazonSku.Problem(input.Sku) is { } sku)
        {
            return DomainError.Invalid("sku", sku);
        }

        if (input.Title is null)
        {
            return DomainError.Invalid("title", $"title is required: at most {MaxTitleLength} characters, no control characters.");
        }

        if (TextRules.FreeTextProblem("title", input.Title, MaxTitleLength) is { } title)
        {
            return DomainError.Invalid("title", title);
        }

        if (TextRules.IdentifierProblem("asin", input.Asin, MaxAsinLength) is { } asin && input.Asin is not null)
        {
            return DomainError.Invalid("asin", asin);
        }

        if (input.Amazon is { } amazon)
        {
            foreach (var (field, value) in new[]
            {
                ("amazon.status", amazon.Status), ("amazon.listingId", amazon.ListingId), ("amazon.productId", amazon.ProductId),
                ("amazon.productIdType", amazon.ProductIdType), ("amazon.openDate", amazon.OpenDate), ("amazon.fulfillmentChannel", amazon.FulfillmentChannel),
            })
            {
                if (TextRules.FreeTextProblem(field, value, MaxAmazonFieldLength) is { } problem)
                {
                    return DomainError.Invalid(field, problem);
                }
            }
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
