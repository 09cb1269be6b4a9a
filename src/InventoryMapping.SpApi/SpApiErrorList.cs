namespace InventoryMapping.SpApi;

internal sealed record SpApiErrorList(IReadOnlyList<SpApiError>? Errors);
