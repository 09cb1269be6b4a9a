namespace InventoryMapping.SpApi;

/// <summary>An application's LWA client and one seller's refresh token for it. Never logged: see <see cref="ToString"/>.</summary>
public sealed record SpApiCredentials(string ClientId, string ClientSecret, string RefreshToken)
{
    /// <summary>The client id only: the secret and the refresh token must not reach logs or exception messages.</summary>
    public override string ToString() => $"SpApiCredentials {{ ClientId = {ClientId}, ClientSecret = ***, RefreshToken = *** }}";
}
