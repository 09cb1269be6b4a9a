namespace InventoryMapping;

/// <summary>Rules for seller SKUs as Amazon accepts them: up to 40 characters, an identifier (see <see cref="TextRules"/>).</summary>
public static class AmazonSku
{
    public const int MaxLength = 40;

    /// <summary>Null when <paramref name="sku"/> is a valid SKU of at most <paramref name="maxLength"/> characters, else why not.</summary>
    public static string? Problem(string? sku, int maxLength = MaxLength) => TextRules.IdentifierProblem("A SKU", sku, maxLength);
}
