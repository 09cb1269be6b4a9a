using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InventoryMapping.SpApi;

public static class SpApiServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SpApiClientFactory"/> and what it needs (named HttpClient, token cache, rate limiters). Uses the registered <see cref="TimeProvider"/>, else the system clock.</summary>
    public static IServiceCollection AddSpApiClient(this IServiceCollection services, Action<SpApiClientOptions>? configure = null)
    {
        // Polly enforces the per-attempt timeout; HttpClient's own 100 s limit would cut long document downloads.
        services.AddHttpClient(SpApiTransport.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        var options = services.AddOptions<SpApiClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SpApiResilience>();
        services.TryAddSingleton<LwaAccessTokens>();
        services.TryAddSingleton<SpApiRateLimiters>();
        services.TryAddSingleton<SpApiTransport>();
        services.TryAddSingleton(static provider => new SpApiClientFactory(provider.GetRequiredService<SpApiTransport>()));
        return services;
    }
}
