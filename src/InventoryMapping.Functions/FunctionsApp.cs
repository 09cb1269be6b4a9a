using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using InventoryMapping.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace InventoryMapping.Functions;

/// <summary>
/// The function app's composition: its services and worker middleware. Program.cs calls it in Azure; the local host
/// calls it too (it looks for this method in the function assembly), so both run the same pipeline.
/// </summary>
public static class FunctionsApp
{
    /// <summary>Application Insights, which infra/ provisions and hands to the app with this setting.</summary>
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>ClientId=…;Authorization=AAD</c>: the identity telemetry is sent with (the resource refuses keys).</summary>
    public const string ApplicationInsightsAuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static void ConfigureWorker(IFunctionsWorkerApplicationBuilder worker, IConfiguration configuration)
    {
        worker.UseMiddleware<UnexpectedErrorMiddleware>();
        worker.UseMiddleware<RouteIdMiddleware>();
        worker.Services.AddHttpApi();
        worker.Services.AddTelemetry(configuration);
        worker.Services.AddInventoryMapping(configuration);
    }

    /// <summary>ASP.NET Core's JSON and problem details, as the API writes them (also what the adapter tests need).</summary>
    public static IServiceCollection AddHttpApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        return services;
    }

    /// <summary>
    /// OpenTelemetry to Application Insights (traces with the app's own activities, logs, metrics) when the app has a
    /// connection string, as in Azure; without one (local runs, tests) nothing is exported.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrEmpty(configuration[ApplicationInsightsSetting]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(Telemetry.SourceName, SpApi.SpApiTelemetry.SourceName))
            .UseFunctionsWorkerDefaults()
            .UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = configuration[ApplicationInsightsSetting];
                if (ClientIdOf(configuration[ApplicationInsightsAuthenticationSetting]) is { } clientId)
                {
                    o.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        return services;
    }

    private static string? ClientIdOf(string? authentication) =>
        authentication?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair[1])
            .FirstOrDefault();
}
