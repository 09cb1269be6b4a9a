namespace InventoryMapping.Inventory;

/// <summary>Validation of item fields; each failure names the API field at fault.</summary>
internal static class ItemRules
{
    public const int MaxSkuLength = 100;
    public const int MaxTitleLength = 500;
    public const int MaxDescriptionLength = 4000;

    public static DomainError? Check(ItemDefinition definition)
    {
        if (SkuProblem(definition.Sku) is { } sku)
        {
            return DomainError.Invalid("sku", sku);
        }

        if (definition.Title is null || definition.Title.Length > MaxTitleLength || definition.Title.Any(char.IsControl))
        {
            return DomainError.Invalid("title", $"title is required: at most {MaxTitleLength} characters, no control characters.");
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

        if (definition.Description is { Length: > MaxDescriptionLength })
        {
            return DomainError.Invalid("description", $"description has at most {MaxDescriptionLength} characters.");
        }

        if (definition.StockLevels?.FirstOrDefault(l => l.Value < 0) is { Key: not null } negative)
        {
            return DomainError.Invalid($"stockLevels.{negative.Key}", "A stock level may not be negative.");
        }

        return null;
    }

    public static string? SkuProblem(string? sku) => AmazonSku.Problem(sku, MaxSkuLength);
}
