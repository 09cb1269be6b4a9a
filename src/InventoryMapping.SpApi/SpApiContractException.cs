namespace InventoryMapping.SpApi;

/// <summary>Amazon answered something its model does not allow (an unknown status, a relative document URL, a DONE report without document). Asking again does not help.</summary>
public sealed class SpApiContractException(string operation, string message)
    : Exception($"SP-API {operation} answered outside its model: {message}")
{
    public string Operation { get; } = operation;
}
