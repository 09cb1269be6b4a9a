namespace InventoryMapping.SpApi;

/// <summary>Login with Amazon refused the refresh token (e.g. <c>invalid_grant</c>: revoked or wrong). Retrying does not help; the seller must authorise again.</summary>
public sealed class SpApiAuthorizationException(string error, string? description, string clientId)
    : Exception($"Login with Amazon refused the refresh token of client {clientId}: {error} {description}".TrimEnd())
{
    /// <summary>LWA's <c>error</c>, e.g. <c>invalid_grant</c> or <c>invalid_client</c>.</summary>
    public string Error { get; } = error;

    public string? Description { get; } = description;
}
