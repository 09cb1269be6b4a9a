namespace InventoryMapping.Jobs;

/// <summary>How Link All compares SKUs: exactly, or also trimmed and case-folded (only where that is unambiguous).</summary>
public enum SkuMatchMode
{
    Exact,
    Normalized,
}
