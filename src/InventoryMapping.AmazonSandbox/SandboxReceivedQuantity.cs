namespace InventoryMapping.AmazonSandbox;

/// <summary>A quantity "Amazon" applied to a seller's SKU: from a feed message that processed without error, or an ACCEPTED patch.</summary>
/// <param name="Via"><c>feed</c> or <c>patch</c>.</param>
/// <param name="SubmissionId">The feed id, or the patch's submission id.</param>
public sealed record SandboxReceivedQuantity(string Sku, int Quantity, string Via, string SubmissionId, DateTimeOffset At);
