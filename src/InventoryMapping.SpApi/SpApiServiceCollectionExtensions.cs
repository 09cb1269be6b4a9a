using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InventoryMapping.SpApi;

public static class SpApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SpApiClientFactory"/> and what it needs (named HttpClient, token cache, rate limiters),
    /// with <see cref="SpApiOptions"/> bound from <paramref name="section"/> (when given), then <paramref name="configure"/>,
    /// validated when the host starts. Uses the registered <see cref="TimeProvider"/>, else the system clock.
    /// </summary>
    public static IServiceCollection AddSpApiClient(this IServiceCollection services, IConfiguration? section = null, Action<SpApiOptions>? configure = null)
    {
        // Polly enforces the per-attempt timeout; HttpClient's own 100 s limit would cut long document downloads.
        services.AddHttpClient(SpApiTransport.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        var options = services.AddOptions<SpApiOptions>();
        if (section is not null)
        {
            options.Bind(section);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpApiOptions>, SpApiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SpApiResilience>();
        services.TryAddSingleton<LwaAccessTokens>();
        services.TryAddSingleton<SpApiRateLimiters>();
        services.TryAddSingleton<SpApiTransport>();
        services.TryAddSingleton(static provider => new SpApiClientFactory(provider.GetRequiredService<SpApiTransport>()));
        return services;
    }

    /// <summary>Registers the client with <paramref name="configure"/> only (tests, tools).</summary>
    public static IServiceCollection AddSpApiClient(this IServiceCollection services, Action<SpApiOptions> configure) =>
        services.AddSpApiClient(section: null, configure);
}
