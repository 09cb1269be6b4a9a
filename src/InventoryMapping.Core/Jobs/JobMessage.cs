namespace InventoryMapping.Jobs;

/// <summary>The queue message that asks a runner to work on a job (start it, or go on from its checkpoint).</summary>
public sealed record JobMessage(string JobId);
