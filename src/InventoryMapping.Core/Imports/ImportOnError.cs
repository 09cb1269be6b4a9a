namespace InventoryMapping.Imports;

/// <summary>What an import does when rows are invalid.</summary>
public enum ImportOnError
{
    /// <summary>Any invalid row: nothing is applied, the import fails with its errors (the default).</summary>
    Reject,

    /// <summary>The valid rows are applied, the invalid ones reported.</summary>
    Skip,
}
