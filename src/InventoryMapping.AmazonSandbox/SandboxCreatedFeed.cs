namespace InventoryMapping.AmazonSandbox;

/// <summary>A feed the sandbox created: its id, type and createdTime (whole seconds, as Amazon's).</summary>
public sealed record SandboxCreatedFeed(string FeedId, string FeedType, DateTimeOffset CreatedTime);
