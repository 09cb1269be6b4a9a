using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InventoryMapping.LocalHost.SampleFunctions;

public static class SampleServiceCollectionExtensions
{
    /// <summary>The sample app's registrations, shared by its Program.cs and the local host's tests.</summary>
    public static IServiceCollection AddSampleServices(this IServiceCollection services)
    {
        services.TryAddSingleton<InvocationLog>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<RequestScopedCounter>();
        return services;
    }
}
