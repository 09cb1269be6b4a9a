namespace InventoryMapping;

/// <summary>Rules for seller SKUs as Amazon accepts them: up to 40 characters, anything but control characters.</summary>
public static class AmazonSku
{
    public const int MaxLength = 40;

    /// <summary>Null when <paramref name="sku"/> is a valid SKU of at most <paramref name="maxLength"/> characters, else why not.</summary>
    public static string? Problem(string? sku, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(sku))
        {
            return "A SKU is required.";
        }

        if (!IsWellFormed(sku))
        {
            return "The SKU is not well-formed Unicode text.";
        }

        if (sku.EnumerateRunes().Count() > maxLength)
        {
            return $"A SKU has at most {maxLength} characters.";
        }

        if (sku.Any(char.IsControl))
        {
            return "A SKU may not contain control characters.";
        }

        return null;
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
