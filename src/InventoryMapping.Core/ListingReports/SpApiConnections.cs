using InventoryMapping.SpApi;
using InventoryMapping.Channels;
using Microsoft.Extensions.Configuration;

namespace InventoryMapping.ListingReports;

/// <summary>
/// Builds a channel's SP-API client from configuration: the region's endpoint (<c>SpApi:Endpoints:{NA|EU|FE}</c>,
/// default Amazon's), the LWA endpoint (<c>SpApi:TokenEndpoint</c>) and the channel's secrets
/// (<c>SpApi:{channel}:ClientId|ClientSecret|RefreshToken</c>, dashes in the channel id as underscores; Key Vault
/// references in Azure). Secrets are read here and nowhere else, never stored in tables and never logged.
/// </summary>
public sealed class SpApiConnections(IConfiguration configuration, SpApiClientFactory clients)
{
    public const string Section = "SpApi";

    public static string SettingPrefix(string channelId) => $"{Section}__{channelId.Replace('-', '_')}__";

    public Result<SpApiReportsClient> CreateReportsClient(Channel channel)
    {
        var secrets = configuration.GetSection($"{Section}:{channel.ChannelId.Replace('-', '_')}");
        var clientId = secrets["ClientId"];
        var clientSecret = secrets["ClientSecret"];
        var refreshToken = secrets["RefreshToken"];
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret) || string.IsNullOrEmpty(refreshToken))
        {
            var prefix = SettingPrefix(channel.ChannelId);
            return DomainError.Invalid(
                "credentials",
                $"The channel's SP-API credentials are not configured: set {prefix}ClientId, {prefix}ClientSecret and {prefix}RefreshToken.");
        }

        return clients.CreateReportsClient(Endpoint(channel.Region), new SpApiCredentials(clientId, clientSecret, refreshToken));
    }

    private SpApiEndpoint Endpoint(AmazonRegion region)
    {
        var defaults = region switch
        {
            AmazonRegion.NA => SpApiEndpoint.NorthAmerica,
            AmazonRegion.EU => SpApiEndpoint.Europe,
            _ => SpApiEndpoint.FarEast,
        };
        var api = configuration[$"{Section}:Endpoints:{region}"];
        var token = configuration[$"{Section}:TokenEndpoint"];
        return new SpApiEndpoint(
            string.IsNullOrEmpty(api) ? defaults.ApiBaseUri : new Uri(api),
            string.IsNullOrEmpty(token) ? defaults.TokenUri : new Uri(token));
    }
}
