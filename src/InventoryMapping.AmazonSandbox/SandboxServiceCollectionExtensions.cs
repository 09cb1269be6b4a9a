using System.Text.Json.Serialization;

namespace InventoryMapping.AmazonSandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>Registers the sandbox's state on <paramref name="clock"/>; reports progress and URLs expire by that clock.</summary>
    public static IServiceCollection AddAmazonSandbox(this IServiceCollection services, SandboxOptions options, TimeProvider clock)
    {
        services.AddSingleton(new SandboxControl(options, clock));
        services.AddSingleton<SandboxRateLimitFilter.Buckets>();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        return services;
    }
}
