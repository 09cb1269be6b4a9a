namespace InventoryMapping.Amazon;

internal sealed record SpApiErrorList(IReadOnlyList<SpApiError>? Errors);
