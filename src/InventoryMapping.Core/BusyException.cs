namespace InventoryMapping;

/// <summary>
/// A change that kept meeting concurrent changes until its retries were spent: nothing is wrong with the request,
/// and the same request may succeed a moment later (an HTTP host answers 409 with Retry-After).
/// </summary>
public abstract class BusyException(string message, Exception? innerException) : Exception(message, innerException);
