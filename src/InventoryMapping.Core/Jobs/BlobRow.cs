namespace InventoryMapping.Jobs;

/// <summary>One line of a blob read by <see cref="BlobRanges"/>: where it starts (bytes) and its text, without the line break.</summary>
internal sealed record BlobRow(long Offset, string Text);
