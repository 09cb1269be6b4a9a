namespace InventoryMapping.Inventory;

/// <summary>Validation of item fields; each failure names the API field at fault.</summary>
internal static class ItemRules
{
    /// <summary>As an Amazon SKU: an item SKU no listing could match would be a trap (and 40 keeps every SKU key under 1 KiB).</summary>
    public const int MaxSkuLength = AmazonSku.MaxLength;
    public const int MaxTitleLength = 500;
    public const int MaxDescriptionLength = 4000;

    public static DomainError? Check(ItemDefinition definition)
    {
        if (SkuProblem(definition.Sku) is { } sku)
        {
            return DomainError.Invalid("sku", sku);
        }

        if (definition.Title is null)
        {
            return DomainError.Invalid("title", $"title is required: at most {MaxTitleLength} characters, no control characters.");
        }

        if (TextRules.FreeTextProblem("title", definition.Title, MaxTitleLength) is { } title)
        {
            return DomainError.Invalid("title", title);
        }

        if (definition.PurchasePrice is < 0)
        {
            return DomainError.Invalid("purchasePrice", "purchasePrice may not be negative.");
        }

        if (definition.RetailPrice is < 0)
        {
            return DomainError.Invalid("retailPrice", "retailPrice may not be negative.");
        }

        if (definition.Weight is < 0)
        {
            return DomainError.Invalid("weight", "weight may not be negative.");
        }

        if (definition.TaxRate is { } tax && tax != -1 && tax is < 0 or > 100)
        {
            return DomainError.Invalid("taxRate", "taxRate is a percentage from 0 to 100, or -1 for the system default.");
        }

        if (TextRules.FreeTextProblem("description", definition.Description, MaxDescriptionLength, multiline: true) is { } description)
        {
            return DomainError.Invalid("description", description);
        }

        if (definition.StockLevels?.FirstOrDefault(l => l.Value < 0) is { Key: not null } negative)
        {
            return DomainError.Invalid($"stockLevels.{negative.Key}", "A stock level may not be negative.");
        }

        return null;
    }

    public static string? SkuProblem(string? sku) => AmazonSku.Problem(sku, MaxSkuLength);
}
