namespace InventoryMapping.SpApi;

/// <summary>One entry of Amazon's <c>ErrorList</c>.</summary>
public sealed record SpApiError(string Code, string Message, string? Details = null);
