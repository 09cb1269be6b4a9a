namespace InventoryMapping.Storage;

/// <summary>What a conditional write came to (see <see cref="ConditionalWrites"/>).</summary>
public enum WriteOutcome
{
    /// <summary>Written; the entity carries its new ETag.</summary>
    Written,

    /// <summary>Someone else wrote first: an insert found the row there (409), or the ETag no longer matched (412).</summary>
    Conflict,

    /// <summary>The row to replace or delete is not there (404).</summary>
    Missing,
}
