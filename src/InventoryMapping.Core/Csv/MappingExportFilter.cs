namespace InventoryMapping.Csv;

/// <summary>Which of a channel's listed listings an export writes.</summary>
public enum MappingExportFilter
{
    /// <summary>Every listed listing.</summary>
    All,

    /// <summary>Listed listings linked to an item.</summary>
    Linked,

    /// <summary>Listed listings linked to no item.</summary>
    Unlinked,

    /// <summary>Listed listings whose Amazon status is Active.</summary>
    Active,

    /// <summary>Listed listings Amazon fulfils (FBA).</summary>
    Fba,
}
