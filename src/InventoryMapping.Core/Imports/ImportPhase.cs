namespace InventoryMapping.Imports;

/// <summary>The passes of an import over its file, one after the other in the job's one part.</summary>
internal enum ImportPhase
{
    /// <summary>Reads every row, checks it against the listings and items, reports what is wrong; writes nothing but its findings.</summary>
    Validate,

    /// <summary>Reads the rows again and applies the valid ones (in reject mode only when no row was rejected).</summary>
    Apply,
}
