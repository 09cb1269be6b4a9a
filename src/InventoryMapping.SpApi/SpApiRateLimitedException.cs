namespace InventoryMapping.SpApi;

/// <summary>
/// The seller's allowance for <see cref="Operation"/> is spent and the caller said not to wait for it: nothing was
/// sent. Try again after <see cref="RetryAfter"/>.
/// </summary>
public sealed class SpApiRateLimitedException(string operation, TimeSpan retryAfter)
    : Exception($"SP-API {operation}: the rate allowance is spent; the next call is possible in {retryAfter:g}.")
{
    public string Operation { get; } = operation;

    public TimeSpan RetryAfter { get; } = retryAfter;
}
